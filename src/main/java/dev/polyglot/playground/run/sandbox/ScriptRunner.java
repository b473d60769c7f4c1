package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.Runner;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one interpreted language (Python, JavaScript): each program in a fresh interpreter from a
 * {@link WorkerPool} of pre-started harnesses, in the same sandbox as the JVM workers, watched by
 * the same {@link Supervisor}. There is nothing to compile: the harness reports syntax errors.
 *
 * <pre>
 *   start ─ runtime missing? ─ error unavailable
 *         └ pool.acquire ─ Supervisor ─ script job ─ exit | error
 * </pre>
 */
final class ScriptRunner implements Runner {
  private static final System.Logger LOG = System.getLogger(ScriptRunner.class.getName());

  private final Vertx vertx;
  private final RunSettings settings;
  private final Jail.Isolation isolation;
  private final ScriptRuntime runtime;
  private final ChildLauncher launcher;
  private final WorkerPool pool;
  private final Supervisor.Stray stray;
  private long resizeTimer = -1;

  ScriptRunner(
      Vertx vertx,
      RunSettings settings,
      Jail.Isolation isolation,
      ScriptRuntime runtime,
      ChildLauncher launcher) {
    this.vertx = vertx;
    this.settings = settings;
    this.isolation = isolation;
    this.runtime = runtime;
    this.launcher = launcher;
    // An interpreter has no javac to warm: its harness imports what programs need, then waits.
    this.pool = WorkerPool.of(launcher, settings, 0);
    this.stray =
        new Supervisor.Stray(
            runtime.executable() == null ? "?" : runtime.executable().getFileName().toString(),
            runtime.outOfMemory());
  }

  /** Starts the pool, when the runtime is there to fill it. */
  ScriptRunner start() {
    if (runtime.available()) {
      pool.start();
      resizeTimer = vertx.setPeriodic(5_000, t -> pool.resize());
    }
    return this;
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    Context context = vertx.getOrCreateContext();
    Run run = new Run();
    if (!runtime.available()) {
      events.handle(
          new RunEvent.Error(
              Reason.UNAVAILABLE, runtime.problem() + " The other languages still run here."));
      run.finish();
      return run;
    }
    var refused = isolation.refusal(request);
    if (refused.isPresent()) {
      events.handle(refused.get());
      run.finish();
      return run;
    }
    var stoppedBy = new AtomicReference<Reason>();
    run.onCancel(stoppedBy::set);
    pool.acquire()
        .onComplete(ar ->
            context.runOnContext(v -> {
              if (ar.failed()) {
                LOG.log(Level.WARNING, request.label() + ": " + ar.cause().getMessage());
                events.handle(
                    new RunEvent.Error(
                        Reason.INTERNAL,
                        "The %s interpreter could not start: %s"
                            .formatted(request.language().displayName(), ar.cause().getMessage())));
                run.finish();
                return;
              }
              Child worker = ar.result();
              if (stoppedBy.get() != null) {
                worker.kill();
                events.handle(
                    stoppedBy.get() == Reason.SHUTTING_DOWN
                        ? RunEvent.Error.shuttingDown()
                        : RunEvent.Error.cancelled());
                run.finish();
                return;
              }
              new Supervisor(vertx, context, worker, settings.limits(), events, run, stray)
                  .start(
                      ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                      new Wire.Script(request.fileName(), request.source()),
                      false);
            }));
    return run;
  }

  @Override
  public int backgroundStarts() {
    return pool.startingCount();
  }

  @Override
  public JsonObject status() {
    var status =
        new JsonObject()
            .put("state", runtime.available() ? "ready" : "missing")
            .put("version", runtime.version());
    if (!runtime.available()) {
      return status.put("problem", runtime.problem());
    }
    return status.put(
        "pool",
        new JsonObject()
            .put("size", pool.size())
            .put("max", pool.maxSize())
            .put("idle", pool.idleCount()));
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(resizeTimer);
    pool.close();
    launcher.close();
    return Future.succeededFuture();
  }
}
