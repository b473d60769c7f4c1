// A cluster on this machine under load, with an executor killed halfway.
//
//   ./playground bench-cluster      (or: java bench/ClusterBench.java [runs] [concurrency])
//
// Starts 1 web node and 2 executors from the jar, on loopback, as a real cluster (Hazelcast over
// TCP/IP). Sends `runs` runs (default 200) at `concurrency` at once (default 80), each from a
// browser-like WebSocket of its own, half of them waiting (sleep 1 s) and half CPU work (about
// 0.3 s of arithmetic). When half the runs have been sent it kills one executor with SIGKILL.
// Reports runs per minute, refusals, worker-lost (only runs on the killed executor may have it),
// any other wrong ending (must be 0), and processes left once the nodes have stopped (must be 0).
import java.io.*;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
static final String JAR = System.getenv().getOrDefault("PLAYGROUND_JAR", "target/polyglot-playground.jar");
static final HttpClient HTTP = HttpClient.newHttpClient();
static final String LESSON = "python-to-csharp", EXAMPLE = "first-coroutine";
static final String WAIT = "void main() throws Exception { Thread.sleep(1000); IO.println(\"waited\"); }\n";
static final String CPU =
    "void main() { long x = 0; for (long i = 0; i < 600_000_000L; i++) { x += i ^ (x >>> 3); }"
        + " IO.println(\"sum \" + (x & 0xff)); }\n";
static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
static final Pattern REASON = Pattern.compile("\"reason\":\"([a-z-]+)\"");
static final Pattern CODE = Pattern.compile("\"code\":(-?\\d+)");

record Node(String name, Process process, int port, int clusterPort) {}

void main(String[] args) throws Exception {
  int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
  int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 80;
  Path work = Files.createTempDirectory(Path.of("/tmp"), "clusterbench-");
  Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
  String name = "bench-" + ProcessHandle.current().pid();
  int webCluster = freePort();
  List<Node> nodes = new ArrayList<>();
  try {
    Node web = start(work, "web", "web", name, webCluster, webCluster);
    nodes.add(web);
    Node a = start(work, "executor-a", "executor", name, freePort(), webCluster);
    Node b = start(work, "executor-b", "executor", name, freePort(), webCluster);
    nodes.add(a);
    nodes.add(b);
    for (Node n : List.of(a, b)) awaitWarm(n);
    awaitExecutors(web, 2);
    System.out.printf("cluster up: 1 web node, 2 executors (%s)%n", executorIds(web));

    var next = new AtomicInteger();
    var sent = new AtomicInteger();
    var endings = new ConcurrentHashMap<String, Integer>();
    var wrong = new ConcurrentLinkedQueue<String>();
    var killed = new AtomicBoolean();
    var onVictim = new AtomicInteger(-1);
    long t0 = System.nanoTime();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        clients.add(threads.submit(() -> {
          while (true) {
            int n = next.getAndIncrement();
            if (n >= runs) return null;
            if (sent.incrementAndGet() == runs / 2 && killed.compareAndSet(false, true)) {
              onVictim.set(fromHere(web, a));
              a.process().destroyForcibly(); // SIGKILL, like a machine that goes away
              System.out.printf("killed executor-a with %d runs on it%n", onVictim.get());
            }
            String source = n % 2 == 0 ? WAIT : CPU;
            List<String> events = run(web, "{\"type\":\"run\",\"id\":\"r" + n + "\",\"lesson\":\"" + LESSON + "\",\"example\":\"" + EXAMPLE + "\",\"source\":" + quote(source) + "}");
            String last = events.isEmpty() ? "{}" : events.getLast();
            String type = match(TYPE, last);
            String key = "error".equals(type) ? "error " + match(REASON, last) : "exit".equals(type) ? "exit " + match(CODE, last) : String.valueOf(type);
            endings.merge(key, 1, Integer::sum);
            if (!key.equals("exit 0") && !key.equals("error worker-lost") && !key.equals("error busy")) wrong.add("run " + n + ": " + last);
          }
        }));
      }
      for (var f : clients) f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int lost = endings.getOrDefault("error worker-lost", 0);
    System.out.printf("%n== %d runs (half waiting, half CPU) at %d at once over WebSockets, executor-a killed halfway ==%n", runs, concurrency);
    System.out.printf("%.0f s: %.0f runs/min%n", seconds, runs / seconds * 60);
    System.out.printf("endings: %s%n", new TreeMap<>(endings));
    System.out.printf("refused (busy): %d%n", endings.getOrDefault("error busy", 0));
    System.out.printf("worker-lost: %d (executor-a had %d runs from this web node when killed: %s)%n", lost, onVictim.get(), lost <= onVictim.get() ? "only those" : "MORE THAN IT HAD");
    System.out.printf("other wrong endings: %d%n", wrong.size());
    wrong.stream().limit(5).forEach(w -> System.out.println("  " + w));
  } finally {
    for (Node n : nodes) n.process().destroy(); // SIGTERM: the orderly way
    for (Node n : nodes) n.process().waitFor(30, TimeUnit.SECONDS);
    Thread.sleep(3000);
    long left = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(work.toString()))
        .count();
    System.out.printf("processes left once the nodes stopped: %d%n", left);
  }
}

