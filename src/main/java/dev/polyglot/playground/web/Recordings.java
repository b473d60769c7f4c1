package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.RunTargets;
import dev.polyglot.playground.run.Runner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/recordings/{lesson}/{example}/{variant}}: the events of a real run of a bundled
 * variant, with the times the program stamped them, so a widget can replay it at once and at its
 * real pace. The first request makes the recording with a real run (through the same queue as any
 * other); later ones get it from memory. A recording is keyed by the variant's code, so changed
 * lessons get new ones; a run that does not exit 0 is not kept.
 */
public final class Recordings {
  private final Supplier<Site> site;
  private final Runner runner;
  private final Limits limits;
  // Shared by every event loop; at most one entry per bundled variant and version of its code.
  private final Map<String, Future<JsonObject>> recordings = new ConcurrentHashMap<>();

  public Recordings(Supplier<Site> site, Runner runner, Limits limits) {
    this.site = site;
    this.runner = runner;
    this.limits = limits;
  }

  void handle(RoutingContext ctx) {
    var target =
        new JsonObject()
            .put("lesson", ctx.pathParam("lesson"))
            .put("example", ctx.pathParam("example"))
            .put("variant", ctx.pathParam("variant"));
    var resolved = RunTargets.resolve(site.get().course(), target, limits);
    if (!resolved.ok()) {
      String message =
          resolved.refusal().getLast() instanceof RunEvent.Error e ? e.message() : "Not found.";
      send(ctx, 404, new JsonObject().put("error", message));
      return;
    }
    RunRequest request = resolved.request();
    String key = request.label() + "@" + request.sourceHash();
    recordings
        .computeIfAbsent(key, k -> record(resolved))
        .onSuccess(recording -> send(ctx, 200, recording))
        .onFailure(e -> {
          recordings.remove(key);
          send(ctx, 503, new JsonObject().put("error", "No recording yet: " + e.getMessage()));
        });
  }

  private Future<JsonObject> record(RunTargets.Resolved resolved) {
    Promise<JsonObject> done = Promise.promise();
    var events = new JsonArray();
    var seq = new long[1];
    runner.start(
        resolved.request(),
        resolved.toReader(event -> {
          if (event instanceof RunEvent.Queued) {
            return; // the wait in the queue is not part of the program
          }
          events.add(event.toJson("recording", ++seq[0]));
          switch (event) {
            case RunEvent.Exit exit when exit.code() == 0 ->
                done.tryComplete(
                    new JsonObject()
                        .put("recordedAt", Instant.now().toString())
                        .put("events", events));
            case RunEvent.Exit exit -> done.tryFail("the run exited with code " + exit.code());
            case RunEvent.Error error -> done.tryFail(error.message());
            default -> {}
          }
        }));
    return done.future();
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .putHeader(HttpHeaders.CACHE_CONTROL, status == 200 ? "public, max-age=300" : "no-store")
        .end(body.encode());
  }
}
