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
  private final AddressBudget budget;

  RunApi(Supplier<Site> site, Runner runner, Limits limits, AddressBudget budget) {
    this.site = site;
    this.runner = runner;
    this.limits = limits;
    this.budget = budget;
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
    String address = clientAddress(ctx);
    ClientLimits share = budget.limits();
    switch (budget.tryStart(address)) {
      case AddressBudget.TooMany(int running) -> {
        refuseBusy(
            response,
            stream,
            2,
            "This address already has %d runs running or waiting, the most it may; wait for one to end."
                .formatted(running));
        return;
      }
      case AddressBudget.TooFast(long retryAfter) -> {
        refuseBusy(
            response,
            stream,
            retryAfter,
            "This address started %d runs in the last minute, the most it may; try again in %d s."
                .formatted(share.perMinute(), retryAfter));
        return;
      }
      case AddressBudget.Granted(Runnable release) -> {
        Run run = runner.start(resolved.request(), resolved.toReader(stream::send));
        run.done().onComplete(x -> release.run());
        response.closeHandler(v -> run.cancel());
      }
    }
  }

  private static void refuseBusy(
      HttpServerResponse response, EventStream stream, long retryAfter, String message) {
    response.setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter));
    stream.send(new RunEvent.Error(RunEvent.Error.Reason.BUSY, message));
  }

  /**
   * The caller's address. Behind a proxy that the operator trusts ({@code TRUST_PROXY}), the last
   * address in {@code X-Forwarded-For}: the one that proxy saw, which a client cannot forge.
   */
  private String clientAddress(RoutingContext ctx) {
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (budget.limits().trustProxy() && forwarded != null && !forwarded.isBlank()) {
      return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
    }
    var remote = ctx.request().remoteAddress();
    return remote == null ? "?" : remote.hostAddress();
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
