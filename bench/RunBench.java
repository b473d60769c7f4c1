// Run-engine benchmark: how fast a run starts and finishes, against a cold `java Snippet.java`
// of the same code measured in the same run, alternating; plus worker memory and throughput.
//
//   ./playground bench-runs        (or: java bench/RunBench.java [rounds] [sustainSeconds])
//
// Each run is timed twice, alternating: over POST /api/run (NDJSON, the JDK's HttpClient) and over
// /ws, as the live page sends it (one socket per page, with bench/Ws.java).
//
// It starts the real server jar twice: once with a warm pool, once with none (pool empty). Then it
// starts it with default settings, as an operator would: it times the start until pages are served
// and until everything is ready, and keeps it busy with two sustained loads.
import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
// PLAYGROUND_JAR compares another build, such as the one before a change, in the same way.
static final String JAR = System.getenv().getOrDefault("PLAYGROUND_JAR", "target/polyglot-playground.jar");
static final String LESSON = "python-to-csharp", EXAMPLE = "first-coroutine";
static final String HELLO = "void main() { IO.println(\"hello\"); }\n";
static final HttpClient HTTP = HttpClient.newHttpClient();
static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
static final Pattern CODE = Pattern.compile("\"code\":(-?\\d+)");

record Timing(double firstEventMs, double startedMs, double firstOutputMs, double exitMs, int code) {}

