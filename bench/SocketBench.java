// WebSocket benchmark: how much heap an idle /ws session costs the server, and how soon a run's
// first line reaches a WebSocket client.
//
//   ./playground bench-ws          (or: java bench/SocketBench.java [sessions] [runs]; sessions 0 skips part 1)
//
// It starts the real server jar as a child process and loads it from this JVM with a minimal
// RFC 6455 client over plain sockets, one virtual thread per session: a java.net.http WebSocket
// costs far more per connection on the client side than the server side we mean to measure.
// The server's heap is read with jcmd after full GCs.
import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

static final String JAVA_HOME = System.getProperty("java.home");
static final String JAVA = Path.of(JAVA_HOME, "bin", "java").toString();
static final String JCMD = Path.of(JAVA_HOME, "bin", "jcmd").toString();
static final String JAR = "target/polyglot-playground.jar";
static final String LESSON = "why-and-model", EXAMPLE = "three-waits", VARIANT = "concurrent";
static final HttpClient HTTP = HttpClient.newHttpClient();
static final double GIB = 1L << 30;
// Handshakes in flight at once: enough to open sessions quickly, few enough for the accept backlog.
static final int CONNECTING = 128;

void main(String[] args) throws Exception {
  int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
  int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
  var server = Server.start();
  // A Ctrl-C must not leave the server (and its worker JVMs) behind either.
  var hook = Thread.ofPlatform().unstarted(() -> server.stop());
  Runtime.getRuntime().addShutdownHook(hook);
  try {
    IO.println("machine: %d cores; server: java %s -jar %s %s".formatted(
        Runtime.getRuntime().availableProcessors(), String.join(" ", Server.JVM_FLAGS), JAR, String.join(" ", server.flags())));
    server.awaitAot();
    server.awaitIdle(1);
    if (wanted > 0) { // 0 times the runs alone
      idleSessions(server, wanted);
      IO.println("");
    }
    firstOutput(server, runs);
  } finally {
    server.stop();
    Runtime.getRuntime().removeShutdownHook(hook);
  }
}

/** Part 1: open many idle sessions and weigh the server before and after. */
void idleSessions(Server server, int wanted) throws Exception {
  // Each session is one file descriptor at both ends, and neither process may go past its limit.
  long clientRoom = openFilesLimit(ProcessHandle.current().pid()) - openFiles(ProcessHandle.current().pid());
  long serverRoom = openFilesLimit(server.pid()) - openFiles(server.pid());
  int n = (int) Math.min(wanted, Math.min(clientRoom, serverRoom) - 200); // room for a worker, jcmd, /health
  if (n < 1) throw new IllegalStateException("no room for sessions under the open-files limit; raise ulimit -n");
  if (n < wanted) {
    IO.println("sessions: %d, not %d: the open-files limit is %d here (ulimit -Hn); raise it to open more"
        .formatted(n, wanted, openFilesLimit(server.pid())));
  }
  // Load what the first sessions load (classes, caches, allocator arenas) before the baseline,
  // so the delta is what each further session costs.
  try (var warmup = Sessions.open(server.port(), 200)) {
    warmup.pingAll(Duration.ofSeconds(10));
  }
  Thread.sleep(1000); // the server notices the closes
  var before = server.weigh();
  var histoBefore = server.histogram();

  long t0 = System.nanoTime();
  try (var sessions = Sessions.open(server.port(), n)) {
    double openS = (System.nanoTime() - t0) / 1e9;
    int open = sessions.open();
    if (open == 0) throw new IllegalStateException("no session opened; see the server's log");
    IO.println("opened %d idle sessions in %.1f s (%.0f per second); %d failed"
        .formatted(open, openS, open / openS, sessions.failed()));
    Thread.sleep(1000);
    var after = server.weigh();
    var histoAfter = server.histogram();
    // Every session must still be a live socket the server answers on, or the figures are wrong.
    int answered = sessions.pingAll(Duration.ofSeconds(60));

    double heapPer = (double) (after.heapBytes() - before.heapBytes()) / open;
    double rssPer = (double) (after.rssBytes() - before.rssBytes()) / open;
    IO.println("server live heap (old generation after full GC): %.1f MiB before, %.1f MiB with the sessions open"
        .formatted(before.heapBytes() / 1048576.0, after.heapBytes() / 1048576.0));
    IO.println("heap per idle session:          %8.0f bytes".formatted(heapPer));
    IO.println("idle sessions per GiB of heap:  %8.0f        target >= 100000 (%s)"
        .formatted(GIB / heapPer, GIB / heapPer >= 100_000 ? "met" : "NOT met"));
    IO.println("server RSS: %.1f MiB before, %.1f MiB after (the heap is pre-touched, so this is memory outside it)"
        .formatted(before.rssBytes() / 1048576.0, after.rssBytes() / 1048576.0));
    IO.println("RSS per idle session:           %8.0f bytes".formatted(rssPer));
    IO.println("heap + RSS per idle session:    %8.0f bytes = %.0f sessions per GiB of memory"
        .formatted(heapPer + rssPer, GIB / (heapPer + rssPer)));
    IO.println("server open files: %d before, %d after".formatted(before.openFiles(), after.openFiles()));
    IO.println("still open at the end: %d of %d answered {\"type\":\"ping\"} with a pong".formatted(answered, open));
    IO.println("");
    long total = histoAfter.values().stream().mapToLong(v -> v[1]).sum() - histoBefore.values().stream().mapToLong(v -> v[1]).sum();
    IO.println("largest heap growth by class, per session (from GC.class_histogram; all classes: %.0f bytes):".formatted((double) total / open));
    IO.println("  %9s %9s  %s".formatted("bytes", "objects", "class"));
    histoAfter.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), new long[] {
            e.getValue()[0] - histoBefore.getOrDefault(e.getKey(), new long[2])[0],
            e.getValue()[1] - histoBefore.getOrDefault(e.getKey(), new long[2])[1]}))
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
        .limit(30)
        .forEach(e -> IO.println("  %9.1f %9.2f  %s".formatted((double) e.getValue()[1] / open, (double) e.getValue()[0] / open, e.getKey())));
  }
  // Let the server finish closing them, so that its work does not land in the runs timed next.
  long closing = System.nanoTime();
  while (openFiles(server.pid()) > before.openFiles() + 20 && ms(closing) < 60_000) Thread.sleep(50);
  IO.println("the server had closed them all %.1f s after the client closed them".formatted(ms(closing) / 1000));
}

