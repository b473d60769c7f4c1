package dev.polyglot.playground;

import dev.polyglot.playground.cluster.ClusterRunner;
import dev.polyglot.playground.cluster.Clustering;
import dev.polyglot.playground.cluster.ExecutorNode;
import dev.polyglot.playground.cluster.Role;
import dev.polyglot.playground.content.Bundled;
import dev.polyglot.playground.content.CourseLoader;
import dev.polyglot.playground.content.Loaded;
import dev.polyglot.playground.content.Problem;
import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.render.SiteOptions;
import dev.polyglot.playground.render.SiteRenderer;
import dev.polyglot.playground.render.Toolchains;
import dev.polyglot.playground.run.Gauge;
import dev.polyglot.playground.run.HostGauge;
import dev.polyglot.playground.run.Runner;
import dev.polyglot.playground.run.Scheduler;
import dev.polyglot.playground.run.sandbox.RunSettings;
import dev.polyglot.playground.run.sandbox.SandboxRunners;
import dev.polyglot.playground.web.AddressBudget;
import dev.polyglot.playground.web.ConnectionGuard;
import dev.polyglot.playground.web.CurrentSite;
import dev.polyglot.playground.web.HttpVerticle;
import dev.polyglot.playground.web.Recordings;
import dev.polyglot.playground.web.Routes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.function.Supplier;

/**
 * The one wiring function, shared by {@link Main} and the tests: create Vert.x with metrics (joined
 * to the cluster for {@code ROLE=web} and {@code ROLE=executor}), then start what the node's role
 * needs.
 *
 * <pre>
 *   start(config)
 *     ├─ all (default): load + render the lessons (worker); one HttpVerticle per event loop, made during the
 *     │                 render, listening once the index and the lessons are rendered (the rest follows); then
 *     │                 SandboxRunners (JVMs, interpreters) behind a Scheduler (runs queue until the runner is up);
 *     │                 dev mode reloads lessons
 *     ├─ web:       the same site, with a ClusterRunner that places runs on executors
 *     └─ executor:  SandboxRunners (JVMs, interpreters) behind a Scheduler, an ExecutorNode taking runs from web nodes,
 *                   and /health and /metrics only
 * </pre>
 */
public final class Playground {
  private static final System.Logger LOG = System.getLogger(Playground.class.getName());

  private final Vertx vertx;
  private final int port;
  private final AtomicReference<Site> site;
  private final Rendering rendering;
  private final Runner runner;
  private final Duration shutdownGrace;
  private final Gauge gauge;
  private final ExecutorNode executor;

  private Playground(Node node, int port, Duration grace) {
    this.vertx = node.vertx();
    this.port = port;
    this.site = node.site();
    this.rendering = node.rendering();
    this.runner = node.runner();
    this.shutdownGrace = grace;
    this.gauge = node.gauge();
    this.executor = node.executor();
  }

  /** What a node is made of before its HTTP servers listen. */
  private record Node(
      Vertx vertx,
      AtomicReference<Site> site,
      Rendering rendering,
      Runner runner,
      Gauge gauge,
      ExecutorNode executor,
      PrometheusMeterRegistry registry) {}

  /** How the server gets its {@link Runner}: the real JVM runner, or a test's fake. */
  public interface RunnerFactory {
    Future<Runner> create(Vertx vertx, Config config);
  }

  /** Child JVMs and interpreters in bubblewrap, as configured. */
  public static Future<Runner> sandboxRunners(Vertx vertx, Config config) {
    return SandboxRunners.create(vertx, runSettings(config));
  }

  /** How the configured server runs code. */
  static RunSettings runSettings(Config config) {
    return new RunSettings(
        config.allowUnsandboxed(),
        config.poolCount(),
        config.poolMaxCount(),
        config.maxStartingCount(),
        config.warmups(),
        config.limits(),
        config.workDir());
  }

  public static Future<Playground> start(Config config) {
    return start(config, Playground::sandboxRunners, HostGauge.start());
  }

