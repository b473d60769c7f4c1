package dev.polyglot.playground.run.sandbox;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link ChildLauncher} that starts {@link FakeChild}ren, made by a test's factory, and keeps
 * every one it started. It can be told to fail, as a launcher whose sandbox is broken would.
 */
final class FakeLauncher implements ChildLauncher {
  /** What a start request asks for. */
  record Start(Sandbox.Role role, int slot, int warmups) {}

  final List<FakeChild> started = new CopyOnWriteArrayList<>();
  private final Function<Start, FakeChild> factory;
  volatile boolean failing;
  volatile boolean closed;

  FakeLauncher(Function<Start, FakeChild> factory) {
    this.factory = factory;
  }

  @Override
  public Future<Child> start(Sandbox.Role role, int slot, int warmups) {
    if (failing) {
      return Future.failedFuture("cannot start: the test said so");
    }
    FakeChild child = factory.apply(new Start(role, slot, warmups));
    started.add(child);
    if (closed) {
      child.kill();
    }
    return Future.succeededFuture(child);
  }

  @Override
  public void close() {
    closed = true;
    started.forEach(FakeChild::kill);
  }

  List<FakeChild> alive() {
    return started.stream().filter(FakeChild::alive).toList();
  }
}
