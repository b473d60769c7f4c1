package dev.polyglot.playground.run.jvm;

import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunEvent.Output.Stream;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Watches one worker through one run, on the Vert.x context of whoever started the run. It turns
 * protocol lines into {@link RunEvent}s, enforces what the child cannot be trusted with (wall time,
 * compile time, output size), kills the process tree when a limit is hit or the run is cancelled,
 * and always ends with exactly one {@code exit} or {@code error}.
 *
 * <pre>
 *   attach ── [compiling ─ diagnostic*] ── started ── output/spans* ── process exit ── exit
 *      │ compile timer                        │ wall timer                    (or error, if it
 *      └──────────── limit + kill ◄───────────┴─ output cap, cancel            never started)
 * </pre>
 */
final class Supervisor implements WorkerProcess.Listener {
  private static final int MAX_TEXT = 16 * 1024;
  static final String DOES_NOT_COMPILE = "The code does not compile; see the messages above.";

  private final Vertx vertx;
  private final Context context;
  private final WorkerProcess worker;
  private final Limits limits;
  private final Handler<RunEvent> events;
  private final Run run;

  private long timer = -1;
  private boolean started;
  private long startedNanos;
  private long outputBytes;
  private boolean compiling;
  private boolean compileFailed;
  private boolean stopped; // a limit or a cancel: later output is not shown
  private boolean cancelled;
  private RunEvent.Limit limit;
  private String crash = "";
  private double wallMs = -1;
  private double cpuMs = -1;
  private boolean done;

  Supervisor(
      Vertx vertx,
      Context context,
      WorkerProcess worker,
      Limits limits,
      Handler<RunEvent> events,
      Run run) {
    this.vertx = vertx;
    this.context = context;
    this.worker = worker;
    this.limits = limits;
    this.events = events;
    this.run = run;
  }

  /**
   * Sends the job and starts watching; call on {@code context}.
   *
   * @param compilingShown the run already said it is compiling (the compile service tried first),
   *     so the worker's own {@code compiling} is not repeated
   */
  void start(String job, boolean compilingShown) {
    this.compiling = compilingShown;
    run.onCancel(() -> context.runOnContext(v -> cancel()));
    timer = vertx.setTimer(limits.compileTime().toMillis(), t -> stop(compileTimeLimit(limits)));
    worker.attach(this, job);
  }

  static RunEvent.Limit compileTimeLimit(Limits limits) {
    return new RunEvent.Limit(
        Limits.Kind.COMPILE_TIME,
        "Compiling took longer than %d s, so it was stopped."
            .formatted(limits.compileTime().toSeconds()));
  }

  @Override
  public void event(JsonObject event) {
    context.runOnContext(v -> onEvent(event));
  }

  @Override
  public void stray(String line, boolean stderr) {
    context.runOnContext(v ->
        output(stderr ? Stream.STDERR : Stream.STDOUT, line, sinceStart(), stderr ? "jvm" : "?"));
  }

  @Override
  public void exited(int code) {
    context.runOnContext(v -> onExit(code));
  }

  private void onEvent(JsonObject e) {
    switch (String.valueOf(e.getValue("type"))) {
      case "compiling" -> {
        if (!compiling) {
          compiling = true;
          emit(new RunEvent.Compiling());
        }
      }
      case "diagnostic" ->
          emit(
              new RunEvent.Diagnostic(
                  "warning".equals(e.getValue("severity")) ? "warning" : "error",
                  whole(e, "line", 1),
                  whole(e, "column", 1),
                  text(e, "message")));
      case "compile-failed" -> compileFailed = true;
      case "started" -> onStarted();
      case "stdout" ->
          output(Stream.STDOUT, text(e, "text"), decimal(e, "t", 0), text(e, "thread"));
      case "stderr" ->
          output(Stream.STDERR, text(e, "text"), decimal(e, "t", 0), text(e, "thread"));
      case "span-start" -> {
        if (started) {
          emit(new RunEvent.SpanStart(text(e, "name"), text(e, "thread"), decimal(e, "start", 0)));
        }
      }
      case "span-end" -> {
        if (started) {
          emit(
              new RunEvent.SpanEnd(
                  text(e, "name"),
                  text(e, "thread"),
                  decimal(e, "start", 0),
                  decimal(e, "end", 0)));
        }
      }
      case "limit" -> {
        Limits.Kind kind =
            "threads".equals(e.getValue("kind")) ? Limits.Kind.THREADS : Limits.Kind.MEMORY;
        stop(new RunEvent.Limit(kind, text(e, "message")));
      }
      case "finished" -> {
        wallMs = decimal(e, "wallMs", -1);
        cpuMs = decimal(e, "cpuMs", -1);
      }
      case "crashed" -> crash = text(e, "message");
      default -> output(Stream.STDOUT, e.encode(), sinceStart(), "?");
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
    if (stopped || done) {
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

  private void cancel() {
    if (!done) {
      cancelled = true;
      stopped = true;
      worker.kill();
    }
  }

  /** Reports the limit and kills the process; its exit then ends the run. */
  private void stop(RunEvent.Limit hit) {
    if (stopped || done) {
      return;
    }
    stopped = true;
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
    if (!started) {
      emit(new RunEvent.Error(notStarted(code)));
    } else {
      if (limit == null && !cancelled && (code == 137 || code == 152)) {
        emit(
            new RunEvent.Limit(
                Limits.Kind.TIME,
                "The program used more than %d s of CPU time, so it was stopped."
                    .formatted(limits.cpuSeconds())));
      }
      double wall = wallMs >= 0 ? wallMs : sinceStart();
      emit(new RunEvent.Exit(code, wall, Math.max(cpuMs, 0)));
    }
    done = true;
    run.finish();
  }

  private String notStarted(int code) {
    if (cancelled) {
      return "Cancelled.";
    }
    if (limit != null) {
      return limit.message();
    }
    if (compileFailed) {
      return DOES_NOT_COMPILE;
    }
    return "The run could not start: the worker exited with code "
        + code
        + (crash.isEmpty() ? "." : " (" + crash + ").");
  }

  private void emit(RunEvent event) {
    if (!done) {
      events.handle(event);
    }
  }

  private double sinceStart() {
    return started ? Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0 : 0;
  }

  private static String text(JsonObject e, String key) {
    Object value = e.getValue(key);
    String text = value == null ? "" : value.toString();
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }

  private static double decimal(JsonObject e, String key, double fallback) {
    return e.getValue(key) instanceof Number n ? n.doubleValue() : fallback;
  }

  private static long whole(JsonObject e, String key, long fallback) {
    return e.getValue(key) instanceof Number n ? n.longValue() : fallback;
  }
}
