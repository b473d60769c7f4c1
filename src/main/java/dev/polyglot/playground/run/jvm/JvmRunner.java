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
import java.util.Base64;

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

  private JvmRunner(Vertx vertx, RunSettings settings, Sandbox sandbox, WorkerFiles files) {
    this.vertx = vertx;
    this.settings = settings;
    this.sandbox = sandbox;
    this.pool =
        new WorkerPool(vertx, sandbox, files.root(), settings.poolSize(), settings.warmups(), aot);
    this.classes = new ClassCache(vertx, files.compileClassPath(false));
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
          runner.aot.train(vertx, runner.sandbox).onComplete(x -> runner.pool.start());
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
    job(request)
        .compose(job -> pool.acquire().map(worker -> new Assigned(job, worker)))
        .onComplete(ar ->
            context.runOnContext(v -> {
              if (ar.failed()) {
                events.handle(new RunEvent.Error(ar.cause().getMessage()));
                run.finish();
                return;
              }
              Assigned assigned = ar.result();
              new Supervisor(vertx, context, assigned.worker(), settings.limits(), events, run)
                  .start(assigned.job());
              if (cancelled.get()) {
                run.cancel();
              }
            }));
    return run;
  }

  /** A run's job and the worker that will do it. */
  private record Assigned(String job, WorkerProcess worker) {}

  /** The stdin job for the worker: precompiled classes for lesson code, source for edited code. */
  private Future<String> job(RunRequest request) {
    if (!request.bundled()) {
      return Future.succeededFuture(
          "compile " + request.fileClassName() + " " + base64(request.source()) + "\nend\n");
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
          var job = new StringBuilder();
          compiled
              .classes()
              .forEach((name, bytes) ->
                  job.append("class ")
                      .append(name)
                      .append(' ')
                      .append(Base64.getEncoder().encodeToString(bytes))
                      .append('\n'));
          return Future.succeededFuture(
              job.append("run ").append(compiled.mainClass()).append("\nend\n").toString());
        });
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
                .put("warmups", pool.warmups()));
  }

  @Override
  public Future<Void> close() {
    pool.close();
    return Future.succeededFuture();
  }
}
