package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Runner;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code GET /ws}: the WebSocket that carries runs to the browser ({@code docs/protocol.md}),
 * several at once, multiplexed by the client's run ids.
 *
 * <p>One instance serves one event loop (one {@link HttpVerticle}), so its set of sessions is only
 * ever touched from that loop. A single timer per loop pings every socket, rather than one timer
 * per socket: idle readers then cost only their connection. A socket that has not answered two
 * pings in a row is closed, which also cancels its runs.
 */
final class RunSocket {
  private static final System.Logger LOG = System.getLogger(RunSocket.class.getName());
  static final long PING_EVERY_MS = 25_000;

  private final Supplier<Site> site;
  private final Runner runner;
  private final Limits limits;
  private final ClientLimits share;
  private final Origins origins;
  private final ConnectionGuard guard;
  private final Set<SocketSession> sessions = new HashSet<>();
  private final AtomicLong open;

  RunSocket(
      Vertx vertx,
      Supplier<Site> site,
      Runner runner,
      Limits limits,
      ClientLimits share,
      Origins origins,
      ConnectionGuard guard,
      AtomicLong open) {
    this.site = site;
    this.runner = runner;
    this.limits = limits;
    this.share = share;
    this.origins = origins;
    this.guard = guard;
    this.open = open;
    vertx.setPeriodic(PING_EVERY_MS, PING_EVERY_MS, t -> pingAll());
  }

  void handle(RoutingContext ctx) {
    var request = ctx.request();
    if (!origins.allows(request)) {
      LOG.log(Level.INFO, "WebSocket refused for origin " + request.getHeader(HttpHeaders.ORIGIN));
      ctx.response()
          .setStatusCode(403)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end(
              "This page's origin may not run code here. The operator can allow it with"
                  + " ALLOWED_ORIGINS.\n");
      return;
    }
    if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
      ctx.response()
          .setStatusCode(426)
          .putHeader(HttpHeaders.UPGRADE, "websocket")
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end("This is the playground's WebSocket endpoint; connect with a WebSocket client.\n");
      return;
    }
    var connection = request.connection();
    request
        .toWebSocket()
        .onSuccess(socket -> open(socket, connection))
        .onFailure(e -> {
          LOG.log(Level.DEBUG, "WebSocket handshake failed", e);
          if (!ctx.response().ended() && !ctx.response().headWritten()) {
            ctx.response().setStatusCode(400).end();
          }
        });
  }

  private void open(ServerWebSocket socket, HttpConnection connection) {
    dropIdleTimer(connection);
    var session = new SocketSession(socket, site, runner, limits, share);
    sessions.add(session);
    open.incrementAndGet();
    socket.closeHandler(v -> {
      guard.released(connection);
      open.decrementAndGet();
      sessions.remove(session);
      session.closed();
    });
  }

  /**
   * A WebSocket's liveness is the pings' business: one that misses two is closed. The connection's
   * idle timer (IDLE_TIMEOUT, for HTTP keep-alive) could never fire on it, since every ping is
   * traffic, yet it costs every idle reader a handler and a scheduled task: about 180 bytes, a
   * sixtieth of a session. Reached through Vert.x's connection class; a Vert.x whose connections
   * are not one keeps the timer, which is harmless.
   */
  private static void dropIdleTimer(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      var pipeline = base.channelHandlerContext().pipeline();
      if (pipeline.get(IdleStateHandler.class) != null) {
        pipeline.remove(IdleStateHandler.class);
      }
    }
  }

  private void pingAll() {
    long now = System.nanoTime();
    for (SocketSession session : Set.copyOf(sessions)) {
      if (now - session.lastHeard() > 2 * PING_EVERY_MS * 1_000_000 + 5_000_000_000L) {
        session.close((short) 1001, "No answer to pings");
      } else {
        session.socket().writePing(Buffer.buffer());
      }
    }
  }
}
