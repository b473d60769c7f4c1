package dev.polyglot.playground.run.jvm;

import dev.polyglot.playground.run.worker.Compiler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Compiles edited code in one long-lived, sandboxed JVM ({@code CompilerMain}) that stays warm, so
 * an edited run does not wait for a cold javac, not even when no warm worker is left and its worker
 * starts cold. The classes then go to the run's own worker, as a lesson's precompiled classes do,
 * and the reader's program runs there as before.
 *
 * <p>The service compiles and never runs: javac works with annotation processing off, so no part of
 * a reader's code executes in it. It runs in the same sandbox as a worker, as a uid of its own.
 * Compiles go one at a time, each under the compile-time limit; one that exceeds it, or a process
 * that dies, is replaced by a fresh process. While none is ready, a run compiles in its own worker.
 *
 * <pre>
 *   compile ─ ready? ─ no ─────────────────────────────► Unavailable (compile in the worker)
 *               └ yes ─ queue ─ send ─┬ compiled ──────► Compiled
 *                                     ├ limit ─ kill ──► TimedOut      ┐ a new process
 *                                     └ died ──────────► Unavailable   ┘ is started
 * </pre>
 */
final class CompileService {
  private static final System.Logger LOG = System.getLogger(CompileService.class.getName());

  /** Beside the pool's slots and the AOT training's, so its uid is never a run's. */
  static final int SLOT = 998;

  /** Class files come back base64-encoded, one per line; a source of 64 KiB stays far below. */
  private static final int MAX_LINE = 64 << 20;

  /** Starts that fail before the process is ready, in a row, before the service gives up. */
  private static final int MAX_FAILED_STARTS = 3;

  /** How a compile went. */
  sealed interface Outcome {
    /** javac answered: classes, or the messages that say why there are none. */
    record Compiled(Compiler.Result result) implements Outcome {}

    /** The compile-time limit was hit; the process was replaced. */
    record TimedOut() implements Outcome {}

    /** No service right now (starting, replaced, given up): the run compiles in its worker. */
    record Unavailable(String why) implements Outcome {}
  }

  /** Where the service stands, as /health reports it. */
  enum State {
    STARTING,
    READY,
    UNAVAILABLE;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private record Request(long id, String fileClassName, String source, Promise<Outcome> done) {}

  private final Vertx vertx;
  private final Context context;
  private final Sandbox sandbox;
  private final Path workDir;
  private final int warmups;
  private final Duration limit;
  private final AotCache aot;
  private final Queue<Request> queue = new ArrayDeque<>();

  // Written on `context`; read anywhere (/health), or by close(), which may not wait for it.
  private volatile State state = State.STARTING;
  private volatile long compiles;
  private volatile Process process;
  private volatile boolean closed;
  // Only touched on `context`.
  private Request current;
  private Map<String, byte[]> classes;
  private List<Compiler.Message> messages;
  private long timer = -1;
  private long nextId;
  private boolean processReady;
  private int failedStarts;

  CompileService(
      Vertx vertx, Sandbox sandbox, Path workDir, int warmups, Duration limit, AotCache aot) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.sandbox = sandbox;
    this.workDir = workDir;
    this.warmups = warmups;
    this.limit = limit;
    this.aot = aot;
  }

  /** Starts the first process; the service is ready when it has warmed up. */
  void start() {
    context.runOnContext(v -> spawn());
  }

  State state() {
    return state;
  }

  long compiles() {
    return compiles;
  }

  /** Never fails: an outcome says what happened. */
  Future<Outcome> compile(String fileClassName, String source) {
    Promise<Outcome> done = Promise.promise();
    context.runOnContext(v -> {
      if (state != State.READY) {
        done.complete(new Outcome.Unavailable("the compile service is " + state.wireName()));
        return;
      }
      queue.add(new Request(++nextId, fileClassName, source, done));
      next();
    });
    return done.future();
  }

  /** Kills the process at once: the event loops may already be stopping. */
  void close() {
    closed = true;
    state = State.UNAVAILABLE;
    kill();
    context.runOnContext(v -> drain("the server is stopping"));
  }

