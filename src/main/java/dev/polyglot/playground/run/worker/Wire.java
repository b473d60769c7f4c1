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

  /**
   * Any message, in either direction. Each record names its own type and fields, rather than one
   * pattern switch over all of them: a worker encodes {@code ready} before it is ready, and a
   * switch's bootstrap (which the AOT cache cannot hold for workers; see the package) would cost
   * every worker milliseconds of CPU.
   */
  public sealed interface Message {
    /** Its {@code type} on the wire. */
    String type();

    /** Adds its fields, as {@code docs/protocol.md} names them. */
    default void put(Map<String, Object> fields) {}
  }

  /** Server to child. */
  public sealed interface Job extends Message {}

  /** Child to server. */
  public sealed interface Event extends Message {}

  /** Precompiled classes to load, and the class whose {@code main} runs. */
  public record Load(Map<String, byte[]> classes, String mainClass) implements Job {
    @Override
    public String type() {
      return "load";
    }

    @Override
    public void put(Map<String, Object> fields) {
      var encoded = new LinkedHashMap<String, Object>();
      for (var e : classes.entrySet()) {
        encoded.put(e.getKey(), base64(e.getValue()));
      }
      fields.put("main", mainClass);
      fields.put("classes", encoded);
    }
  }

  /**
   * Source to compile. A worker compiles it and runs it; the compile service compiles it and sends
   * back class files.
   */
  public record Compile(String fileClassName, String source) implements Job {
    @Override
    public String type() {
      return "compile";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("class", fileClassName);
      fields.put("source", source);
    }
  }

  /**
   * A Python or JavaScript program for a harness to run; {@code file} is the name its tracebacks
   * show, such as {@code main.py}.
   */
  public record Script(String file, String source) implements Job {
    @Override
    public String type() {
      return "script";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("file", file);
      fields.put("source", source);
    }
  }

  /** The child is warm and waits for its job. Its job id is 0. */
  public record Ready() implements Event {
    @Override
    public String type() {
      return "ready";
    }
  }

  /** A worker compiles the job's source itself. */
  public record Compiling() implements Event {
    @Override
    public String type() {
      return "compiling";
    }
  }

  /** A compiler message, at a 1-based line and column of the source. */
  public record Diagnostic(Compiler.Message message) implements Event {
    @Override
    public String type() {
      return "diagnostic";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("severity", message.severity());
      fields.put("line", message.line());
      fields.put("column", message.column());
      fields.put("message", message.text());
    }
  }

  /** The worker's compile failed, or the class has no main: no run follows. */
  public record CompileFailed() implements Event {
    @Override
    public String type() {
      return "compile-failed";
    }
  }

  /** One class file from the compile service. */
  public record ClassFile(String name, byte[] bytes) implements Event {
    @Override
    public String type() {
      return "class";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("name", name);
      fields.put("bytes", base64(bytes));
    }
  }

  /** The compile service is done with a job: the class to launch, or null when it failed. */
  public record Compiled(String mainClass) implements Event {
    @Override
    public String type() {
      return "compiled";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("main", mainClass);
    }
  }

  /** {@code main} is about to run: time 0 of the run. */
  public record Started() implements Event {
    @Override
    public String type() {
      return "started";
    }
  }

  /** One line the program wrote, stamped where it happened. */
  public record Output(boolean stderr, String text, double t, String thread) implements Event {
    @Override
    public String type() {
      return stderr ? "stderr" : "stdout";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("text", text);
      fields.put("t", t);
      fields.put("thread", thread);
    }
  }

  /** A task (a thread, or a Timeline task) began. */
  public record SpanStart(String name, String thread, double start) implements Event {
    @Override
    public String type() {
      return "span-start";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("name", name);
      fields.put("thread", thread);
      fields.put("start", start);
    }
  }

  /** A task ended. */
  public record SpanEnd(String name, String thread, double start, double end) implements Event {
    @Override
    public String type() {
      return "span-end";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("name", name);
      fields.put("thread", thread);
      fields.put("start", start);
      fields.put("end", end);
    }
  }

  /**
   * A lane ran code from {@code start} to {@code end}; the rest of its span it was waiting. Sent by
   * the Python and JavaScript harnesses.
   */
  public record Running(String thread, double start, double end) implements Event {
    @Override
    public String type() {
      return "running";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("thread", thread);
      fields.put("start", start);
      fields.put("end", end);
    }
  }

  /**
   * From {@code t}, the lane was waiting at {@code line} of the program's source (its innermost
   * frame in the program's own code), as far as a sample could tell.
   */
  public record At(String thread, double t, int line) implements Event {
    @Override
    public String type() {
      return "at";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("thread", thread);
      fields.put("t", t);
      fields.put("line", line);
    }
  }

  /** The program ran out of {@code memory} or {@code threads}; the worker halts after it. */
  public record Limit(String kind, String message) implements Event {
    @Override
    public String type() {
      return "limit";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("kind", kind);
      fields.put("message", message);
    }
  }

  /** The program is over: the worker's own measure of wall and CPU time. */
  public record Finished(double wallMs, double cpuMs) implements Event {
    @Override
    public String type() {
      return "finished";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("wallMs", wallMs);
      fields.put("cpuMs", cpuMs);
    }
  }

  /** The worker failed before it could run the program. */
  public record Crashed(String message) implements Event {
    @Override
    public String type() {
      return "crashed";
    }

    @Override
    public void put(Map<String, Object> fields) {
      fields.put("message", message);
    }
  }

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
    fields.put("type", message.type());
    message.put(fields);
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
