package dev.polyglot.playground.run.jvm;

import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.Runner;
import dev.polyglot.playground.run.worker.Compiler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Runs each program in a fresh child JVM from the {@link WorkerPool}. Lesson code arrives
 * precompiled from the {@link ClassCache}; edited code is compiled inside the sandbox. Edited code
 * needs the sandbox, unless the operator explicitly allowed running it without one.
 */
public final class JvmRunner implements Runner {
  private static final System.Logger LOG = System.getLogger(JvmRunner.class.getName());

  private final Vertx vertx;
  private final RunSettings settings;
  private final Sandbox sandbox;
  private final WorkerPool pool;
  private final ClassCache classes;
  private final AotCache aot = new AotCache();
  private final CompileService compiler;

  /** The compile service lives long, so it warms javac more than a pooled worker does. */
  private static final int COMPILER_WARMUPS = 10;

  private JvmRunner(Vertx vertx, RunSettings settings, Sandbox sandbox, WorkerFiles files) {
    this.vertx = vertx;
    this.settings = settings;
    this.sandbox = sandbox;
    this.pool =
        new WorkerPool(vertx, sandbox, files.root(), settings.poolSize(), settings.warmups(), aot);
    this.classes = new ClassCache(vertx, files.classPath(false));
    this.compiler =
        new CompileService(
            vertx, sandbox, files.root(), COMPILER_WARMUPS, settings.limits().compileTime(), aot);
  }

  /** Probes for bubblewrap, writes the workers' class path, and fills the pool. */
  public static Future<JvmRunner> create(Vertx vertx, RunSettings settings) {
    return vertx
        .executeBlocking(() -> {
          WorkerFiles files = WorkerFiles.prepare(WorkerPool.createWorkDir(settings.workDir()));
          Sandbox.Mode mode =
              Sandbox.available()
                  ? Sandbox.Mode.SANDBOXED
                  : settings.allowUnsandboxed() ? Sandbox.Mode.UNSAFE : Sandbox.Mode.BUNDLED_ONLY;
          return new JvmRunner(vertx, settings, new Sandbox(mode, files, settings.limits()), files);
        })
        .onSuccess(runner -> {
          Level level =
              runner.sandbox.mode() == Sandbox.Mode.SANDBOXED ? Level.INFO : Level.WARNING;
          LOG.log(
              level,
              "runs: "
                  + runner.sandbox.mode().description
                  + (runner.sandbox.mode() == Sandbox.Mode.SANDBOXED
                      ? ""
                      : " (bubblewrap is missing or cannot create namespaces here)"));
          // Train first: the pool then fills with workers that already use the cache.
          runner
              .aot
              .train(vertx, runner.sandbox)
              .onComplete(x -> {
                runner.pool.start();
                if (runner.sandbox.mode() == Sandbox.Mode.BUNDLED_ONLY) {
                  runner.compiler.close(); // edited code is refused: nothing to compile
                } else {
                  runner.compiler.start();
                }
              });
        });
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    Context context = vertx.getOrCreateContext();
    Run run = new Run();
    if (!request.bundled() && sandbox.mode() == Sandbox.Mode.BUNDLED_ONLY) {
      events.handle(
          new RunEvent.Error(
              "This server cannot run edited code: it has no sandbox (bubblewrap). The lessons' own"
                  + " code still runs; press Reset to go back to it."));
      run.finish();
      return run;
    }
    var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
    run.onCancel(() -> cancelled.set(true));
    if (!request.bundled()) {
      events.handle(new RunEvent.Compiling());
    }
    job(request)
        .compose(job -> {
          if (job.stdin() == null || cancelled.get()) {
            return Future.succeededFuture(new Assigned(job, null));
          }
          return pool.acquire().map(worker -> new Assigned(job, worker));
        })
        .onComplete(ar ->
            context.runOnContext(v -> {
              if (ar.failed()) {
                events.handle(new RunEvent.Error(ar.cause().getMessage()));
                run.finish();
                return;
              }
              Assigned assigned = ar.result();
              assigned.job().before().forEach(events::handle);
              if (assigned.worker() == null) {
                if (assigned.job().stdin() != null) {
                  events.handle(new RunEvent.Error("Cancelled."));
                }
                run.finish();
                return;
              }
              new Supervisor(vertx, context, assigned.worker(), settings.limits(), events, run)
                  .start(assigned.job().stdin(), !request.bundled());
              if (cancelled.get()) {
                run.cancel();
              }
            }));
    return run;
  }

  /**
   * What a run needs before a worker: the events that come first (the compile service's messages),
   * and the worker's stdin; without stdin, those events end the run.
   */
  private record Job(List<RunEvent> before, String stdin) {
    static Job send(String stdin) {
      return new Job(List.of(), stdin);
    }
  }

  /** A run's job and the worker that will do it; no worker when the job ends the run. */
  private record Assigned(Job job, WorkerProcess worker) {}

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
          return Future.succeededFuture(Job.send(precompiled(compiled)));
        });
  }

  private Job edited(RunRequest request, CompileService.Outcome outcome) {
    return switch (outcome) {
      case CompileService.Outcome.Compiled(var result) -> {
        List<RunEvent> messages =
            new ArrayList<>(
                result.messages().stream()
                    .map(m ->
                        (RunEvent)
                            new RunEvent.Diagnostic(m.severity(), m.line(), m.column(), m.text()))
                    .toList());
        if (result.ok()) {
          yield new Job(messages, precompiled(result));
        }
        messages.add(new RunEvent.Error(Supervisor.DOES_NOT_COMPILE));
        yield new Job(messages, null);
      }
      case CompileService.Outcome.TimedOut() -> {
        var limit = Supervisor.compileTimeLimit(settings.limits());
        yield new Job(List.of(limit, new RunEvent.Error(limit.message())), null);
      }
      case CompileService.Outcome.Unavailable(var why) -> {
        LOG.log(Level.DEBUG, "compiling in the run's worker: " + why);
        yield Job.send(
            "compile " + request.fileClassName() + " " + base64(request.source()) + "\nend\n");
      }
    };
  }

  /** Class files and the class to launch, as the worker reads them. */
  private static String precompiled(Compiler.Result compiled) {
    var job = new StringBuilder();
    compiled
        .classes()
        .forEach((name, bytes) ->
            job.append("class ")
                .append(name)
                .append(' ')
                .append(Base64.getEncoder().encodeToString(bytes))
                .append('\n'));
    return job.append("run ").append(compiled.mainClass()).append("\nend\n").toString();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public JsonObject status() {
    return new JsonObject()
        .put("sandbox", sandbox.mode() == Sandbox.Mode.SANDBOXED)
        .put("mode", sandbox.mode().description)
        .put("aotCache", aot.state().wireName())
        .put(
            "pool",
            new JsonObject()
                .put("size", pool.size())
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
    pool.close();
    compiler.close();
    return Future.succeededFuture();
  }
}