void main(String[] args) throws Exception {
  int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
  int sustain = args.length > 1 ? Integer.parseInt(args[1]) : 60;
  String bundled = Files.readString(Path.of("snippets", LESSON, EXAMPLE, "main.java"));
  Path dir = Files.createTempDirectory("runbench");
  Path bundledFile = dir.resolve("Bundled.java");
  Path helloFile = dir.resolve("Hello.java");
  Files.writeString(bundledFile, bundled);
  Files.writeString(helloFile, HELLO);
  IO.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; " + rounds + " alternating rounds; medians");
  IO.println(Server.JVM_FLAGS.isEmpty()
      ? "server JVM flags: none (./playground bench-runs starts it with its AOT cache, as ./playground run does)"
      : "server JVM flags: " + String.join(" ", Server.JVM_FLAGS) + " (as ./playground run starts it)");

  var warm = Server.start(18201, "--pool", "2", "--max-runs", "2");
  var empty = Server.start(18202, "--pool", "0", "--max-runs", "2");
  warm.awaitWarm();
  empty.awaitWarm();
  try {
    Map<String, List<Double>> m = new TreeMap<>();
    var rss = new RssSampler();
    rss.start();
    // One socket for all the rounds, as a learner's page keeps one open.
    var socket = Ws.connect(warm.port());
    for (int r = 0; r < rounds; r++) {
      warm.awaitIdle(2);
      Timing coldBundled = cold(bundledFile);
      Timing b = exited(warm.run(null), "bundled");
      warm.awaitIdle(2);
      Timing bws = exited(overSocket(socket, "b" + r, null), "bundled over /ws");
      warm.awaitIdle(2);
      Timing coldHello = cold(helloFile);
      Timing e = exited(warm.run(HELLO), "edited hello");
      warm.awaitIdle(2);
      Timing ews = exited(overSocket(socket, "e" + r, HELLO), "edited hello over /ws");
      // The warm server refills its pool after each run, at full CPU for a second; the cold
      // baselines never share the machine with that, so the empty-pool runs must not either.
      warm.awaitIdle(2);
      Timing eb = empty.run(null);
      Timing ee = empty.run(HELLO);
      add(m, "cold java Bundled.java: first stdout", coldBundled.firstOutputMs());
      add(m, "cold java Bundled.java: exit", coldBundled.exitMs());
      add(m, "cold java Hello.java: first stdout", coldHello.firstOutputMs());
      add(m, "cold java Hello.java: exit", coldHello.exitMs());
      add(m, "bundled: started", b.startedMs());
      add(m, "bundled: first stdout", b.firstOutputMs());
      add(m, "bundled: exit", b.exitMs());
      add(m, "edited hello: first stdout", e.firstOutputMs());
      add(m, "over /ws, bundled: started", bws.startedMs());
      add(m, "over /ws, bundled: first stdout", bws.firstOutputMs());
      add(m, "over /ws, edited hello: first stdout", ews.firstOutputMs());
      add(m, "edited hello: exit", e.exitMs());
      add(m, "pool empty, bundled: first stdout", eb.firstOutputMs());
      add(m, "pool empty, edited hello: first stdout", ee.firstOutputMs());
    }
    rss.stop();
    socket.close();
    m.forEach((k, v) -> IO.println("%-42s %8.1f ms   (runs: %s)".formatted(k, median(v), v.stream().map(x -> "%.0f".formatted(x)).toList())));
    double coldB = median(m.get("cold java Bundled.java: first stdout"));
    double coldH = median(m.get("cold java Hello.java: first stdout"));
    IO.println("");
    IO.println("ratios to the cold baseline of the same code (medians):");
    ratio("bundled: started", median(m.get("bundled: started")), coldB, 0.015);
    ratio("bundled: first stdout", median(m.get("bundled: first stdout")), coldB, Double.NaN);
    ratio("edited hello: first stdout", median(m.get("edited hello: first stdout")), coldH, 0.04);
    ratio("over /ws, bundled: started", median(m.get("over /ws, bundled: started")), coldB, 0.015);
    ratio("over /ws, bundled: first stdout", median(m.get("over /ws, bundled: first stdout")), coldB, Double.NaN);
    ratio("over /ws, edited hello: first stdout", median(m.get("over /ws, edited hello: first stdout")), coldH, 0.04);
    ratio("pool empty, edited hello: first stdout", median(m.get("pool empty, edited hello: first stdout")), coldH, 0.15);
    ratio("pool empty, bundled: first stdout", median(m.get("pool empty, bundled: first stdout")), coldB, Double.NaN);
    IO.println("worker peak RSS (VmHWM, max over %d workers seen): %.1f MiB   target <= 85".formatted(rss.workers(), rss.peakMiB()));
    IO.println("worker RSS when idle and warm (median): %.1f MiB".formatted(rss.idleMedianMiB()));
    IO.println("compile service peak RSS (one per server, max over %d seen): %.1f MiB".formatted(rss.services(), rss.servicePeakMiB()));
  } finally {
    warm.stop();
    empty.stop();
  }
  IO.println("");
  // The operator's server, with default settings: started on a fresh work folder (so the AOT cache
  // is recorded), then restarted on the folder that start left, three times each, alternating: one
  // start on a shared machine says little. A fresh start finds what `./playground run` prepares
  // beside the jar at build time: the workers' runtime and their AOT cache (the Dockerfile's build
  // has no sandbox, so it prepares the runtime only). A third kind of start finds the runtime only,
  // and records the cache itself; a fourth finds neither. Only the per-address rate limit is
  // lifted: here a whole class shares one address.
  Path ahead = Path.of(JAR).resolveSibling("worker-runtimes");
  if (!Files.isDirectory(ahead)) {
    IO.println("note: no " + ahead + " (java -jar " + JAR + " prepare makes it): every start links the runtime");
  }
  var fresh = new ArrayList<double[]>();
  var restarts = new ArrayList<double[]>();
  var runtimeOnly = new ArrayList<double[]>();
  var unprepared = new ArrayList<double[]>();
  for (int i = 0; i < 3; i++) {
    // Deleting the last work folder is the bench's work, not the server's start: before the clock.
    Server.clearWorkFolder(18203);
    fresh.add(timedStart());
    restarts.add(timedStart());
    Server.clearWorkFolder(18203);
    runtimeOnly.add(withAside(ahead.resolve("aot")));
    Server.clearWorkFolder(18203);
    unprepared.add(withAside(ahead));
  }
  report("start with default settings, fresh work folder", fresh);
  report("restart with default settings, same work folder", restarts);
  report("start, fresh work folder, runtime linked at build but no AOT cache recorded", runtimeOnly);
  report("start, fresh work folder, nothing prepared at build", unprepared);
  long t0 = System.nanoTime();
  var server = Server.relaunch(18203, "--runs-per-minute-per-client", "0");
  try {
    server.awaitPage(t0);
    server.awaitReady(t0);
    sustained(server, sustain, 4, null, "bundled " + LESSON + "/" + EXAMPLE, 240);
    sustained(server, sustain, 2, HELLO, "edited hello world", 600);
  } finally {
    server.stop();
  }
}

/** Starts the server on the bench's work folder as it is: seconds to its first page, and to ready. */
static double[] timedStart() throws Exception {
  long t0 = System.nanoTime();
  var server = Server.relaunch(18203, "--runs-per-minute-per-client", "0");
  try {
    return new double[] {server.awaitPage(t0) / 1000, server.awaitReady(t0) / 1000};
  } finally {
    server.stop();
  }
}

