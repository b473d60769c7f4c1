package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.worker.Compiler;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Compiles edited code in one long-lived, sandboxed JVM ({@code CompilerMain}) that stays warm, so
 * an edited run does not wait for a cold javac, not even when no warm worker is left and its worker
 * starts cold. The classes then go to the run's own worker, as a lesson's precompiled classes do,
 * and the reader's program runs there as before.
 *
 * <p>The service compiles and never runs: javac works with annotation processing off, so no part of
 * a reader's code executes in it. It runs in the same sandbox as a worker, as a uid of its own.
 * Compiles go one at a time, each under the compile-time limit; one that exceeds it, or a process
 * that dies, is replaced by a fresh process. While none is ready, a run compiles in its own worker.
 *
 * <pre>
 *   compile ─ ready? ─ no ─────────────────────────────► Unavailable (compile in the worker)
 *               └ yes ─ queue ─ send ─┬ compiled ──────► Compiled
 *                                     ├ limit ─ kill ──► TimedOut      ┐ a new process
 *                                     └ died ──────────► Unavailable   ┘ is started
 * </pre>
 *
 * <p>Everything but {@link #state()}, {@link #compiles()} and {@link #close()} runs on the
 * service's own context.
 */
final class CompileService {
  private static final System.Logger LOG = System.getLogger(CompileService.class.getName());

  /** Beside the pool's slots and the AOT training's, so its uid is never a run's. */
  static final int SLOT = 998;

  /** Starts that fail before the process is ready, in a row, before the service gives up. */
  static final int MAX_FAILED_STARTS = 3;

  /** How a compile went. */
  sealed interface Outcome {
    /** javac answered: classes, or the messages that say why there are none. */
    record Compiled(Compiler.Result result) implements Outcome {}

    /** The compile-time limit was hit; the process was replaced. */
    record TimedOut() implements Outcome {}

    /** No service right now (starting, replaced, given up): the run compiles in its worker. */
    record Unavailable(String why) implements Outcome {}
  }

  /** Where the service stands, as /health reports it. */
  enum State {
    STARTING,
    READY,
    UNAVAILABLE;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private record Request(long id, String fileClassName, String source, Promise<Outcome> done) {}

  private final Vertx vertx;
  private final Context context;
  private final ChildLauncher launcher;
  private final int warmups;
  private final Duration limit;
  private final Queue<Request> queue = new ArrayDeque<>();

  // Written on `context`; read anywhere (/health), or by close(), which may not wait for it.
  private volatile State state = State.STARTING;
  private volatile long compiles;
  private volatile Child process;
  private volatile boolean closed;
  // Only touched on `context`.
  private Request current;
  private Map<String, byte[]> classes;
  private List<Compiler.Message> messages;
  private long timer = -1;
  private long nextId;
  private boolean processReady;
  private int failedStarts;

  CompileService(Vertx vertx, ChildLauncher launcher, int warmups, Duration limit) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.launcher = launcher;
    this.warmups = warmups;
    this.limit = limit;
  }

  /** Starts the first process; the service is ready when it has warmed up. */
  void start() {
    context.runOnContext(v -> spawn());
  }

  State state() {
    return state;
  }

  long compiles() {
    return compiles;
  }

  /** Never fails: an outcome says what happened. */
  Future<Outcome> compile(String fileClassName, String source) {
    Promise<Outcome> done = Promise.promise();
    context.runOnContext(v -> {
      if (state != State.READY) {
        done.complete(new Outcome.Unavailable("the compile service is " + state.wireName()));
        return;
      }
      queue.add(new Request(++nextId, fileClassName, source, done));
      next();
    });
    return done.future();
  }

  /** Kills the process at once: the event loops may already be stopping. */
  void close() {
    closed = true;
    state = State.UNAVAILABLE;
    kill();
    context.runOnContext(v -> drain("the server is stopping"));
  }

  private void spawn() {
    if (closed) {
      return;
    }
    state = State.STARTING;
    launcher
        .start(Sandbox.Role.COMPILER, SLOT, warmups)
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.log(Level.WARNING, "the compile service could not start: " + ar.cause());
            exited(null, -1);
          } else {
            watch(ar.result());
          }
        });
  }

  private void watch(Child started) {
    if (closed) {
      started.kill();
      return;
    }
    process = started;
    processReady = false;
    started.attach(
        new Child.Listener() {
          @Override
          public void message(Wire.Envelope envelope) {
            context.runOnContext(v -> onMessage(started, envelope));
          }

          @Override
          public void stray(String line, boolean stderr) {
            LOG.log(Level.DEBUG, "compile service: " + line);
          }

          @Override
          public void exited(int code) {
            context.runOnContext(v -> CompileService.this.exited(started, code));
          }
        });
  }

  private void onMessage(Child from, Wire.Envelope envelope) {
    if (from != process) {
      return; // a replaced process's last words
    }
    if (envelope.message() instanceof Wire.Ready) {
      processReady = true;
      state = State.READY;
      failedStarts = 0;
      LOG.log(Level.INFO, "compile service ready");
      next();
      return;
    }
    if (current == null || envelope.job() != current.id()) {
      return; // the answer to a request that already timed out
    }
    switch (envelope.message()) {
      case Wire.Diagnostic(var m) -> messages.add(m);
      case Wire.ClassFile(var name, var bytes) -> classes.put(name, bytes);
      case Wire.Compiled(var main) -> {
        finish(
            new Outcome.Compiled(
                new Compiler.Result(
                    main == null ? Map.of() : classes, main, List.copyOf(messages))));
        compiles++;
        next();
      }
      default -> {}
    }
  }

  /** Sends the next request if the process is free. */
  private void next() {
    if (state != State.READY || current != null || queue.isEmpty()) {
      return;
    }
    current = queue.poll();
    classes = new LinkedHashMap<>();
    messages = new ArrayList<>();
    Request sent = current;
    timer =
        vertx.setTimer(
            limit.toMillis(),
            t -> {
              if (current == sent) {
                finish(new Outcome.TimedOut());
                state = State.STARTING; // takes no more requests; its exit starts a new one
                kill();
              }
            });
    process.send(sent.id(), new Wire.Compile(sent.fileClassName(), sent.source()), false);
  }

  private void finish(Outcome outcome) {
    vertx.cancelTimer(timer);
    Request done = current;
    current = null;
    classes = null;
    messages = null;
    if (done != null) {
      done.done().complete(outcome);
    }
  }

  private void exited(Child which, int code) {
    if (which != null && which != process) {
      return;
    }
    boolean wasReady = processReady;
    process = null;
    processReady = false;
    if (current != null) {
      finish(new Outcome.Unavailable("the compile service exited with code " + code));
    }
    drain("the compile service is restarting");
    if (closed) {
      return;
    }
    failedStarts = wasReady ? 0 : failedStarts + 1;
    if (failedStarts >= MAX_FAILED_STARTS) {
      state = State.UNAVAILABLE;
      LOG.log(
          Level.WARNING,
          "the compile service failed to start "
              + failedStarts
              + " times (last exit code "
              + code
              + "); edited code now compiles in each run's worker");
      return;
    }
    LOG.log(Level.DEBUG, "compile service exited with " + code + "; starting a new one");
    spawn();
  }

  /** Queued requests go back to their runs, which compile in their workers. */
  private void drain(String why) {
    for (Request r = queue.poll(); r != null; r = queue.poll()) {
      r.done().complete(new Outcome.Unavailable(why));
    }
  }

  private void kill() {
    Child p = process;
    if (p != null) {
      p.kill();
    }
  }
}
