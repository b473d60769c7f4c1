// A class of learners pressing Run at the same moment, against one node with default settings.
//
//   ./playground bench-class        (or: java bench/ClassBench.java [learners] [soakRuns])
//
// Starts the real server jar (ROLE=all, defaults), waits until it is warm, then opens one
// WebSocket per learner (one per browser) and, at one instant, each sends one run of a program
// that sleeps 2 s and prints how long the sleep took by its own clock. Reports refusals, lost
// runs, the in-program sleeps, and the time from sending to `started`.
//
// With a soak count it then sends that many more runs (hello world, 8 at a time over 8 sockets)
// and checks that every run's events have contiguous seq numbers and exactly one terminal event.
import java.io.*;
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
static final String SLEEP =
    "void main() throws Exception {\n  long t0 = System.nanoTime();\n  Thread.sleep(2000);\n"
        + "  IO.println(\"slept \" + (System.nanoTime() - t0) / 1_000_000);\n}\n";
static final String HELLO = "void main() { IO.println(\"hello\"); }\n";
static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
static final Pattern REASON = Pattern.compile("\"reason\":\"([a-z-]+)\"");
static final Pattern SLEPT = Pattern.compile("\"text\":\"slept (\\d+)\"");

void main(String[] args) throws Exception {
  int learners = args.length > 0 ? Integer.parseInt(args[0]) : 40;
  int soak = args.length > 1 ? Integer.parseInt(args[1]) : 0;
  int port = 18000 + ThreadLocalRandom.current().nextInt(1000);
  var server = startServer(port);
  try {
    awaitWarm(port);
    System.out.printf("server warm: %s%n", admission(port));
    if (learners > 0) classroom(port, learners);
    if (soak > 0) soak(port, soak);
  } finally {
    server.destroy();
    server.waitFor(20, TimeUnit.SECONDS);
  }
}

/** Everything one socket saw of its one run. */
static final class Learner implements WebSocket.Listener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<Void> ended = new CompletableFuture<>();
  volatile long sent, started = -1, ended_at;
  final StringBuilder partial = new StringBuilder();

  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String event = partial.toString();
      partial.setLength(0);
      events.add(event);
      String type = match(TYPE, event);
      if ("started".equals(type) && started < 0) started = System.nanoTime();
      if ("exit".equals(type) || "error".equals(type)) {
        ended_at = System.nanoTime();
        ended.complete(null);
      }
    }
    ws.request(1);
    return null;
  }

  public void onError(WebSocket ws, Throwable error) {
    events.add("{\"type\":\"transport\",\"message\":\"" + error + "\"}");
    ended.complete(null);
  }
}

static void classroom(int port, int learners) throws Exception {
  List<Learner> all = new ArrayList<>();
  List<WebSocket> sockets = new ArrayList<>();
  for (int i = 0; i < learners; i++) {
    var learner = new Learner();
    sockets.add(HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), learner).get(10, TimeUnit.SECONDS));
    all.add(learner);
  }
  String run = "{\"type\":\"run\",\"id\":\"r\",\"lesson\":\"first-lesson\",\"example\":\"hello\",\"source\":" + quote(SLEEP) + "}";
  run = run.replace("first-lesson", LESSON).replace("\"hello\"", "\"" + EXAMPLE + "\"");
  var go = new CountDownLatch(1);
  try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
    for (int i = 0; i < learners; i++) {
      var ws = sockets.get(i);
      var learner = all.get(i);
      String message = run;
      threads.submit(() -> {
        go.await();
        learner.sent = System.nanoTime();
        ws.sendText(message, true).join();
        return null;
      });
    }
    go.countDown();
  }
  CompletableFuture.allOf(all.stream().map(l -> l.ended.orTimeout(120, TimeUnit.SECONDS)).toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();

  int refused = 0, lost = 0, other = 0, ok = 0;
  List<Long> slept = new ArrayList<>();
  List<Double> toStarted = new ArrayList<>(), total = new ArrayList<>();
  Map<String, Integer> reasons = new TreeMap<>();
  for (var l : all) {
    String last = l.events.isEmpty() ? "" : l.events.getLast();
    String reason = match(REASON, last);
    if ("busy".equals(reason)) refused++;
    else if ("worker-lost".equals(reason)) lost++;
    else if (!"exit".equals(match(TYPE, last))) { other++; reasons.merge(String.valueOf(reason), 1, Integer::sum); }
    else ok++;
    for (String e : l.events) {
      String s = match(SLEPT, e);
      if (s != null) slept.add(Long.parseLong(s));
    }
    if (l.started > 0) toStarted.add((l.started - l.sent) / 1e6);
    if (l.ended_at > 0) total.add((l.ended_at - l.sent) / 1e6);
  }
  for (var ws : sockets) ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  Collections.sort(slept);
  System.out.printf("%n== a class of %d learners, one run each of a 2 s sleep, sent at once over %d WebSockets ==%n", learners, learners);
  System.out.printf("completed %d, refused (busy) %d, lost (worker-lost) %d, other endings %d %s%n", ok, refused, lost, other, reasons.isEmpty() ? "" : reasons);
  if (!slept.isEmpty())
    System.out.printf("in-program sleep of 2000 ms: min %d, median %d, max %d ms; within 2000-2100 ms: %d of %d%n",
        slept.getFirst(), slept.get(slept.size() / 2), slept.getLast(), slept.stream().filter(s -> s >= 2000 && s <= 2100).count(), slept.size());
  System.out.printf("time to started: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", pct(toStarted, 50), pct(toStarted, 95), pct(toStarted, 100));
  System.out.printf("time to the end: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", pct(total, 50), pct(total, 95), pct(total, 100));
}

