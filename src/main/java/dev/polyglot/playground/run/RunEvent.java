package dev.polyglot.playground.run;

import io.vertx.core.json.JsonObject;

/**
 * Everything a run reports, in order ({@code docs/protocol.md} is the contract). Each run ends with
 * exactly one {@link Exit} or {@link Error}. Times ({@code t}, {@code start}, {@code end}) are
 * milliseconds since {@link Started}, stamped inside the child JVM where the output happened, not
 * when it arrived.
 */
public sealed interface RunEvent {

  /** The wire name, such as {@code "stdout"}. */
  String type();

  /** The event's own fields; the transport adds {@code type}, {@code id} and {@code seq}. */
  JsonObject fields();

  /** True for the two events that end a run. */
  default boolean terminal() {
    return this instanceof Exit || this instanceof Error;
  }

  /** Encodes the event as sent to clients. */
  default JsonObject toJson(String id, long seq) {
    return new JsonObject().put("type", type()).put("id", id).put("seq", seq).mergeIn(fields());
  }

  /**
   * Decodes what {@link #toJson} wrote (its {@code id} and {@code seq} are the caller's), as a web
   * node does with events an executor sent it.
   *
   * @throws IllegalArgumentException for a type or field it does not know
   */
  static RunEvent fromJson(JsonObject json) {
    try {
      String type = json.getString("type");
      return switch (type == null ? "" : type) {
        case "queued" -> new Queued(json.getInteger("position"));
        case "compiling" -> new Compiling();
        case "diagnostic" ->
            new Diagnostic(
                json.getString("severity"),
                json.getLong("line"),
                json.getLong("column"),
                json.getString("message"));
        case "started" -> new Started();
        case "stdout", "stderr" ->
            new Output(
                type.equals("stdout") ? Output.Stream.STDOUT : Output.Stream.STDERR,
                json.getString("text"),
                json.getDouble("t"),
                json.getString("thread"));
        case "span-start" ->
            new SpanStart(
                json.getString("name"), json.getString("thread"), json.getDouble("start"));
        case "span-end" ->
            new SpanEnd(
                json.getString("name"),
                json.getString("thread"),
                json.getDouble("start"),
                json.getDouble("end"));
        case "running" ->
            new Running(json.getString("thread"), json.getDouble("start"), json.getDouble("end"));
        case "at" -> new At(json.getString("thread"), json.getDouble("t"), json.getLong("line"));
        case "limit" ->
            new Limit(Limits.Kind.of(json.getString("kind")), json.getString("message"));
        case "checked" ->
            new Checked(
                json.getBoolean("passed"),
                json.getJsonArray("results").stream()
                    .map(o -> Checked.Result.fromJson((JsonObject) o))
                    .toList());
        case "exit" ->
            new Exit(json.getInteger("code"), json.getDouble("wallMs"), json.getDouble("cpuMs"));
        case "error" ->
            new Error(Error.Reason.of(json.getString("reason")), json.getString("message"));
        default -> throw new IllegalArgumentException("unknown event type " + type);
      };
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("malformed event " + json.encode(), e);
    }
  }

  record Queued(int position) implements RunEvent {
    public String type() {
      return "queued";
    }

    public JsonObject fields() {
      return new JsonObject().put("position", position);
    }
  }

  record Compiling() implements RunEvent {
    public String type() {
      return "compiling";
    }

    public JsonObject fields() {
      return new JsonObject();
    }
  }

  /** A compiler message; line and column are 1-based positions in the user's source. */
  record Diagnostic(String severity, long line, long column, String message) implements RunEvent {
    public String type() {
      return "diagnostic";
    }

    public JsonObject fields() {
      return new JsonObject()
          .put("severity", severity)
          .put("line", line)
          .put("column", column)
          .put("message", message);
    }
  }

  record Started() implements RunEvent {
    public String type() {
      return "started";
    }

    public JsonObject fields() {
      return new JsonObject();
    }
  }

  /** One line of output (or one chunk of an overlong line), with when and where it was written. */
  record Output(Stream stream, String text, double t, String thread) implements RunEvent {
    public enum Stream {
      STDOUT,
      STDERR
    }

    public String type() {
      return stream == Stream.STDOUT ? "stdout" : "stderr";
    }

    public JsonObject fields() {
      return new JsonObject().put("text", text).put("t", t).put("thread", thread);
    }
  }

  /** A task (thread) became alive; the timeline starts a bar that grows until its end. */
  record SpanStart(String name, String thread, double start) implements RunEvent {
    public String type() {
      return "span-start";
    }

    public JsonObject fields() {
      return new JsonObject().put("name", name).put("thread", thread).put("start", start);
    }
  }

  /** A task ended: its whole lifetime. */
  record SpanEnd(String name, String thread, double start, double end) implements RunEvent {
    public String type() {
      return "span-end";
    }

