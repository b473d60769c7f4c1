package dev.polyglot.playground.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connection limits every public server needs, shared by the HTTP servers of all event loops: a
 * connection must send a whole request head within {@code headerTimeout} (so one that sends half a
 * request line, or nothing, and waits is closed: slowloris), and one address may hold at most
 * {@code maxPerAddress} connections, WebSockets included (0: no cap). Idle keep-alive connections
 * are closed by the server's idle timeout, which the WebSocket pings keep from closing a live
 * socket.
 *
 * <pre>
 *   open ─ address over its cap? ─ yes ─ close
 *          └ no ─ timer(headerTimeout) ─ first request head arrives? ─ yes ─ cancel timer
 *                                        └ no, time is up ──────────────────── close
 * </pre>
 */
public final class ConnectionGuard {
  private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

  /** The settings: a timeout of zero turns the header deadline off, a cap of zero the cap. */
  public record Settings(Duration headerTimeout, Duration idleTimeout, int maxPerAddress) {}

  private final Settings settings;
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  // Each open connection and its address, so that a connection is released exactly once.
  private final Map<HttpConnection, String> open = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();

  public ConnectionGuard(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  /**
   * The handlers of one HTTP server, on one event loop: one for new connections, and one that
   * passes each request on to {@code requests} once its head has arrived.
   */
  Server on(Vertx vertx, Handler<HttpServerRequest> requests) {
    return new Server(vertx, requests);
  }

  /** What /health shows: connections refused over the cap, and closed for a slow head. */
  JsonObject status() {
    return new JsonObject()
        .put("maxPerAddress", settings.maxPerAddress())
        .put("refused", refused.get())
        .put("timedOut", timedOut.get());
  }

  /**
   * A connection has closed. Called by its close handler, and by the WebSocket that took it over:
   * once a connection is upgraded, Vert.x no longer calls the HTTP connection's close handler. A
   * second call for the same connection does nothing.
   */
  void released(HttpConnection connection) {
    String address = open.remove(connection);
    if (address != null) {
      perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }
  }

  /** One event loop's share: every call comes on that loop, so its map needs no lock. */
  final class Server {
    private final Vertx vertx;
    private final Handler<HttpServerRequest> requests;
    private final Map<HttpConnection, Long> awaitingHead = new HashMap<>();

    private Server(Vertx vertx, Handler<HttpServerRequest> requests) {
      this.vertx = vertx;
      this.requests = requests;
    }

    void opened(HttpConnection connection) {
      // One string per address, not one per connection: an open WebSocket keeps it for hours.
      String address =
          connection.remoteAddress() == null
              ? "?"
              : connection.remoteAddress().hostAddress().intern();
      // Counted atomically per address across event loops; an address with none open is removed.
      int count = perAddress.merge(address, 1, Integer::sum);
      ConnectionGuard.this.open.put(connection, address);
      connection.closeHandler(v -> {
        Long timer = awaitingHead.remove(connection);
        if (timer != null) {
          vertx.cancelTimer(timer);
        }
        released(connection);
      });
      if (settings.maxPerAddress() > 0 && count > settings.maxPerAddress()) {
        refused.incrementAndGet();
        LOG.log(Level.DEBUG, "refused a connection from " + address + ": " + count + " open");
        connection.close();
        return;
      }
      if (!settings.headerTimeout().isZero()) {
        long timer =
            vertx.setTimer(
                settings.headerTimeout().toMillis(),
                t -> {
                  if (awaitingHead.remove(connection) != null) {
                    timedOut.incrementAndGet();
                    connection.close();
                  }
                });
        awaitingHead.put(connection, timer);
      }
    }

    void request(HttpServerRequest request) {
      Long timer = awaitingHead.remove(request.connection());
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
      requests.handle(request);
    }
  }
}
