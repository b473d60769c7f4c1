package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunTargets;
import dev.polyglot.playground.run.Runner;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /api/run}: one run, streamed as NDJSON (one event per line) while it happens, so
 * {@code curl -N} shows it live. A client that goes away cancels the run.
 */
final class RunApi {
  static final String NDJSON = "application/x-ndjson";

  private final Supplier<Site> site;
  private final Runner runner;
  private final Limits limits;

  RunApi(Supplier<Site> site, Runner runner, Limits limits) {
    this.site = site;
    this.runner = runner;
    this.limits = limits;
  }

  void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    String id =
        body != null && body.getValue("id") instanceof String s && !s.isBlank() && s.length() <= 64
            ? s
            : UUID.randomUUID().toString();
    var stream = new EventStream(response, id);
    if (body == null) {
      response.setStatusCode(400);
      stream.send(
          new RunEvent.Error(
              RunEvent.Error.Reason.INVALID, "The request body must be a JSON object."));
      return;
    }
    var resolved = RunTargets.resolve(site.get().course(), body, limits);
    if (!resolved.ok()) {
      response.setStatusCode(
          switch (resolved.why()) {
            case MALFORMED -> 400;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
          });
      resolved.refusal().forEach(stream::send);
      return;
    }
    Run run = runner.start(resolved.request(), resolved.toReader(stream::send));
    response.closeHandler(v -> run.cancel());
  }

  /** Numbers the events of one run and writes them as lines; ends the response after the last. */
  private static final class EventStream {
    private final HttpServerResponse response;
    private final String id;
    private long seq;

    EventStream(HttpServerResponse response, String id) {
      this.response = response;
      this.id = id;
      response
          .setChunked(true)
          .putHeader("Content-Type", NDJSON)
          .putHeader("Cache-Control", "no-store")
          // Proxies such as nginx would otherwise buffer the stream and lose the live effect.
          .putHeader("X-Accel-Buffering", "no");
    }

    void send(RunEvent event) {
      if (response.ended() || response.closed()) {
        return;
      }
      response.write(event.toJson(id, ++seq).encode() + "\n");
      if (event.terminal()) {
        response.end();
      }
    }
  }
}
