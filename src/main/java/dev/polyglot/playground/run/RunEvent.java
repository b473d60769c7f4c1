package dev.polyglot.playground.run;

import io.vertx.core.json.JsonObject;

/**
 * Everything a run reports, in order (design §5). Each run ends with exactly one {@link Exit} or
 * {@link Error}. Times ({@code t}, {@code start}, {@code end}) are milliseconds since {@link
 * Started}, stamped inside the child JVM where the output happened, not when it arrived.
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

  /** A limit was hit; output so far is kept. */
  record Limit(Limits.Kind kind, String message) implements RunEvent {
    public String type() {
      return "limit";
    }

    public JsonObject fields() {
      return new JsonObject().put("kind", kind.wireName()).put("message", message);
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

  /** The run could not start, or could not go on; always the last event. */
  record Error(String message) implements RunEvent {
    public String type() {
      return "error";
    }

    public JsonObject fields() {
      return new JsonObject().put("message", message);
    }
  }
}