  /**
   * Starts a node with the given runner and {@link Gauge}: what admission measures (tests of
   * transports give one with room for anything, so that no run waits on the test machine's load).
   */
  public static Future<Playground> start(Config config, RunnerFactory runners, Gauge gauge) {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
    var options = new VertxOptions().setMetricsOptions(metrics).setPreferNativeTransport(true);
    var builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
    Role role = config.cluster().role();
    Future<Vertx> made =
        role.clustered()
            ? Clustering.join(builder, options, config.cluster())
            : Future.succeededFuture(builder.with(options).build());
    // Once: the pages link the assets under it, and the routes serve them there.
    String assetVersion = Assets.version(Version.current());
    var current = new AtomicReference<Site>();
    var rendering = new AtomicReference<>(Rendering.NONE);
    var runner = new AtomicReference<Runner>();
    var executor = new AtomicReference<ExecutorNode>();
    return made.compose(vertx ->
        (role == Role.EXECUTOR
                ? executor(vertx, config, runners, gauge, runner, executor)
                : site(
                    vertx,
                    config,
                    assetVersion,
                    runners,
                    gauge,
                    registry,
                    current,
                    rendering,
                    runner))
            .map(v ->
                new Node(
                    vertx, current, rendering.get(), runner.get(), gauge, executor.get(), registry))
            .compose(node -> deploy(node, config, assetVersion))
            .recover(e -> {
              Runner r = runner.get();
              Future<Void> stopped = r == null ? Future.succeededFuture() : r.close();
              gauge.close();
              // The failure is reported at once: once Vert.x is closed, its event loops could no
              // longer deliver it, and whoever waits for the start would wait forever.
              stopped.onComplete(x -> vertx.close());
              return Future.failedFuture(e);
            }));
  }

  /**
   * A node's render of its site: the pages a reader lands on first ({@link SiteRenderer#first}), on
   * which the HTTP servers listen, and then the whole site ({@link SiteRenderer#rest}).
   */
  private record Rendering(Future<Site> first, Future<Site> whole) {
    /** An executor's: it serves no pages. */
    static final Rendering NONE = new Rendering(Future.succeededFuture(), Future.succeededFuture());
  }

  /**
   * A runner (local runs behind a Scheduler, or a cluster's executors), and the render of the
   * lessons begun. Done when the runner is placed; {@code rendering} is set to the render.
   */
  private static Future<Void> site(
      Vertx vertx,
      Config config,
      String assetVersion,
      RunnerFactory runners,
      Gauge gauge,
      MeterRegistry registry,
      AtomicReference<Site> current,
      AtomicReference<Rendering> rendering,
      AtomicReference<Runner> runner) {
    Path root = config.snippetsDir().orElseGet(Bundled::snippets);
    var renderers = new AtomicReference<SiteRenderer>();
    // The renderer (the toolchains' versions, a process each, and the templates compiled) is made
    // while the lessons load.
    Future<Loaded> loaded = load(vertx, root);
    Future<SiteRenderer> renderer = renderer(vertx, config, assetVersion).onSuccess(renderers::set);
    // Pages first, and the lessons before the rest: the HTTP servers are made during the render and
    // listen once the index and the lessons are rendered (SiteRenderer.first), and the rest
    // follows (SiteRenderer.rest); a request for one of those pages waits for it (CurrentSite).
    Future<Site> first =
        Future.all(renderer, loaded)
            .compose(both ->
                vertx.executeBlocking(
                    () -> renderer.result().first(loaded.result(), Instant.now()), false))
            .onSuccess(current::set);
    Future<Site> rest =
        first
            .compose(site ->
                vertx.executeBlocking(() -> renderer.result().rest(site, loaded.result()), false))
            .onSuccess(current::set);
    rendering.set(new Rendering(first, rest));
    Future<Void> runs;
    if (config.cluster().role() == Role.WEB) {
      var cluster = new ClusterRunner(vertx, config.maxQueue(), registry);
      runner.set(cluster);
      runs = onContext(vertx, cluster::start);
    } else {
      // The runner starts after the whole render, not beside it: on two cores its start (JVMs
      // filling the pools) took the CPU from the render. Started beside it, a restart served its
      // first page after 2.8-3.2 s instead of 1.6-1.9 s, and was ready only 0.3 s sooner.
      runner.set(
          new Scheduler(
              vertx,
              rest.compose(rendered -> runners.create(vertx, config)),
              config.admission(),
              gauge,
              config.maxQueue()));
      runs = Future.succeededFuture();
    }
    // Reloads begin from the whole site, so that a reload is never overwritten by the start's.
    rest.onSuccess(site -> reloading(vertx, config, root, renderers, current));
    return runs;
  }

  private static Future<SiteRenderer> renderer(Vertx vertx, Config config, String assetVersion) {
    return vertx.executeBlocking(
        () ->
            new SiteRenderer(
                new SiteOptions(
                    config.basePath(),
                    assetVersion,
                    config.dev(),
                    config.limits().sourceBytes(),
                    Toolchains.versions())),
        false);
  }