/**
 * A timed start while something prepared at build is moved aside (the AOT cache, or the runtime
 * and the cache), so that the server makes it itself.
 */
static double[] withAside(Path prepared) throws Exception {
  if (!Files.isDirectory(prepared)) return timedStart();
  Path aside = prepared.resolveSibling(prepared.getFileName() + ".bench-aside");
  Files.move(prepared, aside);
  try {
    return timedStart();
  } finally {
    Files.move(aside, prepared);
  }
}

static void report(String what, List<double[]> starts) {
  List<Double> pages = starts.stream().map(t -> t[0]).toList();
  List<Double> ready = starts.stream().map(t -> t[1]).toList();
  IO.println("%s (%d starts, medians): first lesson page served after %.2f s %s, fully ready (AOT cache, compile service, every pool full) after %.2f s %s   target <= 6 s"
      .formatted(what, starts.size(), median(pages), seconds(pages), median(ready), seconds(ready)));
}

static String seconds(List<Double> values) {
  return values.stream().map(v -> "%.2f".formatted(v)).toList().toString();
}

/** A timed run that ended with exit 0; anything else would make its times meaningless. */
static Timing exited(Timing t, String what) {
  if (t.code() != 0) throw new IllegalStateException(what + " did not exit 0 (code " + t.code() + ")");
  return t;
}

/** One run over /ws, as the live page sends it (bench/Ws.java times it). */
static Timing overSocket(Ws ws, String id, String source) throws IOException {
  var a = ws.run(id, "{\"type\":\"run\",\"id\":\"" + id + "\",\"lesson\":\"" + LESSON + "\",\"example\":\"" + EXAMPLE + "\""
      + (source == null ? "" : ",\"source\":" + Server.quote(source)) + "}");
  return new Timing(a.first(), a.started(), a.firstStdout(), a.end(), a.code());
}

void ratio(String name, double ours, double cold, double target) {
  IO.println("  %-40s %.3fx%s".formatted(name, ours / cold, Double.isNaN(target) ? "" : "   target <= " + target));
}

/** {@code clients} clients, each sending its next run when the last ended, for {@code seconds}. */
void sustained(Server server, int seconds, int clients, String source, String what, int target) throws Exception {
  server.awaitIdle(2);
  long machine0 = busyTicks(), server0 = cpuMs(server.process().toHandle()), bench0 = cpuMs(ProcessHandle.current());
  var ok = new AtomicInteger();
  var failed = new AtomicInteger();
  long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
  try (var each = Executors.newVirtualThreadPerTaskExecutor()) {
    for (int c = 0; c < clients; c++) {
      each.submit(() -> {
        while (System.nanoTime() < end) {
          Timing t = server.run(source);
          (t.code() == 0 ? ok : failed).incrementAndGet();
        }
        return null;
      });
    }
  }
  IO.println("sustained, default settings: %d runs of %s in %d s with %d clients = %.0f runs/min; %d not exit 0   target >= %d, none lost"
      .formatted(ok.get() + failed.get(), what, seconds, clients, (ok.get() + failed.get()) * 60.0 / seconds, failed.get(), target));
  // Where the machine's CPU went, per run: what bounds these rates on a machine this small.
  int runs = Math.max(1, ok.get() + failed.get());
  double machine = (busyTicks() - machine0) * 10.0 / runs;
  double serverMs = (cpuMs(server.process().toHandle()) - server0) / (double) runs;
  double benchMs = (cpuMs(ProcessHandle.current()) - bench0) / (double) runs;
  IO.println("  CPU per run: %.0f ms of the machine's, of which the server %.1f, this bench's clients %.1f, and the rest (%.0f) the run's worker, its sandbox and the compile service"
      .formatted(machine, serverMs, benchMs, machine - serverMs - benchMs));
}

/** CPU time the whole machine spent busy, in the kernel's 10 ms ticks (/proc/stat). */
static long busyTicks() throws IOException {
  String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
  // user, nice, system, irq, softirq; not idle, iowait, steal (another guest's), or guest (in user)
  long busy = 0;
  for (int i : new int[] {1, 2, 3, 6, 7}) busy += Long.parseLong(f[i]);
  return busy;
}

static long cpuMs(ProcessHandle process) {
  return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
}

static void add(Map<String, List<Double>> m, String key, double v) {
  m.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
}

