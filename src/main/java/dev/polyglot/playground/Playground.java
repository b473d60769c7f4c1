package dev.polyglot.playground;

import dev.polyglot.playground.content.Bundled;
import dev.polyglot.playground.content.CourseLoader;
import dev.polyglot.playground.content.Loaded;
import dev.polyglot.playground.content.Problem;
import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.render.SiteOptions;
import dev.polyglot.playground.render.SiteRenderer;
import dev.polyglot.playground.render.Toolchains;
import dev.polyglot.playground.run.Runner;
import dev.polyglot.playground.run.Scheduler;
import dev.polyglot.playground.run.jvm.JvmRunner;
import dev.polyglot.playground.run.jvm.RunSettings;
import dev.polyglot.playground.web.ConnectionGuard;
import dev.polyglot.playground.web.HttpVerticle;
import dev.polyglot.playground.web.Recordings;
import dev.polyglot.playground.web.Routes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one wiring function, shared by {@link Main} and the tests: create Vert.x with metrics, load
 * and render the lessons off the event loop, then serve them on one HTTP server per event loop.
 *
 * <pre>
 *   start(config)
 *     ├─ worker: CourseLoader.load → SiteRenderer.render → Site   (blocking I/O + CPU)
 *     ├─ runner: JvmRunner (probe bubblewrap, fill the pool) behind a FIFO Scheduler
 *     ├─ deploy one HttpVerticle per event loop on one port (Vert.x balances connections)
 *     └─ dev mode: DevReloader swaps in a new Site when files change
 * </pre>
 */
public final class Playground {
  private static final System.Logger LOG = System.getLogger(Playground.class.getName());

  private final Vertx vertx;
  private final int port;
  private final AtomicReference<Site> site;
  private final Scheduler runner;
  private final Duration shutdownGrace;

  private Playground(
      Vertx vertx, int port, AtomicReference<Site> site, Scheduler runner, Duration grace) {
    this.vertx = vertx;
    this.port = port;
    this.site = site;
    this.runner = runner;
    this.shutdownGrace = grace;
  }

  /** How the server gets its {@link Runner}: the real JVM runner, or a test's fake. */
  public interface RunnerFactory {
    Future<Runner> create(Vertx vertx, Config config);
  }

  /** Child JVMs in bubblewrap, as configured. */
  public static Future<Runner> jvmRunner(Vertx vertx, Config config) {
    var settings =
        new RunSettings(
            config.allowUnsandboxed(),
            config.poolCount(),
            config.warmups(),
            config.limits(),
            config.workDir());
    return JvmRunner.create(vertx, settings).map(r -> r);
  }

  public static Future<Playground> start(Config config) {
    return start(config, Playground::jvmRunner);
  }

  public static Future<Playground> start(Config config, RunnerFactory runners) {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
    Vertx vertx =
        Vertx.builder()
            .with(new VertxOptions().setMetricsOptions(metrics).setPreferNativeTransport(true))
            .withMetrics(new MicrometerMetricsFactory(registry))
            .build();
    var current = new AtomicReference<Site>();
    String version = Version.current();
    String assetVersion = Assets.version(version);
    Path root = config.snippetsDir().orElseGet(Bundled::snippets);
    var runner = new AtomicReference<Scheduler>();
    var rendering = new AtomicReference<SiteRenderer>();

    return vertx
        .executeBlocking(Toolchains::versions, false)
        .map(toolchains ->
            new SiteRenderer(
                new SiteOptions(
                    config.basePath(),
                    assetVersion,
                    config.dev(),
                    config.limits().sourceBytes(),
                    toolchains)))
        .onSuccess(rendering::set)
        .compose(renderer -> build(vertx, renderer, root))
        .onSuccess(current::set)
        .compose(site -> runners.create(vertx, config))
        .map(r -> new Scheduler(vertx, r, config.maxRunCount(), config.maxQueue()))
        .onSuccess(runner::set)
        .compose(scheduler ->
            deploy(
                vertx,
                new Routes.Services(
                    current::get,
                    config.basePath(),
                    version,
                    assetVersion,
                    config.dev(),
                    registry,
                    scheduler,
                    config.limits(),
                    config.allowedOrigins(),
                    new AtomicLong(),
                    // One for all event loops, so each variant is recorded once.
                    new Recordings(current::get, scheduler, config.limits()),
                    new ConnectionGuard(config.connections())),
                config))
        .map(port -> {
          if (config.dev()) {
            new DevReloader(
                    vertx, root, () -> build(vertx, rendering.get(), root).onSuccess(current::set))
                .start();
          }
          return new Playground(vertx, port, current, runner.get(), config.shutdownGrace());
        })
        .recover(e -> {
          Runner r = runner.get();
          Future<Void> stopped = r == null ? Future.succeededFuture() : r.close();
          return stopped.eventually(vertx::close).transform(x -> Future.failedFuture(e));
        });
  }

  private static Future<Site> build(Vertx vertx, SiteRenderer renderer, Path root) {
    return vertx.executeBlocking(() -> {
      Loaded loaded = CourseLoader.load(root);
      for (Problem problem : loaded.problems()) {
        LOG.log(Level.ERROR, "lesson problem: " + problem);
      }
      LOG.log(
          Level.INFO,
          "loaded %d lessons, %d examples from %s%s"
              .formatted(
                  loaded.course().lessons().size(),
                  loaded.course().exampleCount(),
                  root.toUri(),
                  loaded.ok()
                      ? ""
                      : " ("
                          + loaded.problems().size()
                          + " problems; those lessons are left out)"));
      return renderer.render(loaded, Instant.now());
    });
  }

  private static Future<Integer> deploy(Vertx vertx, Routes.Services services, Config config) {
    // A negative port makes Vert.x pick one random port and share it among the instances; with
    // plain 0 every instance would get a port of its own.
    int port = config.port() == 0 ? -1 : config.port();
    var instances = new ConcurrentLinkedQueue<HttpVerticle>();
    return vertx
        .deployVerticle(
            () -> {
              var verticle = new HttpVerticle(services, config.host(), port);
              instances.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(config.eventLoopCount()))
        .map(id -> instances.peek().actualPort());
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Site site() {
    return site.get();
  }

  /**
   * Stops taking runs, lets those in flight finish for up to the shutdown grace period and stops
   * the rest ({@code shutting-down}), kills every child process, then closes the servers. Pages and
   * the streams of runs are served until the end, so each run's last event gets out.
   */
  public Future<Void> close() {
    return runner.shutdown(shutdownGrace).eventually(runner::close).eventually(vertx::close);
  }

  public Scheduler runner() {
    return runner;
  }

  /** For shutdown hooks and tests, which run on plain threads. */
  public void closeAndWait() throws Exception {
    close()
        .toCompletionStage()
        .toCompletableFuture()
        .get(shutdownGrace.toSeconds() + 30, TimeUnit.SECONDS);
  }
}
