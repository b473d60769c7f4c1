// Python and JavaScript run start-up: time to first stdout through the playground (pooled,
// sandboxed harnesses) against a cold, bare `python3 hello.py` and `node hello.js` outside any
// sandbox, alternating in the same run; plus the harnesses' memory.
//
//   ./playground bench-scripts     (or: java bench/ScriptBench.java [rounds] [warmupRuns])
//
// It starts the real server jar with its default pools, on one loopback port, and first runs each
// language a number of times unmeasured: a server that has been up serves runs from compiled code,
// and the first runs after a start measure the JIT, not the run path.
import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.regex.*;

static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
static final String JAR = System.getenv().getOrDefault("PLAYGROUND_JAR", "target/polyglot-playground.jar");
static final String LESSON = "python-to-csharp", EXAMPLE = "first-coroutine";
static final HttpClient HTTP = HttpClient.newHttpClient();
static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
static final Pattern CODE = Pattern.compile("\"code\":(-?\\d+)");
static final int PORT = 18211;

/** A language as the bench drives it: the interpreter a reader would type, and its hello world. */
record Lang(String id, String interpreter, String file, String hello, String bundledFile) {}

static final List<Lang> LANGS = List.of(
    new Lang("python", "/usr/bin/python3", "hello.py", "print(\"hello\")\n", "main.py"),
    new Lang("javascript", which("node"), "hello.js", "console.log(\"hello\");\n", "main.js"));

void main(String[] args) throws Exception {
  int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
  int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 30;
  Path dir = Files.createTempDirectory("scriptbench");
  for (Lang l : LANGS) {
    Files.writeString(dir.resolve(l.file()), l.hello());
    Files.copy(Path.of("snippets", LESSON, EXAMPLE, l.bundledFile()), dir.resolve(l.bundledFile()));
    IO.println(l.id() + ": " + version(l.interpreter()) + " (" + l.interpreter() + ")");
  }
  IO.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; " + warmups + " unmeasured runs per language, then " + rounds + " alternating rounds; medians");

  var server = startServer();
  var socket = new Socket();
  var rss = new RssSampler();
  try {
    for (Lang l : LANGS) server.awaitPool(l.id());
    socket.open();
    var first = new LinkedHashMap<String, Double>();
    for (int i = 0; i < warmups; i++) {
      for (Lang l : LANGS) {
        server.awaitPool(l.id());
        double ms = server.firstStdout(l.id(), l.hello());
        first.putIfAbsent(l.id(), ms);
        server.awaitPool(l.id());
        socket.firstStdout(l.id(), l.hello());
      }
    }
    first.forEach((id, ms) -> IO.println("%s edited hello, the server's first run of it: first stdout %.1f ms (not in the medians)".formatted(id, ms)));
    rss.start();
    Map<String, List<Double>> m = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (Lang l : LANGS) {
        // Each playground run follows its baseline at once, on an idle machine: the pool refills
        // after a run, and neither side may share the CPU with that.
        server.awaitPool(l.id());
        add(m, l.id() + " cold " + l.file() + ": first stdout", cold(l, dir.resolve(l.file())));
        add(m, l.id() + " edited hello: first stdout", server.firstStdout(l.id(), l.hello()));
        server.awaitPool(l.id());
        add(m, l.id() + " cold " + l.file() + " (again): first stdout", cold(l, dir.resolve(l.file())));
        add(m, l.id() + " edited hello over /ws: first stdout", socket.firstStdout(l.id(), l.hello()));
        server.awaitPool(l.id());
        add(m, l.id() + " cold " + l.bundledFile() + ": first stdout", cold(l, dir.resolve(l.bundledFile())));
        add(m, l.id() + " bundled: first stdout", server.firstStdout(l.id(), null));
      }
    }
    rss.stop();
    m.forEach((k, v) -> IO.println("%-46s %8.1f ms   (runs: %s)".formatted(k, median(v), v.stream().map(x -> "%.1f".formatted(x)).toList())));
    IO.println("");
    IO.println("ratios to the cold, bare interpreter running the same file (medians of per-round ratios):");
    for (Lang l : LANGS) {
      ratio(m, l.id() + " edited hello: first stdout", l.id() + " cold " + l.file() + ": first stdout", 0.5);
      ratio(m, l.id() + " edited hello over /ws: first stdout", l.id() + " cold " + l.file() + " (again): first stdout", 0.5);
      ratio(m, l.id() + " bundled: first stdout", l.id() + " cold " + l.bundledFile() + ": first stdout", Double.NaN);
    }
    rss.report();
  } finally {
    server.stop();
  }
}

