package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Page;
import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Runner;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every HTTP route, in one place ({@code docs/protocol.md} and the README). All of them sit under
 * the base path; a request for the bare host root is redirected there, so a proxy that forwards
 * everything still lands readers on the course.
 */
public final class Routes {
  private static final System.Logger LOG = System.getLogger(Routes.class.getName());
  private static final int YEAR = 365 * 24 * 3600;

  private Routes() {}

  /**
   * What the routes serve from: the current site snapshot and the process's metrics registry. On an
   * executor ({@code ROLE=executor}) there is no site, and {@code executor} tells its place in the
   * cluster; elsewhere it is null.
   */
  public record Services(
      CurrentSite site,
      String basePath,
      String version,
      String assetVersion,
      boolean dev,
      PrometheusMeterRegistry registry,
      Runner runner,
      Limits limits,
      List<String> allowedOrigins,
      AtomicLong openSockets,
      Recordings recordings,
      ConnectionGuard connections,
      AddressBudget budget,
      Supplier<JsonObject> executor) {
    /** The largest run request a client may send: a source at the limit, JSON-escaped. */
    public int maxRequestBytes() {
      // JSON escaping can make a source of N bytes up to six times larger on the wire.
      return 6 * limits.sourceBytes() + 4096;
    }
  }

  public static Router create(Vertx vertx, Services services) {
    if (services.executor() != null) {
      return executor(vertx, services);
    }
    Router site = Router.router(vertx);
    CurrentSite current = services.site();

    get(site, "/").handler(ctx -> serve(ctx, current, "/"));
    get(site, "/lessons/:id")
        .handler(ctx -> serve(ctx, current, "/lessons/" + ctx.pathParam("id")));
    get(site, "/api/lessons").handler(ctx -> serve(ctx, current, "/api/lessons"));
    get(site, "/api/lessons/:id")
        .handler(ctx -> serve(ctx, current, "/api/lessons/" + ctx.pathParam("id")));
    CharSequence embedCsp = Pages.embedCsp(services.allowedOrigins());
    get(site, "/embed").handler(ctx -> serve(ctx, current, "/embed"));
    get(site, "/embed/:lesson/:example")
        .handler(ctx ->
            serve(
                ctx,
                current,
                "/embed/" + ctx.pathParam("lesson") + "/" + ctx.pathParam("example"),
                embedCsp));
    get(site, "/api/recordings/:lesson/:example/:variant").handler(services.recordings()::handle);
    get(site, "/cheatsheet/:from/:to")
        .handler(ctx ->
            serve(
                ctx, current, "/cheatsheet/" + ctx.pathParam("from") + "/" + ctx.pathParam("to")));
    get(site, "/api/search").handler(new SearchApi(current, services.basePath())::handle);
    get(site, "/oembed").handler(new OEmbed(current, services.basePath())::handle);
    get(site, "/health")
        .handler(
            new Health(
                    current,
                    services.runner(),
                    services.version(),
                    services.dev(),
                    services.openSockets()::get,
                    services.connections()::status,
                    () -> null)
                ::handle);
    site.post("/api/run")
        .handler(BodyHandler.create(false).setBodyLimit(services.maxRequestBytes()))
        .handler(
            new RunApi(current, services.runner(), services.limits(), services.budget())::handle);
    var socket =
        new RunSocket(
            vertx,
            current,
            services.runner(),
            services.limits(),
            services.budget().limits(),
            new Origins(services.allowedOrigins()),
            services.connections(),
            services.openSockets());
    get(site, "/ws").handler(socket::handle);
    get(site, "/metrics").handler(PrometheusScrapingHandler.create(services.registry()));
    // Pages link assets under a content hash, so those may be cached for a year; modules import
    // each other by relative URL and so stay within one version. Unversioned URLs (what other
    // sites link to, such as a script to embed) must be revalidated.
    site.route("/assets/" + services.assetVersion() + "/*")
        .handler(StaticHandler.create("webroot").setMaxAgeSeconds(YEAR));
    site.route("/assets/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(0));
    site.route("/webjars/*")
        .handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(YEAR));

    Router root = Router.router(vertx);
    String base = services.basePath();
    if (!base.isEmpty()) {
      get(root, "/").handler(ctx -> redirect(ctx, base + "/"));
      // Vert.x matches "/course" for "/course/" too; only the bare prefix is redirected.
      get(root, base)
          .handler(ctx -> {
            if (ctx.request().path().equals(base)) {
              redirect(ctx, base + "/");
            } else {
              ctx.next();
            }
          });
    }
    root.route(base + "/*").subRouter(site);
    root.errorHandler(404, ctx -> notFound(ctx, current.get(), base));
    root.errorHandler(
        500,
        ctx -> {
          LOG.log(
              Level.ERROR,
              "failed: " + ctx.request().method() + " " + ctx.request().path(),
              ctx.failure());
          if (!ctx.response().headWritten()) {
            Pages.send(ctx, current.get().serverError());
          }
        });
    return root;
  }

  /**
   * An executor serves no pages: its health, with its place in the cluster, and its metrics, under
   * the base path like every node (so one health check fits every container of a deployment).
   */
  private static Router executor(Vertx vertx, Services services) {
    Router router = Router.router(vertx);
    get(router, "/health")
        .handler(
            new Health(
                    () -> null,
                    services.runner(),
                    services.version(),
                    false,
                    () -> 0,
                    services.connections()::status,
                    services.executor())
                ::handle);
    get(router, "/metrics").handler(PrometheusScrapingHandler.create(services.registry()));
    Router top = router;
    if (!services.basePath().isEmpty()) {
      top = Router.router(vertx);
      top.route(services.basePath() + "/*").subRouter(router);
    }
    top.errorHandler(
        404,
        ctx ->
            ctx.response()
                .setStatusCode(404)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("This is an executor of the playground: it serves /health and /metrics.\n"));
    return top;
  }

  private static Route get(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private static void serve(RoutingContext ctx, CurrentSite site, String path) {
    serve(ctx, site, path, Pages.CSP_VALUE);
  }

  /**
   * The same, with a content security policy of its own (widget pages may be framed). A page that
   * is not there yet at start-up is looked for again in the whole site.
   */
  private static void serve(RoutingContext ctx, CurrentSite site, String path, CharSequence csp) {
    Optional<Page> page = site.get().page(path);
    if (page.isPresent()) {
      Pages.send(ctx, page.get(), csp);
    } else {
      site.whole(
          ctx,
          whole ->
              whole.page(path).ifPresentOrElse(p -> Pages.send(ctx, p, csp), () -> ctx.fail(404)));
    }
  }

  private static void notFound(RoutingContext ctx, Site site, String base) {
    boolean api = ctx.request().path().startsWith(base + "/api/");
    Page page = api ? site.notFoundJson() : site.notFound();
    Pages.send(ctx, page);
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).end();
  }
}