  private void spawn() {
    if (closed) {
      return;
    }
    state = State.STARTING;
    vertx
        .executeBlocking(
            () -> {
              Path dir = workDir.resolve("compiler");
              Files.createDirectories(dir);
              var mode = aot.ready() ? Sandbox.Aot.USE : Sandbox.Aot.NONE;
              return WorkerProcess.launch(
                  sandbox.command(Sandbox.Role.COMPILER, SLOT, warmups, mode), dir);
            },
            false)
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.log(Level.WARNING, "the compile service could not start: " + ar.cause());
            exited(null, -1);
          } else {
            watch(ar.result());
          }
        });
  }

  private void watch(Process started) {
    if (closed) {
      started.destroyForcibly();
      return;
    }
    process = started;
    processReady = false;
    Thread.ofVirtual().name("compiler-" + started.pid() + "-out").start(() -> read(started));
    Thread.ofVirtual()
        .name("compiler-" + started.pid() + "-err")
        .start(() -> {
          try (var err = started.getErrorStream()) {
            var lines = new LineReader(err, WorkerProcess.MAX_LINE);
            for (String line = lines.next(); line != null; line = lines.next()) {
              LOG.log(Level.DEBUG, "compile service: " + line);
            }
          } catch (IOException e) {
            // gone
          }
        });
    started.onExit().thenAccept(p -> context.runOnContext(v -> exited(p, p.exitValue())));
  }

  private void read(Process from) {
    var lines = new LineReader(from.getInputStream(), MAX_LINE);
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        JsonObject event;
        try {
          event = new JsonObject(line);
        } catch (DecodeException e) {
          continue;
        }
        context.runOnContext(v -> onEvent(from, event));
      }
    } catch (IOException e) {
      // The pipe broke: the exit is reported by the exit watcher.
    }
  }

  private void onEvent(Process from, JsonObject event) {
    if (from != process) {
      return; // a replaced process's last words
    }
    String type = String.valueOf(event.getValue("type"));
    if (type.equals("ready")) {
      processReady = true;
      state = State.READY;
      failedStarts = 0;
      LOG.log(Level.INFO, "compile service ready");
      next();
      return;
    }
    if (current == null || !(event.getValue("id") instanceof Number id)) {
      return;
    }
    if (id.longValue() != current.id()) {
      return;
    }
    switch (type) {
      case "diagnostic" ->
          messages.add(
              new Compiler.Message(
                  "warning".equals(event.getValue("severity")) ? "warning" : "error",
                  event.getLong("line", 1L),
                  event.getLong("column", 1L),
                  String.valueOf(event.getValue("message"))));
      case "class" ->
          classes.put(
              event.getString("name"), Base64.getDecoder().decode(event.getString("bytes")));
      case "compiled" -> {
        String main = event.getString("main", "");
        finish(
            new Outcome.Compiled(
                new Compiler.Result(
                    main.isEmpty() ? Map.of() : classes,
                    main.isEmpty() ? null : main,
                    List.copyOf(messages))));
        compiles++;
        next();
      }
      default -> {}
    }
  }

  /** Sends the next request if the process is free. */
  private void next() {
    if (state != State.READY || current != null || queue.isEmpty()) {
      return;
    }
    current = queue.poll();
    classes = new LinkedHashMap<>();
    messages = new ArrayList<>();
    Request sent = current;
    Process to = process;
    String line =
        "compile "
            + sent.id()
            + " "
            + sent.fileClassName()
            + " "
            + Base64.getEncoder().encodeToString(sent.source().getBytes(StandardCharsets.UTF_8))
            + "\n";
    timer =
        vertx.setTimer(
            limit.toMillis(),
            t -> {
              if (current == sent) {
                finish(new Outcome.TimedOut());
                state = State.STARTING; // takes no more requests; its exit starts a new one
                kill();
              }
            });
    // A pipe write can block when the other end is slow to read: not on the event loop. If the
    // process is dead the write fails, and the exit watcher answers the request.
    vertx.executeBlocking(
        () -> {
          OutputStream in = to.getOutputStream();
          in.write(line.getBytes(StandardCharsets.US_ASCII));
          in.flush();
          return null;
        },
        false);
  }

  private void finish(Outcome outcome) {
    vertx.cancelTimer(timer);
    Request done = current;
    current = null;
    classes = null;
    messages = null;
    if (done != null) {
      done.done().complete(outcome);
    }
  }

  private void exited(Process which, int code) {
    if (which != null && which != process) {
      return;
    }
    boolean wasReady = processReady;
    process = null;
    processReady = false;
    if (current != null) {
      finish(new Outcome.Unavailable("the compile service exited with code " + code));
    }
    drain("the compile service is restarting");
    if (closed) {
      return;
    }
    failedStarts = wasReady ? 0 : failedStarts + 1;
    if (failedStarts >= MAX_FAILED_STARTS) {
      state = State.UNAVAILABLE;
      LOG.log(
          Level.WARNING,
          "the compile service failed to start "
              + failedStarts
              + " times (last exit code "
              + code
              + "); edited code now compiles in each run's worker");
      return;
    }
    LOG.log(Level.DEBUG, "compile service exited with " + code + "; starting a new one");
    spawn();
  }

  /** Queued requests go back to their runs, which compile in their workers. */
  private void drain(String why) {
    for (Request r = queue.poll(); r != null; r = queue.poll()) {
      r.done().complete(new Outcome.Unavailable(why));
    }
  }

  private void kill() {
    Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
