package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Child} that is a real process. Two threads read its stdout (protocol lines) and its
 * stderr (the JVM's own messages); writes to its stdin go on a pool of writer threads. They are
 * platform threads: a pipe read blocks in the kernel and holds a virtual thread's carrier, and with
 * a pool of idle children each holding two, the scheduler's carriers ran out once its extra ones
 * had timed out, so the write of a job waited for a carrier until the run's time was up.
 *
 * <pre>
 *   stdout reader ─┬─ ready ─────────────► ready()
 *                  └─ message / stray ───► listener
 *   stderr reader ──── stray ────────────► listener (or the log, before one is attached)
 *   both pipes closed + process exited ──► listener.exited, exit()
 * </pre>
 */
final class OsChild implements Child {
  private static final System.Logger LOG = System.getLogger(OsChild.class.getName());

  /** A reader only decodes lines: a small stack keeps tens of idle children cheap. */
  private static final long STACK_BYTES = 256 * 1024;

  /** Job writes, on threads kept for the next one: a run's start does not wait for a new one. */
  private static final ExecutorService WRITERS =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().daemon().stackSize(STACK_BYTES).name("child-in-", 1).factory());

  private final Process process;
  private final int maxLine;
  private final Promise<Child> ready = Promise.promise();
  private final Promise<Integer> exit = Promise.promise();
  private volatile Listener listener;
  // Both pipes and the process itself must close before the exit is reported, so that the last
  // lines (such as "finished") always arrive before it.
  private final AtomicInteger open = new AtomicInteger(3);
  private final AtomicBoolean exitReported = new AtomicBoolean();
  private volatile int exitCode = -1;

  private OsChild(Process process, int maxLine) {
    this.process = process;
    this.maxLine = maxLine;
  }

  /**
   * Starts {@code command} with nothing of the server's environment; blocking (fork and exec), so
   * call it from a worker thread. Lines longer than {@code maxLine} bytes arrive in pieces.
   */
  static OsChild spawn(List<String> command, Path workDir, int maxLine) throws IOException {
    var builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(Map.of("LANG", "C.UTF-8", "HOME", workDir.toString()));
    var child = new OsChild(builder.start(), maxLine);
    child.watch();
    return child;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public Future<Child> ready() {
    return ready.future();
  }

  @Override
  public Future<Integer> exit() {
    return exit.future();
  }

  @Override
  public void attach(Listener listener) {
    this.listener = listener;
    if (open.get() == 0) {
      reportExit();
    }
  }

  @Override
  public void send(long job, Wire.Job message, boolean last) {
    byte[] line = (Wire.encode(job, message) + "\n").getBytes(StandardCharsets.UTF_8);
    WRITERS.execute(() -> {
      OutputStream in = process.getOutputStream();
      // One writer at a time: the compile service may be sent its next job while a slow
      // write of the last one is still going.
      synchronized (in) {
        try {
          in.write(line);
          in.flush();
          if (last) {
            in.close();
          }
        } catch (IOException e) {
          // The process is gone; its exit is reported by the exit watcher.
        }
      }
    });
  }

  @Override
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private void watch() {
    Thread.ofPlatform()
        .daemon()
        .stackSize(STACK_BYTES)
        .name("child-" + pid() + "-out")
        .start(() -> read(process.getInputStream(), false));
    Thread.ofPlatform()
        .daemon()
        .stackSize(STACK_BYTES)
        .name("child-" + pid() + "-err")
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
      ready.tryFail("the process exited with code " + exitCode + " before it was ready");
      reportExit();
      exit.tryComplete(exitCode);
    }
  }

  private void reportExit() {
    Listener l = listener;
    if (l != null && exitReported.compareAndSet(false, true)) {
      l.exited(exitCode);
    }
  }

  private void read(InputStream stream, boolean stderr) {
    var lines = new LineReader(stream, maxLine);
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (stderr) {
          stray(line, true);
          continue;
        }
        Wire.Envelope envelope;
        try {
          envelope = Wire.decode(line);
        } catch (Wire.MalformedException e) {
          stray(line, false);
          continue;
        }
        if (envelope.message() instanceof Wire.Ready) {
          ready.tryComplete(this);
        }
        Listener l = listener;
        if (l != null) {
          l.message(envelope);
        }
      }
    } catch (IOException e) {
      // The pipe broke: the process is gone.
    } finally {
      closed();
    }
  }

  private void stray(String line, boolean stderr) {
    Listener l = listener;
    if (l != null) {
      l.stray(line, stderr);
    } else {
      LOG.log(Level.DEBUG, "child " + pid() + (stderr ? " stderr: " : " stdout: ") + line);
    }
  }
}
