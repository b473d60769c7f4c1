package dev.polyglot.playground.run.worker;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol between the server and its child JVMs, in both directions, and its one codec. Each
 * message is one line of JSON: {@code {"job":<id>,"type":<type>, ...fields}}. The server sends a
 * {@link Job}; the child answers with {@link Event}s stamped with that job's id. A worker takes one
 * job in its life; the compile service takes one after another. {@code docs/protocol.md} describes
 * every message.
 *
 * <p>Both sides use these records and nothing else: the server never builds or parses a line by
 * hand. Decoding trusts nothing, because the reader's program shares the worker's stdout.
 */
public final class Wire {
  private Wire() {}

  /** Any message, in either direction. */
  public sealed interface Message {}

  /** Server to child. */
  public sealed interface Job extends Message {}

  /** Child to server. */
  public sealed interface Event extends Message {}

  /** Precompiled classes to load, and the class whose {@code main} runs. */
  public record Load(Map<String, byte[]> classes, String mainClass) implements Job {}

  /**
   * Source to compile. A worker compiles it and runs it; the compile service compiles it and sends
   * back class files.
   */
  public record Compile(String fileClassName, String source) implements Job {}

  /**
   * A Python or JavaScript program for a harness to run; {@code file} is the name its tracebacks
   * show, such as {@code main.py}.
   */
  public record Script(String file, String source) implements Job {}

  /** The child is warm and waits for its job. Its job id is 0. */
  public record Ready() implements Event {}

  /** A worker compiles the job's source itself. */
  public record Compiling() implements Event {}

  /** A compiler message, at a 1-based line and column of the source. */
  public record Diagnostic(Compiler.Message message) implements Event {}

  /** The worker's compile failed, or the class has no main: no run follows. */
  public record CompileFailed() implements Event {}

  /** One class file from the compile service. */
  public record ClassFile(String name, byte[] bytes) implements Event {}

  /** The compile service is done with a job: the class to launch, or null when it failed. */
  public record Compiled(String mainClass) implements Event {}

  /** {@code main} is about to run: time 0 of the run. */
  public record Started() implements Event {}

  /** One line the program wrote, stamped where it happened. */
  public record Output(boolean stderr, String text, double t, String thread) implements Event {}

  /** A task (a thread, or a Timeline task) began. */
  public record SpanStart(String name, String thread, double start) implements Event {}

  /** A task ended. */
  public record SpanEnd(String name, String thread, double start, double end) implements Event {}

  /**
   * A lane ran code from {@code start} to {@code end}; the rest of its span it was waiting. Sent by
   * the Python and JavaScript harnesses.
   */
  public record Running(String thread, double start, double end) implements Event {}

  /**
   * From {@code t}, the lane was waiting at {@code line} of the program's source (its innermost
   * frame in the program's own code), as far as a sample could tell.
   */
  public record At(String thread, double t, int line) implements Event {}

  /** The program ran out of {@code memory} or {@code threads}; the worker halts after it. */
  public record Limit(String kind, String message) implements Event {}

  /** The program is over: the worker's own measure of wall and CPU time. */
  public record Finished(double wallMs, double cpuMs) implements Event {}

  /** The worker failed before it could run the program. */
  public record Crashed(String message) implements Event {}

  /** A message and the job it belongs to. */
  public record Envelope(long job, Message message) {}

  /** Thrown for a line that is not a protocol message. */
  public static final class MalformedException extends Exception {
    MalformedException(String message) {
      super(message);
    }
  }

