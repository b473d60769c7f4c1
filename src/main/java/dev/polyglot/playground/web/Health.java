package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.run.Runner;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: liveness for load balancers and the Docker HEALTHCHECK, plus what is loaded.
 */
final class Health {
  private final Supplier<Site> site;
  private final Runner runner;
  private final String version;
  private final boolean dev;
  private final LongSupplier sockets;
  private final Supplier<JsonObject> connections;
  private final Supplier<JsonObject> executor;
  private final Instant started = Instant.now();

  Health(
      Supplier<Site> site,
      Runner runner,
      String version,
      boolean dev,
      LongSupplier sockets,
      Supplier<JsonObject> connections,
      Supplier<JsonObject> executor) {
    this.site = site;
    this.runner = runner;
    this.version = version;
    this.dev = dev;
    this.sockets = sockets;
    this.connections = connections;
    this.executor = executor;
  }

  void handle(RoutingContext ctx) {
    Site current = site.get();
    JsonObject runs = runner.status();
    // A web node's runner knows the cluster; an executor knows its own place in it.
    Object cluster = runs.remove("cluster");
    if (executor.get() != null) {
      cluster = executor.get();
    }
    var body =
        new JsonObject()
            .put("status", "UP")
            .put("version", version)
            .put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds())
            .put("devMode", dev);
    if (current != null) {
      body.put(
          "content",
          new JsonObject()
              .put("lessons", current.course().lessons().size())
              .put("examples", current.course().exampleCount())
              .put("problems", current.problems().size())
              .put("loadedAt", current.loadedAt().toString()));
    }
    body.put("runs", runs)
        .put("webSockets", sockets.getAsLong())
        .put("connections", connections.get())
        .put("cluster", cluster == null ? new JsonObject().put("role", "all") : cluster);
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
