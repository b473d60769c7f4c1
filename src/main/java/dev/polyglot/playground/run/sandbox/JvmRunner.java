package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.Runner;
import dev.polyglot.playground.run.worker.Compiler;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each program in a fresh child JVM from the {@link WorkerPool}. Lesson code arrives
 * precompiled from the {@link ClassCache}; edited code is compiled inside the sandbox. Edited code
 * needs the sandbox, unless the operator explicitly allowed running it without one.
 *
 * <pre>
 *   start ─ job (class cache, or compile service) ─ pool.acquire ─ Supervisor ─ exit | error
 *              └ compile failed / timed out ──────────────────────────────────── error
 * </pre>
 */
public final class JvmRunner implements Runner {
  private static final System.Logger LOG = System.getLogger(JvmRunner.class.getName());

  /** The compile service lives long, so it warms javac more than a pooled worker does. */
  static final int COMPILER_WARMUPS = 10;

  private final Vertx vertx;
  private final RunSettings settings;
  private final Jail.Isolation isolation;
  private final ChildLauncher launcher;
  private final WorkerPool pool;
  private final ClassCache classes;
  private final AotCache aot;
  private final CompileService compiler;

  JvmRunner(
      Vertx vertx,
      RunSettings settings,
      Jail.Isolation isolation,
      ChildLauncher launcher,
      ClassCache classes,
      AotCache aot) {
    this.vertx = vertx;
    this.settings = settings;
    this.isolation = isolation;
    this.launcher = launcher;
    this.classes = classes;
    this.aot = aot;
    this.pool = WorkerPool.of(launcher, settings, settings.warmups());
    this.compiler =
        new CompileService(vertx, launcher, COMPILER_WARMUPS, settings.limits().compileTime());
  }

  /**
   * Writes the workers' class path, starts the compile service and records the AOT cache, and then
   * fills the pool. Runs are taken at once: until the pool is warm, each gets a worker of its own.
   */
  static Future<JvmRunner> create(Vertx vertx, RunSettings settings, Jail jail) {
    return vertx
        .executeBlocking(
            () -> {
              var aot = new AotCache();
              var launcher = new SandboxLauncher(vertx, jail.sandbox(), jail.files().root(), aot);
              var classes = new ClassCache(vertx, jail.files().classPath(false));
              var runner = new JvmRunner(vertx, settings, jail.isolation(), launcher, classes, aot);
              String key = AotCache.key(jail, settings.warmups());
              return new Made(runner, jail.sandbox().aotDir(), key);
            },
            false)
        .map(made -> {
          JvmRunner runner = made.runner();
          // The compile service starts now, beside the training: it lives for many compiles, so
          // what the cache would save its start is less than it waits for the cache.
          runner.startCompiler();
          // Train first: the pool then fills with workers that already use the cache.
          runner
              .aot
              .train(
                  vertx,
                  made.aotDir(),
                  made.aotKey(),
                  runner.launcher,
                  new AotCache.Training(settings.warmups()),
                  AotAhead.dir())
              .onComplete(x -> runner.start());
          return runner;
        });
  }

  private record Made(JvmRunner runner, Path aotDir, String aotKey) {}

  /** How often the pool follows demand down. */
  private static final long RESIZE_EVERY_MS = 5_000;

  private long resizeTimer = -1;

  /** Starts the pool. */
  void start() {
    pool.start();
    resizeTimer = vertx.setPeriodic(RESIZE_EVERY_MS, t -> pool.resize());
  }