/** Part 2: one run at a time over one socket, with a warm worker waiting each time. */
void firstOutput(Server server, int runs) throws Exception {
  Map<String, List<Double>> m = new LinkedHashMap<>();
  try (var ws = Ws.connect(server.port())) {
    // The server's first run loads the run path's classes; a server that has been up has done that.
    server.awaitIdle(1);
    var first = run(ws, "warm-up");
    IO.println("first run after start-up, not counted: started %.1f ms, first stdout %.1f ms, exit %.1f ms"
        .formatted(first.startedMs(), first.firstOutputMs(), first.exitMs()));
    for (int r = 0; r < runs; r++) {
      server.awaitIdle(1);
      var t = run(ws, "run-" + r);
      add(m, "run -> started", t.startedMs());
      add(m, "run -> first stdout", t.firstOutputMs());
      add(m, "run -> exit", t.exitMs());
    }
  }
  IO.println("%d runs of %s/%s/%s over /ws, one at a time, warm pool:".formatted(runs, LESSON, EXAMPLE, VARIANT));
  m.forEach((k, v) -> IO.println("  %-20s median %7.1f ms   min %7.1f   max %7.1f   (runs: %s)".formatted(
      k, median(v), Collections.min(v), Collections.max(v), v.stream().map(x -> "%.0f".formatted(x)).toList())));
}

record Timing(double startedMs, double firstOutputMs, double exitMs) {}

/** One run; each time is from sending the run frame to that event's arrival. */
static Timing run(Ws ws, String id) throws IOException {
  var a = ws.run(id, "{\"type\":\"run\",\"id\":\"%s\",\"lesson\":\"%s\",\"example\":\"%s\",\"variant\":\"%s\"}"
      .formatted(id, LESSON, EXAMPLE, VARIANT));
  if (a.code() != 0) throw new IllegalStateException(id + " did not exit 0: " + a.last());
  return new Timing(a.started(), a.firstStdout(), a.end());
}

static void add(Map<String, List<Double>> m, String key, double v) {
  m.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
}

static double median(List<Double> values) {
  var s = values.stream().sorted().toList();
  int n = s.size();
  return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
}

static double ms(long since) {
  return (System.nanoTime() - since) / 1e6;
}

/** The soft "Max open files" of a process; the JVM raises its own to the hard limit at start-up. */
static long openFilesLimit(long pid) throws IOException {
  for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "limits"))) {
    if (line.startsWith("Max open files")) return Long.parseLong(line.substring(26).strip().split("\\s+")[0]);
  }
  throw new IOException("no open-files limit for " + pid);
}

static long openFiles(long pid) throws IOException {
  try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
    return fds.count();
  }
}