/** One run over a WebSocket of its own, as one browser; its events in order. */
static List<String> run(Node web, String message) throws Exception {
  var events = new CopyOnWriteArrayList<String>();
  var ended = new CompletableFuture<Void>();
  var ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + web.port() + "/ws"), new WebSocket.Listener() {
    final StringBuilder text = new StringBuilder();
    public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String e = text.toString();
        text.setLength(0);
        events.add(e);
        String type = match(TYPE, e);
        if ("exit".equals(type) || "error".equals(type)) ended.complete(null);
      }
      s.request(1);
      return null;
    }
  }).get(10, TimeUnit.SECONDS);
  ws.sendText(message, true).join();
  try {
    ended.get(120, TimeUnit.SECONDS);
  } catch (TimeoutException e) {
    events.add("{\"type\":\"timeout\"}");
  }
  ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  return events;
}

static Node start(Path work, String name, String role, String cluster, int clusterPort, int seed) throws Exception {
  int port = freePort();
  var cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR, "--role", role, "--host", "127.0.0.1", "--port", String.valueOf(port),
      "--log-level", "warn", "--work-dir", work.resolve(name).toString(), "--cluster-name", cluster,
      "--cluster-port", String.valueOf(clusterPort), "--cluster-members", "127.0.0.1:" + seed));
  var p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
  for (int i = 0; i < 600; i++) {
    try {
      if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return new Node(name, p, port, clusterPort);
    } catch (IOException e) {
      Thread.sleep(100);
    }
  }
  throw new IllegalStateException(name + " did not start; see " + work.resolve(name + ".log"));
}

static void awaitWarm(Node n) throws Exception {
  for (int i = 0; i < 1200; i++) {
    String h = health(n);
    if (!h.contains("\"aotCache\":\"training\"") && h.contains("\"compiler\":{\"state\":\"ready\"")) return;
    Thread.sleep(100);
  }
  throw new IllegalStateException(n.name() + " never warmed up");
}

static void awaitExecutors(Node web, int count) throws Exception {
  for (int i = 0; i < 600; i++) {
    if (executorIds(web).size() == count) return;
    Thread.sleep(100);
  }
  throw new IllegalStateException("the executors never joined");
}

static List<String> executorIds(Node web) throws Exception {
  Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f]+)\",\"capacity\"").matcher(health(web));
  List<String> ids = new ArrayList<>();
  while (m.find()) ids.add(m.group(1));
  return ids;
}

/** Runs this web node has on an executor, by the web node's /health. */
static int fromHere(Node web, Node executor) {
  try {
    Matcher id = Pattern.compile("\"cluster\":\\{\"role\":\"executor\",\"id\":\"([0-9a-f]+)\"").matcher(health(executor));
    if (!id.find()) return -1;
    Matcher m = Pattern.compile("\\{\"id\":\"" + id.group(1) + "\"[^}]*\"fromHere\":(\\d+)").matcher(health(web));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  } catch (Exception e) {
    return -1;
  }
}

static String health(Node n) throws Exception {
  return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port() + "/health")).timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
}

static int freePort() throws IOException {
  try (var s = new ServerSocket(0)) {
    return s.getLocalPort();
  }
}

static String match(Pattern p, String s) {
  Matcher m = p.matcher(s);
  return m.find() ? m.group(1) : null;
}

static String quote(String s) {
  return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
}
