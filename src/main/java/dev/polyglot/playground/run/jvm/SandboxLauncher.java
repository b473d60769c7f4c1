package dev.polyglot.playground.run.jvm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts child JVMs as the {@link Sandbox} says, each slot in a scratch folder of its own, and
 * keeps a list of the live ones so that nothing it started outlives the server: {@link #close()}
 * kills them, and kills any whose start was still under way.
 */
final class SandboxLauncher implements ChildLauncher {
  /** The longest line from a worker; its own lines stay far below it. */
  static final int WORKER_LINE = 64 * 1024;

  /** Class files come back from the compile service base64-encoded, one per line. */
  static final int COMPILER_LINE = 64 << 20;

  private final Vertx vertx;
  private final Sandbox sandbox;
  private final Path workDir;
  private final AotCache aot;
  private final Set<Child> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  SandboxLauncher(Vertx vertx, Sandbox sandbox, Path workDir, AotCache aot) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.workDir = workDir;
    this.aot = aot;
  }

  @Override
  public Future<Child> start(Sandbox.Role role, int slot, int warmups) {
    return vertx.executeBlocking(
        () -> {
          Path dir = workDir.resolve("slot-" + slot);
          Files.createDirectories(dir);
          Sandbox.Aot mode =
              role == Sandbox.Role.TRAINING
                  ? Sandbox.Aot.TRAIN
                  : aot.ready() ? Sandbox.Aot.USE : Sandbox.Aot.NONE;
          var child =
              OsChild.spawn(
                  sandbox.command(role, slot, warmups, mode),
                  dir,
                  role == Sandbox.Role.COMPILER ? COMPILER_LINE : WORKER_LINE);
          live.add(child);
          child.exit().onComplete(x -> live.remove(child));
          if (closed) {
            child.kill(); // close() ran while this one was starting
          }
          return child;
        },
        false);
  }

  @Override
  public void close() {
    closed = true;
    live.forEach(Child::kill);
  }
}