static void soak(int port, int runs) throws Exception {
  int sockets = 8;
  var next = new AtomicInteger();
  var bad = new ConcurrentLinkedQueue<String>();
  var endings = new ConcurrentHashMap<String, Integer>();
  var failures = new ConcurrentLinkedQueue<Future<Object>>();
  long t0 = System.nanoTime();
  try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
    for (int s = 0; s < sockets; s++) {
      failures.add(threads.submit(() -> {
        while (true) {
          int n = next.getAndIncrement();
          if (n >= runs) return null;
          var learner = new Learner();
          var ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), learner).get(10, TimeUnit.SECONDS);
          // Alternate the lesson's own code and an edit, as readers do.
          String source = n % 2 == 0 ? "" : ",\"source\":" + quote(HELLO);
          ws.sendText("{\"type\":\"run\",\"id\":\"s" + n + "\",\"lesson\":\"" + LESSON + "\",\"example\":\"" + EXAMPLE + "\"" + source + "}", true).join();
          learner.ended.orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
          Thread.sleep(50); // a terminal event must be the last: wait for anything that trails it
          ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
          String problem = check(learner.events);
          if (problem != null) bad.add("run " + n + ": " + problem);
          String last = learner.events.isEmpty() ? "none" : match(TYPE, learner.events.getLast());
          String key = "error".equals(last) ? "error " + match(REASON, learner.events.getLast()) : last;
          endings.merge(key, 1, Integer::sum);
        }
      }));
    }
  }
  for (var f : failures) {
    try {
      f.get();
    } catch (ExecutionException e) {
      System.out.println("a client failed: " + e.getCause());
    }
  }
  double seconds = (System.nanoTime() - t0) / 1e9;
  System.out.printf("%n== soak: %d runs through one node, %d sockets at a time ==%n", runs, sockets);
  System.out.printf("%.0f s, %.0f runs/min; endings %s%n", seconds, runs / seconds * 60, new TreeMap<>(endings));
  System.out.printf("runs with a gap in seq, no terminal event, or more than one: %d%n", bad.size());
  bad.stream().limit(5).forEach(b -> System.out.println("  " + b));
}

/** Null when seq runs 1, 2, 3 … and exactly the last event is terminal. */
static String check(List<String> events) {
  if (events.isEmpty()) return "no events";
  int terminals = 0;
  for (int i = 0; i < events.size(); i++) {
    String seq = match(SEQ, events.get(i));
    if (seq == null || Long.parseLong(seq) != i + 1) return "event " + (i + 1) + " has seq " + seq;
    String type = match(TYPE, events.get(i));
    if ("exit".equals(type) || "error".equals(type)) terminals++;
  }
  String lastType = match(TYPE, events.getLast());
  if (terminals != 1 || !("exit".equals(lastType) || "error".equals(lastType))) return terminals + " terminal events";
  return null;
}

static final String LESSON = "python-to-csharp", EXAMPLE = "first-coroutine";

static Process startServer(int port) throws Exception {
  String log = "/tmp/classbench-" + port + ".log";
  var cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR, "--host", "127.0.0.1", "--port", String.valueOf(port), "--log-level", "warn", "--work-dir", "/tmp/classbench-" + port));
  // Extra server flags for experiments, e.g. -Dbench.flags="--max-starting 4".
  String extra = System.getProperty("bench.flags", "").strip();
  if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
  var p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log))).start();
  for (int i = 0; i < 300; i++) {
    try {
      if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return p;
    } catch (IOException e) {
      Thread.sleep(100);
    }
  }
  throw new IllegalStateException("the server did not start; see " + log);
}

/** AOT cache recorded, compile service ready, and the pool full. */
static void awaitWarm(int port) throws Exception {
  var idle = Pattern.compile("\"idle\":(\\d+)");
  var size = Pattern.compile("\"size\":(\\d+)");
  for (int i = 0; i < 1200; i++) {
    String h = health(port);
    Matcher a = idle.matcher(h), b = size.matcher(h);
    if (!h.contains("\"aotCache\":\"training\"") && h.contains("\"compiler\":{\"state\":\"ready\"") && a.find() && b.find() && Integer.parseInt(a.group(1)) >= Integer.parseInt(b.group(1))) return;
    Thread.sleep(100);
  }
  throw new IllegalStateException("the server never warmed up");
}

static String admission(int port) throws Exception {
  Matcher m = Pattern.compile("\"admission\":(\\{[^}]*\\})").matcher(health(port));
  return m.find() ? m.group(1) : "?";
}

static String health(int port) throws Exception {
  return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
}

static String match(Pattern p, String s) {
  Matcher m = p.matcher(s);
  return m.find() ? m.group(1) : null;
}

static double pct(List<Double> xs, int p) {
  if (xs.isEmpty()) return Double.NaN;
  var sorted = xs.stream().sorted().toList();
  return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
}

static String quote(String s) {
  return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
}
