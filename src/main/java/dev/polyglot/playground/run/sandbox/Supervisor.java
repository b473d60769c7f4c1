package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import dev.polyglot.playground.run.RunEvent.Output.Stream;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;

/**
 * Watches one worker through one run, on the Vert.x context of whoever started the run. It turns
 * the worker's {@link Wire} events into {@link RunEvent}s, enforces what the child cannot be
 * trusted with (wall time, compile time, output size), kills the process tree when a limit is hit
 * or the run is stopped, and always ends with exactly one {@code exit} or {@code error}.
 *
 * <pre>
 *   attach ── [compiling ─ diagnostic*] ── started ── output/spans* ── finished ── exit
 *      │ compile timer                        │ wall timer
 *      └──────────── limit + kill ◄───────────┴─ output cap, cancel, shutdown
 *   the process dies without finishing and nobody here killed it ─────────────── worker-lost
 * </pre>
 */
final class Supervisor implements Child.Listener {
  private static final int MAX_TEXT = 16 * 1024;

  /** How a process ends on SIGKILL: the OOM killer's, an operator's kill -9. */
  static final int KILLED = 128 + 9;

  /** How a run's process ends on SIGXCPU: its soft CPU limit (see Sandbox). */
  static final int CPU_LIMIT = 128 + 24;

  private final Vertx vertx;
  private final Context context;
  private final Child worker;
  private final Limits limits;
  private final Handler<RunEvent> events;
  private final Run run;
  private final Stray stray;

  private long job;
  private long timer = -1;
  private boolean started;
  private long startedNanos;
  private long outputBytes;
  private boolean compiling;
  private boolean compileFailed;
  private boolean finished;
  private Reason stoppedBy; // cancel or shutdown: later output is not shown
  private RunEvent.Limit limit;
  private String crash = "";
  private double wallMs = -1;
  private double cpuMs = -1;
  private boolean done;

  /**
   * How to read lines from the process itself rather than the protocol: who wrote them ({@code
   * jvm}, {@code node}), and, where the runtime reports running out of memory only there (Node's
   * heap limit), the text that says so; null where it never does.
   */
  record Stray(String writer, String outOfMemory) {
    static final Stray JVM = new Stray("jvm", null);
  }

  Supervisor(
      Vertx vertx,
      Context context,
      Child worker,
      Limits limits,
      Handler<RunEvent> events,
      Run run) {
    this(vertx, context, worker, limits, events, run, Stray.JVM);
  }

  Supervisor(
      Vertx vertx,
      Context context,
      Child worker,
      Limits limits,
      Handler<RunEvent> events,
      Run run,
      Stray stray) {
    this.vertx = vertx;
    this.context = context;
    this.worker = worker;
    this.limits = limits;
    this.events = events;
    this.run = run;
    this.stray = stray;
  }

  /**
   * Sends the job and starts watching; call on {@code context}.
   *
   * @param compilingShown the run already said it is compiling (the compile service tried first),
   *     so the worker's own {@code compiling} is not repeated
   */
  void start(long jobId, Wire.Job work, boolean compilingShown) {
    this.job = jobId;
    this.compiling = compilingShown;
    run.onCancel(why -> context.runOnContext(v -> stop(why)));
    timer =
        vertx.setTimer(limits.compileTime().toMillis(), t -> stop(limits.compileTimeExceeded()));
    worker.attach(this);
    worker.send(jobId, work, true);
  }

  @Override
  public void message(Wire.Envelope envelope) {
    // Another job's id can only be a line the program forged on the worker's stdout.
    if (envelope.job() == job) {
      context.runOnContext(v -> onEvent((Wire.Event) envelope.message()));
    }
  }

  @Override
  public void stray(String line, boolean stderr) {
    context.runOnContext(v -> {
      output(
          stderr ? Stream.STDERR : Stream.STDOUT,
          line,
          sinceStart(),
          stderr ? stray.writer() : "?");
      if (stderr && stray.outOfMemory() != null && line.contains(stray.outOfMemory())) {
        stop(
            new RunEvent.Limit(
                Limits.Kind.MEMORY,
                "The program ran out of memory: its heap may grow to %d MiB."
                    .formatted(limits.heapMb())));
      }
    });
  }

  @Override
  public void exited(int code) {
    context.runOnContext(v -> onExit(code));
  }