static double median(List<Double> values) {
  var s = values.stream().sorted().toList();
  int n = s.size();
  return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
}

/** `java File.java` from scratch: the baseline every ratio is against. */
static Timing cold(Path file) throws Exception {
  long t0 = System.nanoTime();
  var p = new ProcessBuilder(JAVA, file.toString()).redirectErrorStream(true).start();
  var in = new BufferedReader(new InputStreamReader(p.getInputStream()));
  double first = -1;
  for (String line = in.readLine(); line != null; line = in.readLine()) {
    if (first < 0) first = ms(t0);
  }
  int code = p.waitFor();
  return new Timing(first, -1, first, ms(t0), code);
}

static double ms(long since) {
  return (System.nanoTime() - since) / 1e6;
}

/** The server jar as a child process. */
record Server(Process process, int port) {
  static Server start(int port, String... flags) throws Exception {
    var s = launch(port, flags);
    for (int i = 0; i < 200; i++) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/health"))).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return s;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("server on " + port + " did not start");
  }

  /**
   * The server JVM's own flags, as {@code ./playground run} starts it (its AOT cache, when recorded):
   * {@code ./playground bench-runs} passes them as -Dbench.server.flags.
   */
  static final List<String> JVM_FLAGS =
      Arrays.stream(System.getProperty("bench.server.flags", "").strip().split("\\s+")).filter(f -> !f.isEmpty()).toList();

  /** Starts the jar in a fresh work folder, without waiting for it. */
  static Server launch(int port, String... flags) throws Exception {
    clearWorkFolder(port);
    return relaunch(port, flags);
  }

