package dev.polyglot.playground.run.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts children as the {@link Sandbox} says (JVMs, or a runtime's harness), each slot in a
 * scratch folder of its own, and keeps a list of the live ones so that nothing it started outlives
 * the server: {@link #close()} kills them, and kills any whose start was still under way.
 */
final class SandboxLauncher implements ChildLauncher {
  /** The command line of a child, for its role, pool slot and warm-ups. */
  @FunctionalInterface
  interface Commands {
    List<String> command(Sandbox.Role role, int slot, int warmups);
  }

  /** The longest line from a worker; its own lines stay far below it. */
  static final int WORKER_LINE = 64 * 1024;

  /** Class files come back from the compile service base64-encoded, one per line. */
  static final int COMPILER_LINE = 64 << 20;

  private final Vertx vertx;
  private final Path workDir;
  private final String slotPrefix;
  private final Commands commands;
  private final Set<Child> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private SandboxLauncher(Vertx vertx, Path workDir, String slotPrefix, Commands commands) {
    this.vertx = vertx;
    this.workDir = workDir;
    this.slotPrefix = slotPrefix;
    this.commands = commands;
  }

  /** Child JVMs: workers, the compile service, the AOT training run. */
  SandboxLauncher(Vertx vertx, Sandbox sandbox, Path workDir, AotCache aot) {
    this(
        vertx,
        workDir,
        "slot-",
        (role, slot, warmups) ->
            sandbox.command(
                role,
                slot,
                warmups,
                role == Sandbox.Role.TRAINING
                    ? Sandbox.Aot.TRAIN
                    : aot.ready() ? Sandbox.Aot.USE : Sandbox.Aot.NONE));
  }

  /** Harnesses of one runtime; every child is a worker, and none warms up beyond its imports. */
  static SandboxLauncher of(Vertx vertx, Sandbox sandbox, Path workDir, ScriptRuntime runtime) {
    return new SandboxLauncher(
        vertx,
        workDir,
        runtime.language().id() + "-slot-",
        (role, slot, warmups) -> sandbox.command(runtime, slot));
  }

  @Override
  public Future<Child> start(Sandbox.Role role, int slot, int warmups) {
    return vertx.executeBlocking(
        () -> {
          Path dir = workDir.resolve(slotPrefix + slot);
          Files.createDirectories(dir);
          var child =
              OsChild.spawn(
                  commands.command(role, slot, warmups),
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