/** Median of the ratios of each round's pair, so that a noisy round moves both sides together. */
void ratio(Map<String, List<Double>> m, String ours, String cold, double target) {
  List<Double> a = m.get(ours), b = m.get(cold), ratios = new ArrayList<>();
  for (int i = 0; i < a.size(); i++) ratios.add(a.get(i) / b.get(i));
  IO.println("  %-44s %.3fx%s".formatted(ours, median(ratios), Double.isNaN(target) ? "" : "   target <= " + target));
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

static String which(String name) {
  for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
    Path p = Path.of(d, name);
    if (Files.isExecutable(p)) return p.toString();
  }
  throw new IllegalStateException(name + " is not on PATH");
}

static String version(String interpreter) throws Exception {
  var p = new ProcessBuilder(interpreter, "--version").redirectErrorStream(true).start();
  String out = new String(p.getInputStream().readAllBytes()).strip();
  p.waitFor();
  return out;
}

/** `python3 FILE` or `node FILE` from scratch, with no sandbox: time to its first line. */
static double cold(Lang l, Path file) throws Exception {
  long t0 = System.nanoTime();
  var p = new ProcessBuilder(l.interpreter(), file.toString()).redirectErrorStream(true).start();
  var in = new BufferedReader(new InputStreamReader(p.getInputStream()));
  double first = -1;
  for (String line = in.readLine(); line != null; line = in.readLine()) {
    if (first < 0) first = ms(t0);
  }
  if (p.waitFor() != 0) throw new IllegalStateException(file + " failed");
  return first;
}

static Server startServer() throws Exception {
  var cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR, "--host", "127.0.0.1", "--port", String.valueOf(PORT), "--log-level", "warn", "--work-dir", "/tmp/scriptbench-" + PORT,
      // One client makes every run here: the per-address rate limit is not what is measured.
      "--runs-per-minute-per-client", "0"));
  String extra = System.getProperty("bench.flags", "").strip();
  if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
  var p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/tmp/scriptbench-" + PORT + ".log"))).start();
  var s = new Server(p);
  for (int i = 0; i < 300; i++) {
    try {
      if (HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/health"))).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return s;
    } catch (IOException e) {
      Thread.sleep(100);
    }
  }
  throw new IllegalStateException("server did not start; see /tmp/scriptbench-" + PORT + ".log");
}

record Server(Process process) {
  String url(String path) {
    return "http://127.0.0.1:" + PORT + path;
  }

  /** Until the language's pool is full again: a run is then handed a started harness. */
  void awaitPool(String language) throws Exception {
    var pool = Pattern.compile("\"" + language + "\":\\{\"state\":\"ready\"[^}]*\"pool\":\\{\"size\":(\\d+),[^}]*\"idle\":(\\d+)");
    String health = "";
    for (int i = 0; i < 400; i++) {
      health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = pool.matcher(health);
      if (m.find() && Integer.parseInt(m.group(2)) >= Integer.parseInt(m.group(1))) return;
      Thread.sleep(25);
    }
    throw new IllegalStateException(language + " never became ready with a full pool: " + health);
  }

  /** One run over NDJSON: milliseconds from sending the request to its first stdout line. */
  double firstStdout(String language, String source) throws Exception {
    String body = "{\"lesson\":\"" + LESSON + "\",\"example\":\"" + EXAMPLE + "\",\"language\":\"" + language + "\"" + (source == null ? "" : ",\"source\":" + quote(source)) + "}";
    var request = HttpRequest.newBuilder(URI.create(url("/api/run"))).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long t0 = System.nanoTime();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    double output = -1;
    int code = -999;
    var lines = new ArrayList<String>();
    try (var in = new BufferedReader(new InputStreamReader(response.body()))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        Matcher t = TYPE.matcher(line);
        if (!t.find()) continue;
        if (t.group(1).equals("stdout") && output < 0) output = ms(t0);
        if (t.group(1).equals("exit")) {
          Matcher c = CODE.matcher(line);
          if (c.find()) code = Integer.parseInt(c.group(1));
        }
      }
    }
    if (code != 0 || output < 0) throw new IllegalStateException(language + " run failed (exit " + code + "): " + String.join("\n", lines));
    return output;
  }

  void stop() throws Exception {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}