  static void clearWorkFolder(int port) throws IOException {
    Path work = Path.of("/tmp/runbench-" + port);
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** Starts the jar in the work folder an earlier start left, without waiting for it. */
  static Server relaunch(int port, String... flags) throws Exception {
    // A server left over from an earlier bench would answer in this one's place.
    try (var taken = new java.net.Socket("127.0.0.1", port)) {
      throw new IllegalStateException("port " + port + " is in use: stop what listens there first");
    } catch (java.net.ConnectException free) {
      // as it should be
    }
    var cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(List.of("-jar", JAR, "--host", "127.0.0.1", "--port", String.valueOf(port), "--log-level", "warn", "--work-dir", "/tmp/runbench-" + port));
    cmd.addAll(List.of(flags));
    // Extra server flags for experiments, e.g. -Dbench.flags="--warmups 12".
    String extra = System.getProperty("bench.flags", "").strip();
    if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
    var p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/tmp/runbench-" + port + ".log"))).start();
    return new Server(p, port);
  }

  /** Milliseconds from {@code t0} until a lesson page is served whole. */
  double awaitPage(long t0) throws Exception {
    var page = HttpRequest.newBuilder(URI.create(url("/lessons/" + LESSON))).timeout(Duration.ofSeconds(2)).build();
    for (int i = 0; i < 6000; i++) {
      try {
        if (HTTP.send(page, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return ms(t0);
      } catch (IOException e) {
        Thread.sleep(10);
      }
    }
    throw new IllegalStateException("no page within a minute");
  }

  /** Milliseconds from {@code t0} until the AOT cache and compile service are ready and every pool is full. */
  double awaitReady(long t0) throws Exception {
    var idle = Pattern.compile("\\{\"size\":(\\d+),\"max\":\\d+,\"idle\":(\\d+)");
    for (int i = 0; i < 6000; i++) {
      String health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = idle.matcher(health);
      boolean full = true;
      int pools = 0;
      while (m.find()) {
        pools++;
        full &= Integer.parseInt(m.group(2)) >= Integer.parseInt(m.group(1));
      }
      if (full && pools > 0 && health.contains("\"aotCache\":\"ready\"") && health.contains("\"compiler\":{\"state\":\"ready\"")) return ms(t0);
      Thread.sleep(10);
    }
    throw new IllegalStateException("not ready within a minute");
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /**
   * The AOT cache is recorded at start-up, and then the compile service warms up; measure with
   * both, as a server that has been up would.
   */
  void awaitWarm() throws Exception {
    for (int i = 0; i < 600; i++) {
      String health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
      if (!health.contains("\"aotCache\":\"training\"") && health.contains("\"compiler\":{\"state\":\"ready\"")) return;
      Thread.sleep(100);
    }
    throw new IllegalStateException("AOT training or the compile service never finished");
  }

  void awaitIdle(int n) throws Exception {
    var idle = Pattern.compile("\"idle\":(\\d+)");
    for (int i = 0; i < 300; i++) {
      String health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = idle.matcher(health);
      if (m.find() && Integer.parseInt(m.group(1)) >= n) return;
      Thread.sleep(50);
    }
    throw new IllegalStateException("pool never refilled");
  }

  /** One run over NDJSON; times are from sending the request to each event's arrival. */
  Timing run(String source) throws Exception {
    String body = "{\"lesson\":\"" + LESSON + "\",\"example\":\"" + EXAMPLE + "\"" + (source == null ? "" : ",\"source\":" + quote(source)) + "}";
    var request = HttpRequest.newBuilder(URI.create(url("/api/run"))).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long t0 = System.nanoTime();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    double first = -1, started = -1, output = -1, exit = -1;
    int code = -999;
    try (var in = new BufferedReader(new InputStreamReader(response.body()))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        double now = ms(t0);
        if (first < 0) first = now;
        Matcher t = TYPE.matcher(line);
        if (!t.find()) continue;
        switch (t.group(1)) {
          case "started" -> started = now;
          case "stdout" -> { if (output < 0) output = now; }
          case "exit" -> { exit = now; Matcher c = CODE.matcher(line); if (c.find()) code = Integer.parseInt(c.group(1)); }
          default -> {}
        }
      }
    }
    return new Timing(first, started, output, exit, code);
  }

  /**
   * Stops the server and waits until its children (workers, interpreters, the compile service) are
   * gone too: they die with it, but a moment later, and what is timed next should not share the
   * machine with their ends.
   */
  void stop() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}

/** Samples VmHWM and VmRSS of every worker JVM (and compile service) on the machine every 20 ms. */
static final class RssSampler {
  private final Map<Long, Long> peakKb = new ConcurrentHashMap<>();
  private final Map<Long, Long> servicePeakKb = new ConcurrentHashMap<>();
  private final List<Double> idleMiB = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean running = true;
  private Thread thread;

  void start() {
    thread = Thread.ofPlatform().daemon().start(() -> {
      while (running) {
        ProcessHandle.allProcesses()
            .filter(p -> isWorker(p) || isService(p))
            .forEach(p -> {
              try {
                long hwm = field(p.pid(), "VmHWM:");
                (isService(p) ? servicePeakKb : peakKb).merge(p.pid(), hwm, Math::max);
              } catch (IOException ignored) {
              }
            });
        try { Thread.sleep(20); } catch (InterruptedException e) { return; }
      }
    });
    Thread.ofPlatform().daemon().start(() -> {
      // Idle, warm workers: ready and waiting, so their CPU time stood still since the last look.
      Map<Long, Long> lastCpu = new HashMap<>();
      while (running) {
        ProcessHandle.allProcesses()
            .filter(RssSampler::isWorker)
            .forEach(p -> {
              long cpu = p.info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
              Long before = lastCpu.put(p.pid(), cpu);
              if (before != null && before == cpu && cpu > 0) {
                try { idleMiB.add(field(p.pid(), "VmRSS:") / 1024.0); } catch (IOException ignored) {}
              }
            });
        try { Thread.sleep(500); } catch (InterruptedException e) { return; }
      }
    });
  }

  /** A run's worker JVM; the AOT training run at start-up is not one. */
  static boolean isService(ProcessHandle p) {
    return isJava(p) && p.info().commandLine().orElse("").contains("CompilerMain");
  }

  static boolean isWorker(ProcessHandle p) {
    String cmd = p.info().commandLine().orElse("");
    return isJava(p) && cmd.contains("WorkerMain") && !cmd.contains("AOTCacheOutput");
  }

  /** The JVM itself, not the sandbox processes around it, whose command lines name it too. */
  static boolean isJava(ProcessHandle p) {
    return p.info().command().orElse("").endsWith("/bin/java");
  }

  static long field(long pid, String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith(name)) return Long.parseLong(line.replaceAll("\\D+", ""));
    }
    return 0;
  }

  void stop() {
    running = false;
  }

  int workers() {
    return peakKb.size();
  }

  double peakMiB() {
    return peakKb.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0;
  }

  int services() {
    return servicePeakKb.size();
  }

  double servicePeakMiB() {
    return servicePeakKb.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0;
  }

  double idleMedianMiB() {
    return idleMiB.isEmpty() ? 0 : median(new ArrayList<>(idleMiB));
  }
}