  /** Starts the compile service where edited code may run. */
  void startCompiler() {
    if (isolation.mode() != Sandbox.Mode.BUNDLED_ONLY) {
      compiler.start();
    } else {
      compiler.close(); // edited code is refused: nothing to compile
    }
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    Context context = vertx.getOrCreateContext();
    Run run = new Run();
    var refused = isolation.refusal(request);
    if (refused.isPresent()) {
      events.handle(refused.get());
      run.finish();
      return run;
    }
    // Until a Supervisor takes over, a stop only needs remembering: it is acted on below.
    var stoppedBy = new AtomicReference<Reason>();
    run.onCancel(stoppedBy::set);
    if (!request.bundled()) {
      events.handle(new RunEvent.Compiling());
    }
    // With no warm worker waiting, edited code's cold worker starts while it compiles: the two
    // overlap instead of adding up. A warm one is taken only once the code compiled, so that a
    // compile error does not use it up.
    Future<Child> early = !request.bundled() && pool.idleCount() == 0 ? pool.acquire() : null;
    job(request)
        .compose(job -> {
          if (job.work() == null || stoppedBy.get() != null) {
            if (early != null) {
              early.onSuccess(Child::kill); // started for this run alone
            }
            return Future.succeededFuture(new Assigned(job, null));
          }
          return (early != null ? early : pool.acquire()).map(worker -> new Assigned(job, worker));
        })
        .onComplete(ar ->
            context.runOnContext(v -> {
              if (ar.failed()) {
                LOG.log(Level.WARNING, request.label() + ": " + ar.cause().getMessage());
                events.handle(new RunEvent.Error(Reason.INTERNAL, ar.cause().getMessage()));
                run.finish();
                return;
              }
              Assigned assigned = ar.result();
              assigned.job().before().forEach(events::handle);
              if (assigned.worker() == null) {
                if (assigned.job().work() != null) {
                  events.handle(
                      stoppedBy.get() == Reason.SHUTTING_DOWN
                          ? RunEvent.Error.shuttingDown()
                          : RunEvent.Error.cancelled());
                }
                run.finish();
                return;
              }
              new Supervisor(vertx, context, assigned.worker(), settings.limits(), events, run)
                  .start(
                      ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                      assigned.job().work(),
                      !request.bundled());
              if (stoppedBy.get() != null) {
                run.cancel(stoppedBy.get());
              }
            }));
    return run;
  }

  /**
   * What a run needs before a worker: the events that come first (the compile service's messages),
   * and the worker's job; without a job, those events end the run.
   */
  private record Job(List<RunEvent> before, Wire.Job work) {
    static Job send(Wire.Job work) {
      return new Job(List.of(), work);
    }
  }

  /** A run's job and the worker that will do it; no worker when the job ends the run. */
  private record Assigned(Job job, Child worker) {}

  /**
   * Lesson code comes precompiled from the class cache. Edited code is compiled by the compile
   * service, or, when that has none ready, by the worker itself.
   */
  private Future<Job> job(RunRequest request) {
    if (!request.bundled()) {
      return compiler
          .compile(request.fileClassName(), request.source())
          .map(outcome -> edited(request, outcome));
    }
    return classes
        .get(request)
        .compose(compiled -> {
          if (!compiled.ok()) {
            return Future.failedFuture(
                "This lesson's code does not compile: "
                    + String.join(
                        "; ", compiled.messages().stream().map(Compiler.Message::text).toList()));
          }
          return Future.succeededFuture(Job.send(load(compiled)));
        });
  }

  private Job edited(RunRequest request, CompileService.Outcome outcome) {
    return switch (outcome) {
      case CompileService.Outcome.Compiled(var result) -> {
        List<RunEvent> messages = new ArrayList<>();
        for (var m : result.messages()) {
          messages.add(new RunEvent.Diagnostic(m.severity(), m.line(), m.column(), m.text()));
        }
        if (result.ok()) {
          yield new Job(messages, load(result));
        }
        messages.add(RunEvent.Error.doesNotCompile());
        yield new Job(messages, null);
      }
      case CompileService.Outcome.TimedOut() -> {
        var limit = settings.limits().compileTimeExceeded();
        yield new Job(List.of(limit, new RunEvent.Error(Reason.LIMIT, limit.message())), null);
      }
      case CompileService.Outcome.Unavailable(var why) -> {
        LOG.log(Level.DEBUG, "compiling in the run's worker: " + why);
        yield Job.send(new Wire.Compile(request.fileClassName(), request.source()));
      }
    };
  }

  private static Wire.Load load(Compiler.Result compiled) {
    return new Wire.Load(compiled.classes(), compiled.mainClass());
  }

  @Override
  public int backgroundStarts() {
    return pool.startingCount();
  }

  @Override
  public JsonObject status() {
    return new JsonObject()
        .put("sandbox", isolation.mode() == Sandbox.Mode.SANDBOXED)
        .put("mode", isolation.mode().description)
        .put("seccomp", isolation.seccomp())
        .put("aotCache", aot.state().wireName())
        .put(
            "pool",
            new JsonObject()
                .put("size", pool.size())
                .put("max", pool.maxSize())
                .put("idle", pool.idleCount())
                .put("warmups", pool.warmups()))
        .put(
            "compiler",
            new JsonObject()
                .put("state", compiler.state().wireName())
                .put("compiles", compiler.compiles()));
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(resizeTimer);
    pool.close();
    compiler.close();
    launcher.close();
    return Future.succeededFuture();
  }
}
