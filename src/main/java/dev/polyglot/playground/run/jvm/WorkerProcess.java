package dev.polyglot.playground.run.jvm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One child JVM. Two virtual threads read its stdout (protocol lines) and stderr (the JVM's own
 * messages); until a run attaches, they only wait for {@code ready}. Lines and the exit are handed
 * to the attached {@link Listener} on the reader threads: the listener moves them onto its Vert.x
 * context.
 */
final class WorkerProcess {
  /** The longest protocol line accepted; the worker's own lines stay well below it. */
  static final int MAX_LINE = 64 * 1024;

  interface Listener {
    void event(JsonObject event);

    /** A line that is not a protocol event: from the JVM itself, or forged by the program. */
    void stray(String line, boolean stderr);

    void exited(int code);
  }

  final int slot;
  private final Process process;
  private final Promise<WorkerProcess> ready = Promise.promise();
  private final long spawnedNanos = System.nanoTime();
  private volatile Listener listener;
  private volatile boolean killed;
  // Both pipes and the process itself must close before the exit is reported, so that the last
  // lines (such as "finished") always arrive before it.
  private final java.util.concurrent.atomic.AtomicInteger open =
      new java.util.concurrent.atomic.AtomicInteger(3);
  private final java.util.concurrent.atomic.AtomicBoolean exitReported =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile int exitCode = -1;

  private WorkerProcess(int slot, Process process) {
    this.slot = slot;
    this.process = process;
  }

  /** Starts the process; blocking (fork and exec), so call it from a worker thread. */
  static WorkerProcess spawn(int slot, List<String> command, Path workDir) throws IOException {
    var worker = new WorkerProcess(slot, launch(command, workDir));
    worker.readers();
    return worker;
  }

  /** Starts a sandbox command with nothing of the server's environment; blocking. */
  static Process launch(List<String> command, Path workDir) throws IOException {
    var builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(java.util.Map.of("LANG", "C.UTF-8", "HOME", workDir.toString()));
    return builder.start();
  }

  Future<WorkerProcess> ready() {
    return ready.future();
  }

  long pid() {
    return process.pid();
  }

  long spawnedNanos() {
    return spawnedNanos;
  }

  boolean killed() {
    return killed;
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** Hands the process to one run, and sends its job. */
  void attach(Listener listener, String job) {
    this.listener = listener;
    if (open.get() == 0) {
      reportExit();
      return;
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write(job.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The process died before reading its job; its exit is reported by the exit watcher.
    }
  }

  /** Kills the process and everything it started. Safe to call more than once. */
  void kill() {
    killed = true;
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private void readers() {
    Thread.ofVirtual()
        .name("worker-" + process.pid() + "-out")
        .start(() -> read(process.getInputStream(), false));
    Thread.ofVirtual()
        .name("worker-" + process.pid() + "-err")
        .start(() -> read(process.getErrorStream(), true));
    process
        .onExit()
        .thenAccept(p -> {
          exitCode = p.exitValue();
          closed();
        });
  }

  private void closed() {
    if (open.decrementAndGet() == 0) {
      ready.tryFail("the worker exited with code " + exitCode + " before it was ready");
      reportExit();
    }
  }

  private void reportExit() {
    Listener l = listener;
    if (l != null && exitReported.compareAndSet(false, true)) {
      l.exited(exitCode);
    }
  }

  private void read(java.io.InputStream stream, boolean stderr) {
    var lines = new LineReader(stream, MAX_LINE);
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        Listener l = listener;
        if (!stderr && l == null && line.equals("{\"type\":\"ready\"}")) {
          ready.tryComplete(this);
        } else if (l != null) {
          deliver(l, line, stderr);
        } else if (stderr) {
          System.getLogger(WorkerProcess.class.getName())
              .log(System.Logger.Level.DEBUG, "worker " + process.pid() + ": " + line);
        }
      }
    } catch (IOException e) {
      // The pipe broke: the process is gone.
    } finally {
      closed();
    }
  }

  private static void deliver(Listener l, String line, boolean stderr) {
    if (!stderr && line.startsWith("{")) {
      try {
        l.event(new JsonObject(line));
        return;
      } catch (DecodeException e) {
        // not ours: fall through
      }
    }
    l.stray(line, stderr);
  }
}