  /** In dev mode, lessons are rendered again as their files change. */
  private static Void reloading(
      Vertx vertx,
      Config config,
      Path root,
      AtomicReference<SiteRenderer> rendering,
      AtomicReference<Site> current) {
    if (config.dev()) {
      new DevReloader(
              vertx, root, () -> build(vertx, rendering.get(), root).onSuccess(current::set))
          .start();
    }
    return null;
  }

  private static Future<Site> build(Vertx vertx, SiteRenderer renderer, Path root) {
    return load(vertx, root).compose(loaded -> render(vertx, renderer, loaded));
  }

  // Unordered, these: ordered tasks queue per context, and the runner's start-up, seconds long, is
  // queued on the same one (the starting thread's), so the site would wait for it.

  private static Future<Loaded> load(Vertx vertx, Path root) {
    return vertx.executeBlocking(
        () -> {
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
          return loaded;
        },
        false);
  }

  private static Future<Site> render(Vertx vertx, SiteRenderer renderer, Loaded loaded) {
    return vertx.executeBlocking(() -> renderer.render(loaded, Instant.now()), false);
  }

  /**
   * An executor: this machine's runner behind its Scheduler, taking runs from the cluster's web
   * nodes.
   */
  private static Future<Void> executor(
      Vertx vertx,
      Config config,
      RunnerFactory runners,
      Gauge gauge,
      AtomicReference<Runner> runner,
      AtomicReference<ExecutorNode> executor) {
    return runners
        .create(vertx, config)
        .map(r -> new Scheduler(vertx, r, config.admission(), gauge, config.maxQueue()))
        .onSuccess(runner::set)
        .compose(scheduler -> {
          var node = new ExecutorNode(vertx, scheduler);
          executor.set(node);
          LOG.log(Level.INFO, "executor " + node.id() + " is taking runs from the cluster");
          return onContext(vertx, node::start);
        });
  }

  /** Runs {@code start} on one event-loop context, which its consumers and timers then share. */
  private static Future<Void> onContext(Vertx vertx, Supplier<Future<Void>> start) {
    Promise<Void> started = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> start.get().onComplete(started));
    return started.future();
  }

  private static Future<Playground> deploy(Node node, Config config, String assetVersion) {
    Vertx vertx = node.vertx();
    String version = Version.current();
    var services =
        new Routes.Services(
            new CurrentSite(node.site()::get, node.rendering().whole()),
            config.basePath(),
            version,
            assetVersion,
            config.dev(),
            node.registry(),
            node.runner(),
            config.limits(),
            config.allowedOrigins(),
            new AtomicLong(),
            // One for all event loops, so each variant is recorded once.
            new Recordings(node.site()::get, node.runner(), config.limits()),
            new ConnectionGuard(config.connections()),
            new AddressBudget(config.clientLimits()),
            node.executor() == null ? null : node.executor()::status);
    // A negative port makes Vert.x pick one random port and share it among the instances; with
    // plain 0 every instance would get a port of its own.
    int port = config.port() == 0 ? -1 : config.port();
    var instances = new ConcurrentLinkedQueue<HttpVerticle>();
    return vertx
        .deployVerticle(
            () -> {
              var verticle =
                  new HttpVerticle(services, config.host(), port, node.rendering().first());
              instances.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(config.eventLoopCount()))
        .map(id -> new Playground(node, instances.peek().actualPort(), config.shutdownGrace()));
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
   * Completes with the whole site once it is rendered, or fails with why it could not be. A node
   * serves the lessons before that (see {@link Site#complete()}).
   */
  public Future<Site> rendered() {
    return rendering.whole();
  }

  /**
   * Stops taking runs, lets those in flight finish for up to the shutdown grace period and stops
   * the rest ({@code shutting-down}), kills every child process, then closes the servers. Pages and
   * the streams of runs are served until the end, so each run's last event gets out.
   */
  public Future<Void> close() {
    return runner
        .shutdown(shutdownGrace)
        .eventually(() -> executor == null ? Future.succeededFuture() : executor.close())
        .eventually(runner::close)
        .eventually(() -> {
          gauge.close();
          return vertx.close();
        });
  }

  public Runner runner() {
    return runner;
  }

  /**
   * Completes when this node's runner is up, or fails with why it could not start. Pages are served
   * before that; runs wait for it.
   */
  public Future<Void> runnerStarted() {
    return runner instanceof Scheduler scheduler
        ? scheduler.runnerStarted()
        : Future.succeededFuture();
  }

  /** For shutdown hooks and tests, which run on plain threads. */
  public void closeAndWait() throws Exception {
    close()
        .toCompletionStage()
        .toCompletableFuture()
        .get(shutdownGrace.toSeconds() + 30, TimeUnit.SECONDS);
  }
}
