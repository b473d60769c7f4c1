package dev.polyglot.playground.cluster;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunRequest;
import io.vertx.core.json.JsonObject;

/**
 * The protocol between web nodes and executors over the clustered event bus ({@code
 * docs/protocol.md}, "Between nodes"): its addresses, its messages as records, and their one codec.
 *
 * <pre>
 *   web ── Offer ──────────► executor.&lt;id&gt;   (request–reply: accepted, or a failure)
 *   web ── Cancel ─────────► executor.&lt;id&gt;
 *   web ◄── Event ────────── executor           (to web.&lt;id&gt;, seq 1, 2, 3 … per run)
 *   every node ◄── ExecutorBeat (published each second by each executor)
 *   every node ◄── WebBeat      (published each second by each web node)
 * </pre>
 */
public final class Bus {
  private Bus() {}

  /** Where executors publish their heartbeats. */
  public static final String EXECUTORS = "playground.cluster.executors";

  /** Where web nodes publish theirs. */
  public static final String WEBS = "playground.cluster.webs";

  /** Where an executor takes offers and cancels. */
  public static String executor(String id) {
    return "playground.cluster.executor." + id;
  }

  /** Where a web node takes the events of its runs. */
  public static String web(String id) {
    return "playground.cluster.web." + id;
  }

  /** Every message between nodes. */
  public sealed interface Message {}

  /** A run for an executor; {@code run} is unique on its web node. */
  public record Offer(String web, String run, RunRequest request) implements Message {}

  /** The web node no longer wants a run; {@code reason} is cancelled or shutting-down. */
  public record Cancel(String web, String run, RunEvent.Error.Reason reason) implements Message {}

  /** One event of a run, numbered from 1 without gaps. */
  public record Event(String run, long seq, RunEvent event) implements Message {}

  /**
   * An executor is alive: {@code room} more runs fit now; {@code capacity} is {@code running +
   * room}.
   */
  public record ExecutorBeat(String id, int capacity, int room, int running, int queued)
      implements Message {}

  /** A web node is alive, so its runs go on. */
  public record WebBeat(String id) implements Message {}

  public static JsonObject encode(Message message) {
    return switch (message) {
      case Offer o ->
          new JsonObject()
              .put("type", "offer")
              .put("web", o.web())
              .put("run", o.run())
              .put("label", o.request().label())
              .put("source", o.request().source())
              .put("bundled", o.request().bundled())
              .put("language", o.request().language().id());
      case Cancel c ->
          new JsonObject()
              .put("type", "cancel")
              .put("web", c.web())
              .put("run", c.run())
              .put("reason", c.reason().wireName());
      case Event e -> e.event().toJson(e.run(), e.seq()).put("event", e.event().type());
      case ExecutorBeat b ->
          new JsonObject()
              .put("type", "executor")
              .put("id", b.id())
              .put("capacity", b.capacity())
              .put("room", b.room())
              .put("running", b.running())
              .put("queued", b.queued());
      case WebBeat w -> new JsonObject().put("type", "web").put("id", w.id());
    };
  }

  /**
   * @throws IllegalArgumentException for anything that is not a message this codec wrote
   */
  public static Message decode(JsonObject json) {
    try {
      String type = json.getString("type");
      if (json.getValue("event") instanceof String eventType) {
        // An event keeps the client wire format, with its own type in "type".
        if (!eventType.equals(type)) {
          throw new IllegalArgumentException("event of two types");
        }
        return new Event(
            require(json.getString("id")), json.getLong("seq"), RunEvent.fromJson(json));
      }
      return switch (type == null ? "" : type) {
        case "offer" ->
            new Offer(
                require(json.getString("web")),
                require(json.getString("run")),
                new RunRequest(
                    require(json.getString("label")),
                    require(json.getString("source")),
                    json.getBoolean("bundled"),
                    Language.byId(json.getString("language", "java"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown language"))));
        case "cancel" ->
            new Cancel(
                require(json.getString("web")),
                require(json.getString("run")),
                RunEvent.Error.Reason.of(json.getString("reason")));
        case "executor" ->
            new ExecutorBeat(
                require(json.getString("id")),
                json.getInteger("capacity"),
                json.getInteger("room"),
                json.getInteger("running"),
                json.getInteger("queued"));
        case "web" -> new WebBeat(require(json.getString("id")));
        default -> throw new IllegalArgumentException("unknown message type " + type);
      };
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("malformed message " + json.encode(), e);
    }
  }

  private static String require(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a field is missing");
    }
    return value;
  }
}