/**
 * One WebSocket on /ws, as a page holds it: each run is one message out, and its events come back
 * on the open socket, with no HTTP request per run.
 */
static final class Socket implements WebSocket.Listener {
  private final StringBuilder partial = new StringBuilder();
  private WebSocket ws;
  private volatile String id;
  private volatile long t0;
  private volatile double output;
  private volatile CompletableFuture<Integer> exit;
  private int runs;

  void open() throws Exception {
    ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + PORT + "/ws"), this).get(10, TimeUnit.SECONDS);
  }

  double firstStdout(String language, String source) throws Exception {
    id = "r" + (++runs);
    output = -1;
    exit = new CompletableFuture<>();
    String message = "{\"type\":\"run\",\"id\":\"" + id + "\",\"lesson\":\"" + LESSON + "\",\"example\":\"" + EXAMPLE + "\",\"language\":\"" + language + "\",\"source\":" + Server.quote(source) + "}";
    t0 = System.nanoTime();
    ws.sendText(message, true).get(10, TimeUnit.SECONDS);
    int code = exit.get(30, TimeUnit.SECONDS);
    if (code != 0 || output < 0) throw new IllegalStateException(language + " run over /ws failed (exit " + code + ")");
    return output;
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String line = partial.toString();
      partial.setLength(0);
      if (line.contains("\"id\":\"" + id + "\"")) {
        Matcher t = TYPE.matcher(line);
        String type = t.find() ? t.group(1) : "";
        if (type.equals("stdout") && output < 0) output = ms(t0);
        if (type.equals("exit")) {
          Matcher c = CODE.matcher(line);
          exit.complete(c.find() ? Integer.parseInt(c.group(1)) : -999);
        } else if (type.equals("error")) {
          exit.completeExceptionally(new IllegalStateException(line));
        }
      }
    }
    socket.request(1);
    return null;
  }
}

/** Peak (VmHWM) and idle RSS of every harness process, sampled every 20 ms. */
static final class RssSampler {
  private final Map<String, Map<Long, Long>> peakKb = new ConcurrentHashMap<>();
  private final Map<String, List<Double>> idleMiB = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastCpu = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  void start() {
    Thread.ofPlatform().daemon().start(() -> {
      long lastIdleLook = 0;
      while (running) {
        boolean lookIdle = System.nanoTime() - lastIdleLook > 500_000_000L;
        if (lookIdle) lastIdleLook = System.nanoTime();
        ProcessHandle.allProcesses().forEach(p -> {
          String which = harness(p);
          if (which == null) return;
          try {
            peakKb.computeIfAbsent(which, k -> new ConcurrentHashMap<>()).merge(p.pid(), field(p.pid(), "VmHWM:"), Math::max);
            if (lookIdle) {
              // Idle: a pooled harness waiting for its job, its CPU time still since the last look.
              long cpu = p.info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
              Long before = lastCpu.put(p.pid(), cpu);
              if (before != null && before == cpu && cpu > 0) {
                idleMiB.computeIfAbsent(which, k -> Collections.synchronizedList(new ArrayList<>())).add(field(p.pid(), "VmRSS:") / 1024.0);
              }
            }
          } catch (IOException gone) {
            // The run ended between the listing and the read.
          }
        });
        try { Thread.sleep(20); } catch (InterruptedException e) { return; }
      }
    });
  }

  /** "python" or "javascript" for the interpreter running a harness; null for anything else. */
  static String harness(ProcessHandle p) {
    String command = p.info().command().orElse("");
    String line = p.info().commandLine().orElse("");
    if (line.contains("harness.py") && command.contains("python")) return "python";
    if (line.contains("harness.js") && command.endsWith("/node")) return "javascript";
    return null;
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

  void report() {
    for (Lang l : LANGS) {
      var peaks = peakKb.getOrDefault(l.id(), Map.of());
      var idle = idleMiB.getOrDefault(l.id(), List.of());
      IO.println("%s harness: peak RSS %.1f MiB (max over %d processes); idle and warm %.1f MiB (median)".formatted(
          l.id(), peaks.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0, peaks.size(),
          idle.isEmpty() ? 0 : median(new ArrayList<>(idle))));
    }
  }
}