/** The server jar as a child process, with a fixed, pre-touched heap so RSS moves only outside it. */
record Server(Process process, int port, List<String> flags) {
  static final List<String> JVM_FLAGS = List.of("-Xmx1g", "-Xms1g", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC");

  record Weight(long heapBytes, long rssBytes, long openFiles) {}

  static Server start() throws Exception {
    int port;
    try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    // Every session comes from this one address: its per-address cap, 512 by default, is lifted.
    var flags = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--pool", "1",
        "--max-connections-per-ip", "0", "--log-level", "warn", "--work-dir", "/tmp/socketbench-" + port));
    // Extra server flags for experiments, e.g. -Dbench.flags="--warmups 12".
    String extra = System.getProperty("bench.flags", "").strip();
    if (!extra.isEmpty()) flags.addAll(List.of(extra.split("\\s+")));
    var cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(List.of("-jar", JAR));
    cmd.addAll(flags);
    var log = new File("/tmp/socketbench-" + port + ".log");
    var p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    var s = new Server(p, port, flags);
    for (int i = 0; i < 300 && p.isAlive(); i++) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/health"))).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return s;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    s.stop();
    throw new IllegalStateException("server on " + port + " did not start; see " + log);
  }

  long pid() {
    return process.pid();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String health() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The AOT cache is recorded at start-up; measure after it, as a server that has been up would. */
  void awaitAot() throws Exception {
    for (int i = 0; i < 600; i++) {
      if (!health().contains("\"aotCache\":\"training\"")) return;
      Thread.sleep(100);
    }
    throw new IllegalStateException("AOT training never finished");
  }

  void awaitIdle(int n) throws Exception {
    var idle = Pattern.compile("\"idle\":(\\d+)");
    for (int i = 0; i < 600; i++) {
      Matcher m = idle.matcher(health());
      if (m.find() && Integer.parseInt(m.group(1)) >= n) return;
      Thread.sleep(50);
    }
    throw new IllegalStateException("pool never refilled");
  }

  String jcmd(String command) throws Exception {
    var p = new ProcessBuilder(JCMD, String.valueOf(pid()), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("jcmd " + command + " failed: " + out);
    return out;
  }

  /**
   * Live heap and RSS. Serial's full GC compacts every live object into the old generation, so the
   * old generation's use just after GC.run is the live heap; the young one holds only what was
   * allocated since (a few MiB a second even when idle). Two GCs: the first may only queue
   * cleaners and weak references.
   */
  Weight weigh() throws Exception {
    jcmd("GC.run");
    Thread.sleep(300);
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = Pattern.compile("^Tenured\\s+total \\d+K, used (\\d+)K", Pattern.MULTILINE).matcher(info);
    if (!m.find()) throw new IllegalStateException("unexpected GC.heap_info output:\n" + info);
    return new Weight(Long.parseLong(m.group(1)) * 1024, status("VmRSS:") * 1024, openFiles(pid()));
  }

  /** Live objects by class: name -> {instances, bytes}. GC.class_histogram runs a full GC first. */
  Map<String, long[]> histogram() throws Exception {
    var row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    Map<String, long[]> classes = new HashMap<>();
    for (String line : jcmd("GC.class_histogram").split("\n")) {
      Matcher m = row.matcher(line);
      if (m.find()) classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
          (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }
    return classes;
  }

  long status(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
      if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D+", ""));
    }
    throw new IOException("no " + field + " for " + pid());
  }

  /** SIGTERM for a graceful shutdown that ends the workers too; SIGKILL if it hangs. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }
}

/** Many idle sessions, each read by its own virtual thread so the server's pings get pongs. */
static final class Sessions implements AutoCloseable {
  private final Queue<Ws> open = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger pongs = new AtomicInteger();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

  static Sessions open(int port, int n) throws InterruptedException {
    var s = new Sessions();
    var connecting = new Semaphore(CONNECTING);
    var done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      s.readers.submit(() -> {
        Ws ws = null;
        connecting.acquireUninterruptibly();
        try {
          ws = Ws.connect(port);
          s.open.add(ws);
        } catch (IOException e) {
          if (s.failed.incrementAndGet() == 1) IO.println("first failed handshake: " + e);
        } finally {
          connecting.release();
          done.countDown();
        }
        if (ws != null) s.pump(ws);
      });
    }
    done.await();
    return s;
  }

  /**
   * Answers the server's pings, as a browser does; without that the server closes the session
   * after two missed pings (55 s). Counts the pongs that answer our own {"type":"ping"}.
   */
  private void pump(Ws ws) {
    try {
      for (var frame = ws.next(); frame != null && frame.opcode() != Ws.CLOSE; frame = ws.next()) {
        if (frame.opcode() == Ws.PING) ws.send(Ws.PONG, frame.payload());
        else if (frame.opcode() == Ws.TEXT && frame.text().contains("\"pong\"")) pongs.incrementAndGet();
      }
    } catch (IOException ignored) {
      // Closed by close() below, or by the server: pingAll() tells which.
    }
  }

  int open() {
    return open.size();
  }

  int failed() {
    return failed.get();
  }

  /** Sends {"type":"ping"} on every session and returns how many answered with a pong in time. */
  int pingAll(Duration timeout) throws Exception {
    int start = pongs.get();
    for (Ws ws : open) {
      try {
        ws.sendText("{\"type\":\"ping\"}");
      } catch (IOException ignored) {
        // Counted as not answering.
      }
    }
    long end = System.nanoTime() + timeout.toNanos();
    while (pongs.get() - start < open.size() && System.nanoTime() < end) Thread.sleep(20);
    return pongs.get() - start;
  }

  @Override
  public void close() {
    open.forEach(Ws::close);
    readers.shutdownNow();
  }
}
