package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunTargets;
import dev.polyglot.playground.run.Runner;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One browser's WebSocket: its runs by id, each numbering its own events. Bad messages are answered
 * with an {@code error} event and the socket stays open, so one mistake does not cost the page its
 * other runs. When the socket closes, its runs are cancelled and their processes killed.
 *
 * <p>Everything here runs on the socket's event loop; the runner delivers events on it too.
 */
final class SocketSession {
  static final int MAX_ID = 64;

  private final ServerWebSocket socket;
  private final Supplier<Site> site;
  private final Runner runner;
  private final Limits limits;
  private final ClientLimits share;
  // Created at the first run: most sockets never run anything.
  private RateLimit rate;
  // Created at the first run: most sockets of a course site sit idle, and each must stay small.
  private Map<String, Live> runs;
  private long lastHeard = System.nanoTime();
  private boolean closed;

  /** A run in progress and the number of its last event. */
  private static final class Live {
    Run run;
    long seq;
  }

  /**
   * {@code share} bounds the runs this socket may have going and start a minute. Every tab and
   * widget of a browser shares its socket (through a SharedWorker), so these are per browser: room
   * for a docs page of widgets, not for one client to fill the queue alone.
   */
  SocketSession(
      ServerWebSocket socket,
      Supplier<Site> site,
      Runner runner,
      Limits limits,
      ClientLimits share) {
    this.socket = socket;
    this.site = site;
    this.runner = runner;
    this.limits = limits;
    this.share = share;
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(b -> {
      heard();
      refuse(null, "Send runs as JSON text messages, not binary ones.");
    });
    socket.pongHandler(b -> heard());
  }

  ServerWebSocket socket() {
    return socket;
  }

  long lastHeard() {
    return lastHeard;
  }

  private void heard() {
    lastHeard = System.nanoTime();
  }

  private void onText(String text) {
    heard();
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      refuse(
          null, "Each message must be a JSON object, such as {\"type\":\"run\",\"id\":\"1\",...}.");
      return;
    }
    String id = message.getValue("id") instanceof String s ? s : null;
    switch (message.getValue("type") instanceof String type ? type : "") {
      case "run" -> run(id, message);
      case "cancel" -> cancel(id);
      case "ping" -> socket.writeTextMessage("{\"type\":\"pong\"}");
      default ->
          // An id of a run that is going would end that run on the page: answer without it.
          refuse(
              runs != null && runs.containsKey(id) ? null : id,
              "Unknown message type %s; send \"run\", \"cancel\" or \"ping\"."
                  .formatted(
                      message.getValue("type") == null ? "(none)" : message.getValue("type")));
    }
  }

  private void run(String id, JsonObject message) {
    if (id == null || id.isBlank() || id.length() > MAX_ID) {
      refuse(null, "A run needs an \"id\": text of 1 to " + MAX_ID + " characters.");
      return;
    }
    if (runs != null && runs.containsKey(id)) {
      // Answered without the id: the client's run of that id is still going and must not end.
      refuse(null, "Run '" + id + "' is still going; give each run its own id.");
      return;
    }
    if (runs != null && runs.size() >= share.perSocket()) {
      busy(
          id,
          "This browser already has %d runs running or waiting, the most it may; wait for one to end."
              .formatted(runs.size()));
      return;
    }
    var resolved = RunTargets.resolve(site.get().course(), message, limits);
    if (!resolved.ok()) {
      var refused = new Live();
      resolved.refusal().forEach(e -> send(id, refused, e));
      return;
    }
    if (rate == null) {
      rate = new RateLimit(share.perMinute());
    }
    if (!rate.tryTake()) {
      busy(
          id,
          "This browser started %d runs in the last minute, the most it may; try again in %d s."
              .formatted(share.perMinute(), Math.max(1, rate.secondsToNext())));
      return;
    }
    if (runs == null) {
      runs = new HashMap<>(4);
    }
    var live = new Live();
    runs.put(id, live);
    live.run =
        runner.start(
            resolved.request(),
            resolved.toReader(event -> {
              send(id, live, event);
              if (event.terminal()) {
                runs.remove(id, live);
              }
            }));
    if (closed) {
      live.run.cancel();
    }
  }

  private void cancel(String id) {
    // An unknown id is not an error: the run may have ended while the cancel was on its way.
    Live live = id == null || runs == null ? null : runs.get(id);
    if (live != null && live.run != null) {
      live.run.cancel();
    }
  }

  private void busy(String id, String message) {
    send(id, new Live(), new RunEvent.Error(RunEvent.Error.Reason.BUSY, message));
  }

  /** A message that cannot be a run: answered, and the socket stays open. */
  private void refuse(String id, String message) {
    send(id, new Live(), new RunEvent.Error(RunEvent.Error.Reason.INVALID, message));
  }

  private void send(String id, Live live, RunEvent event) {
    if (closed) {
      return;
    }
    // Output is capped per run (Limits.outputBytes), which bounds what can queue up here.
    socket.writeTextMessage(event.toJson(id, ++live.seq).encode());
  }

  void close(short code, String reason) {
    socket.close(code, reason);
  }

  /** The browser went away: nothing more can be delivered, and nobody is watching the runs. */
  void closed() {
    closed = true;
    if (runs != null) {
      for (Live live : List.copyOf(runs.values())) {
        if (live.run != null) {
          live.run.cancel();
        }
      }
    }
  }
}