  /** One line, without its newline. */
  public static String encode(long job, Message message) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("job", job);
    fields.put("type", type(message));
    switch (message) {
      case Load(var classes, var main) -> {
        var encoded = new LinkedHashMap<String, Object>();
        classes.forEach((name, bytes) -> encoded.put(name, base64(bytes)));
        fields.put("main", main);
        fields.put("classes", encoded);
      }
      case Compile(var fileClassName, var source) -> {
        fields.put("class", fileClassName);
        fields.put("source", source);
      }
      case Script(var file, var source) -> {
        fields.put("file", file);
        fields.put("source", source);
      }
      case Running(var thread, var start, var end) -> {
        fields.put("thread", thread);
        fields.put("start", start);
        fields.put("end", end);
      }
      case At(var thread, var t, var line) -> {
        fields.put("thread", thread);
        fields.put("t", t);
        fields.put("line", line);
      }
      case Diagnostic(var m) -> {
        fields.put("severity", m.severity());
        fields.put("line", m.line());
        fields.put("column", m.column());
        fields.put("message", m.text());
      }
      case ClassFile(var name, var bytes) -> {
        fields.put("name", name);
        fields.put("bytes", base64(bytes));
      }
      case Compiled(var main) -> fields.put("main", main);
      case Output(var stderr, var text, var t, var thread) -> {
        fields.put("text", text);
        fields.put("t", t);
        fields.put("thread", thread);
      }
      case SpanStart(var name, var thread, var start) -> {
        fields.put("name", name);
        fields.put("thread", thread);
        fields.put("start", start);
      }
      case SpanEnd(var name, var thread, var start, var end) -> {
        fields.put("name", name);
        fields.put("thread", thread);
        fields.put("start", start);
        fields.put("end", end);
      }
      case Limit(var kind, var text) -> {
        fields.put("kind", kind);
        fields.put("message", text);
      }
      case Finished(var wallMs, var cpuMs) -> {
        fields.put("wallMs", wallMs);
        fields.put("cpuMs", cpuMs);
      }
      case Crashed(var text) -> fields.put("message", text);
      case Ready r -> {}
      case Compiling c -> {}
      case CompileFailed f -> {}
      case Started s -> {}
    }
    var line = new StringBuilder(64);
    Json.write(line, fields);
    return line.toString();
  }

  /** Reads one line, as {@link #encode} wrote it. */
  public static Envelope decode(String line) throws MalformedException {
    Map<String, Object> f;
    try {
      f = Json.parse(line);
    } catch (Json.MalformedException e) {
      throw new MalformedException("not JSON: " + e.getMessage());
    }
    long job = whole(f, "job");
    Message message =
        switch (text(f, "type")) {
          case "load" -> new Load(classes(f), text(f, "main"));
          case "compile" -> new Compile(text(f, "class"), text(f, "source"));
          case "script" -> new Script(text(f, "file"), text(f, "source"));
          case "running" -> new Running(text(f, "thread"), decimal(f, "start"), decimal(f, "end"));
          case "at" ->
              new At(text(f, "thread"), decimal(f, "t"), (int) Math.max(1, whole(f, "line")));
          case "ready" -> new Ready();
          case "compiling" -> new Compiling();
          case "diagnostic" ->
              new Diagnostic(
                  new Compiler.Message(
                      text(f, "severity").equals("warning") ? "warning" : "error",
                      Math.max(1, whole(f, "line")),
                      Math.max(1, whole(f, "column")),
                      text(f, "message")));
          case "compile-failed" -> new CompileFailed();
          case "class" -> new ClassFile(text(f, "name"), bytes(f.get("bytes")));
          case "compiled" -> new Compiled(f.get("main") instanceof String s ? s : null);
          case "started" -> new Started();
          case "stdout", "stderr" ->
              new Output(
                  text(f, "type").equals("stderr"),
                  text(f, "text"),
                  decimal(f, "t"),
                  text(f, "thread"));
          case "span-start" ->
              new SpanStart(text(f, "name"), text(f, "thread"), decimal(f, "start"));
          case "span-end" ->
              new SpanEnd(
                  text(f, "name"), text(f, "thread"), decimal(f, "start"), decimal(f, "end"));
          case "limit" -> new Limit(text(f, "kind"), text(f, "message"));
          case "finished" -> new Finished(decimal(f, "wallMs"), decimal(f, "cpuMs"));
          case "crashed" -> new Crashed(text(f, "message"));
          default -> throw new MalformedException("unknown type " + f.get("type"));
        };
    return new Envelope(job, message);
  }

  private static String type(Message message) {
    return switch (message) {
      case Load l -> "load";
      case Compile c -> "compile";
      case Script s -> "script";
      case Running r -> "running";
      case At a -> "at";
      case Ready r -> "ready";
      case Compiling c -> "compiling";
      case Diagnostic d -> "diagnostic";
      case CompileFailed f -> "compile-failed";
      case ClassFile c -> "class";
      case Compiled c -> "compiled";
      case Started s -> "started";
      case Output o -> o.stderr() ? "stderr" : "stdout";
      case SpanStart s -> "span-start";
      case SpanEnd s -> "span-end";
      case Limit l -> "limit";
      case Finished f -> "finished";
      case Crashed c -> "crashed";
    };
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] bytes(Object value) throws MalformedException {
    if (value instanceof String s) {
      try {
        return Base64.getDecoder().decode(s);
      } catch (IllegalArgumentException e) {
        throw new MalformedException("bad base64");
      }
    }
    throw new MalformedException("missing bytes");
  }

  private static Map<String, byte[]> classes(Map<String, Object> f) throws MalformedException {
    if (!(f.get("classes") instanceof Map<?, ?> encoded)) {
      throw new MalformedException("missing classes");
    }
    var classes = new LinkedHashMap<String, byte[]>();
    for (var e : encoded.entrySet()) {
      classes.put((String) e.getKey(), bytes(e.getValue()));
    }
    return classes;
  }

  private static String text(Map<String, Object> f, String key) throws MalformedException {
    if (f.get(key) instanceof String s) {
      return s;
    }
    throw new MalformedException("missing text " + key);
  }

  private static double decimal(Map<String, Object> f, String key) throws MalformedException {
    if (f.get(key) instanceof Number n) {
      return n.doubleValue();
    }
    throw new MalformedException("missing number " + key);
  }

  private static long whole(Map<String, Object> f, String key) throws MalformedException {
    if (f.get(key) instanceof Number n) {
      return n.longValue();
    }
    throw new MalformedException("missing number " + key);
  }
}