    public JsonObject fields() {
      return new JsonObject()
          .put("name", name)
          .put("thread", thread)
          .put("start", start)
          .put("end", end);
    }
  }

  /**
   * A lane ran code from {@code start} to {@code end}. Python and JavaScript runs send these for
   * every lane, so that the timeline can tell running from waiting: within a lane's span, time not
   * covered by a {@code running} segment was spent waiting.
   */
  record Running(String thread, double start, double end) implements RunEvent {
    public String type() {
      return "running";
    }

    public JsonObject fields() {
      return new JsonObject().put("thread", thread).put("start", start).put("end", end);
    }
  }

  /**
   * From {@code t}, the lane waited at {@code line} of the reader's source (Java runs, sampled):
   * where a scrubber marks each task in the code.
   */
  record At(String thread, double t, long line) implements RunEvent {
    public String type() {
      return "at";
    }

    public JsonObject fields() {
      return new JsonObject().put("thread", thread).put("t", t).put("line", line);
    }
  }

  /** A limit was hit; output so far is kept. */
  record Limit(Limits.Kind kind, String message) implements RunEvent {
    public String type() {
      return "limit";
    }

    public JsonObject fields() {
      return new JsonObject().put("kind", kind.wireName()).put("message", message);
    }
  }

  /**
   * How a challenge's run did against each of its checks; sent just before the {@link Exit} of a
   * run that asked for a challenge. {@code passed} is true when every check passed.
   */
  record Checked(boolean passed, java.util.List<Result> results) implements RunEvent {
    /** One check: its kind, its goal in words, whether it passed and what the run measured. */
    public record Result(String check, String goal, boolean passed, String measured) {
      JsonObject toJson() {
        return new JsonObject()
            .put("check", check)
            .put("goal", goal)
            .put("passed", passed)
            .put("measured", measured);
      }

      static Result fromJson(JsonObject json) {
        return new Result(
            json.getString("check"),
            json.getString("goal"),
            json.getBoolean("passed"),
            json.getString("measured"));
      }
    }

    public Checked {
      results = java.util.List.copyOf(results);
    }

    public String type() {
      return "checked";
    }

    public JsonObject fields() {
      var list = new io.vertx.core.json.JsonArray();
      results.forEach(r -> list.add(r.toJson()));
      return new JsonObject().put("passed", passed).put("results", list);
    }
  }

  /** The last event of a run that started. */
  record Exit(int code, double wallMs, double cpuMs) implements RunEvent {
    public String type() {
      return "exit";
    }

    public JsonObject fields() {
      return new JsonObject().put("code", code).put("wallMs", wallMs).put("cpuMs", cpuMs);
    }
  }

  /**
   * The run could not start, or could not go on; always the last event. {@code reason} is for
   * programs, {@code message} for people.
   */
  record Error(Reason reason, String message) implements RunEvent {
    /** Why a run ended without an {@link Exit}; the wire names are a public contract. */
    public enum Reason {
      /** The client cancelled it before it started. */
      CANCELLED("cancelled"),
      /** No room for it: the queue is full, or the client has too many runs going. */
      BUSY("busy"),
      /** The request itself is wrong: bad JSON, an unknown lesson or example, a bad id. */
      INVALID("invalid"),
      /** This server cannot run it, such as edited code where there is no sandbox. */
      UNAVAILABLE("unavailable"),
      /** The code does not compile; diagnostics came before. */
      COMPILE_FAILED("compile-failed"),
      /** A limit stopped it before it started; a limit event came before. */
      LIMIT("limit"),
      /** The process running it died of something outside it (the OOM killer, kill -9). */
      WORKER_LOST("worker-lost"),
      /** The server is stopping. */
      SHUTTING_DOWN("shutting-down"),
      /** Something went wrong in the server. */
      INTERNAL("internal");

      private final String wireName;

      Reason(String wireName) {
        this.wireName = wireName;
      }

      public String wireName() {
        return wireName;
      }

      /** The reason of a wire name. */
      public static Reason of(String wireName) {
        for (Reason r : values()) {
          if (r.wireName.equals(wireName)) {
            return r;
          }
        }
        throw new IllegalArgumentException("unknown reason " + wireName);
      }
    }

    public static Error cancelled() {
      return new Error(Reason.CANCELLED, "Cancelled.");
    }

    public static Error shuttingDown() {
      return new Error(
          Reason.SHUTTING_DOWN, "The server is shutting down; please run it again in a moment.");
    }

    public static Error doesNotCompile() {
      return new Error(Reason.COMPILE_FAILED, "The code does not compile; see the messages above.");
    }

    public String type() {
      return "error";
    }

    public JsonObject fields() {
      return new JsonObject().put("reason", reason.wireName()).put("message", message);
    }
  }
}