  private void onEvent(Wire.Event event) {
    switch (event) {
      case Wire.Compiling c -> {
        if (!compiling) {
          compiling = true;
          emit(new RunEvent.Compiling());
        }
      }
      case Wire.Diagnostic(var m) ->
          emit(new RunEvent.Diagnostic(m.severity(), m.line(), m.column(), cut(m.text())));
      case Wire.CompileFailed f -> compileFailed = true;
      case Wire.Started s -> onStarted();
      case Wire.Output(var stderr, var text, var t, var thread) ->
          output(stderr ? Stream.STDERR : Stream.STDOUT, cut(text), t, cut(thread));
      case Wire.SpanStart(var name, var thread, var start) -> {
        if (started) {
          emit(new RunEvent.SpanStart(cut(name), cut(thread), start));
        }
      }
      case Wire.SpanEnd(var name, var thread, var start, var end) -> {
        if (started) {
          emit(new RunEvent.SpanEnd(cut(name), cut(thread), start, end));
        }
      }
      case Wire.Running(var thread, var start, var end) -> {
        if (started) {
          emit(new RunEvent.Running(cut(thread), start, end));
        }
      }
      case Wire.At(var thread, var t, var line) -> {
        if (started) {
          emit(new RunEvent.At(cut(thread), t, line));
        }
      }
      case Wire.Limit(var kind, var message) ->
          stop(
              new RunEvent.Limit(
                  kind.equals("threads") ? Limits.Kind.THREADS : Limits.Kind.MEMORY, cut(message)));
      case Wire.Finished(var wall, var cpu) -> {
        finished = true;
        wallMs = wall;
        cpuMs = cpu;
      }
      case Wire.Crashed(var message) -> crash = cut(message);
      // Not a worker's event (a compile service's, or a forged one): nothing to show.
      case Wire.Ready r -> {}
      case Wire.ClassFile c -> {}
      case Wire.Compiled c -> {}
    }
  }

  private void onStarted() {
    if (started || done) {
      return;
    }
    started = true;
    startedNanos = System.nanoTime();
    vertx.cancelTimer(timer);
    timer =
        vertx.setTimer(
            limits.wallTime().toMillis(),
            t ->
                stop(
                    new RunEvent.Limit(
                        Limits.Kind.TIME,
                        "The program ran for more than %d s, so it was stopped."
                            .formatted(limits.wallTime().toSeconds()))));
    emit(new RunEvent.Started());
  }

  private void output(Stream stream, String text, double t, String thread) {
    if (stopped() || done) {
      return;
    }
    outputBytes += text.getBytes(StandardCharsets.UTF_8).length + 1;
    if (outputBytes > limits.outputBytes()) {
      stop(
          new RunEvent.Limit(
              Limits.Kind.OUTPUT,
              "The program printed more than %d KiB, so it was stopped."
                  .formatted(limits.outputBytes() / 1024)));
      return;
    }
    emit(new RunEvent.Output(stream, text, t, thread));
  }

  private boolean stopped() {
    return stoppedBy != null || limit != null;
  }

  /** The client cancelled, or the server is shutting down: kill it; its exit ends the run. */
  private void stop(Reason why) {
    if (!done && !stopped()) {
      stoppedBy = why;
      worker.kill();
    }
  }

  /** Reports the limit and kills the process; its exit then ends the run. */
  private void stop(RunEvent.Limit hit) {
    if (stopped() || done) {
      return;
    }
    limit = hit;
    emit(hit);
    worker.kill();
  }

  private void onExit(int code) {
    if (done) {
      return;
    }
    vertx.cancelTimer(timer);
    worker.kill(); // anything it left behind
    emit(last(code));
    done = true;
    run.finish();
  }

  private RunEvent last(int code) {
    if (stoppedBy == Reason.SHUTTING_DOWN) {
      return RunEvent.Error.shuttingDown();
    }
    if (!started) {
      return notStarted(code);
    }
    if (!stopped() && !finished && code == KILLED) {
      return new RunEvent.Error(
          Reason.WORKER_LOST,
          "The process running this program was killed from outside (by the system, perhaps for"
              + " lack of memory). The output so far is above; please run it again.");
    }
    if (!stopped() && code == CPU_LIMIT) {
      emit(
          new RunEvent.Limit(
              Limits.Kind.TIME,
              "The program used more than %d s of CPU time, so it was stopped."
                  .formatted(limits.cpuSeconds())));
    }
    double wall = wallMs >= 0 ? wallMs : sinceStart();
    return new RunEvent.Exit(code, wall, Math.max(cpuMs, 0));
  }

  private RunEvent.Error notStarted(int code) {
    if (stoppedBy == Reason.CANCELLED) {
      return RunEvent.Error.cancelled();
    }
    if (limit != null) {
      return new RunEvent.Error(Reason.LIMIT, limit.message());
    }
    if (compileFailed) {
      return RunEvent.Error.doesNotCompile();
    }
    return new RunEvent.Error(
        code == KILLED ? Reason.WORKER_LOST : Reason.INTERNAL,
        "The run could not start: the worker exited with code "
            + code
            + (crash.isEmpty() ? "." : " (" + crash + ")."));
  }

  private void emit(RunEvent event) {
    if (!done) {
      events.handle(event);
    }
  }

  private double sinceStart() {
    return started ? Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0 : 0;
  }

  private static String cut(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }
}
