// Compile-service soak: many edited runs in a row through one server, and what its long-lived
// compile service does over them: compile time (request to the first diagnostic, or to started)
// per block of runs, and its resident memory.
//
//   ./playground bench-compiles    (or: java bench/CompileBench.java [runs=1200] [block=200])
//
// Seven runs in eight do not compile (so they need no worker and end at the service); every
// eighth compiles and runs in a warm worker. Each source is different.
import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;

static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
static final HttpClient HTTP = HttpClient.newHttpClient();
static final int PORT = 18203;

void main(String[] args) throws Exception {
  int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1200;
  int block = args.length > 1 ? Integer.parseInt(args[1]) : 200;
  var server = new ProcessBuilder(JAVA, "-jar", "target/polyglot-playground.jar", "--host", "127.0.0.1", "--port", String.valueOf(PORT),
          "--pool", "2", "--log-level", "warn", "--work-dir", "/tmp/compilebench-" + PORT)
      .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/tmp/compilebench.log"))).start();
  try {
    awaitCompiler();
    IO.println("compile service RSS when ready: %.1f MiB".formatted(serviceRssMiB()));
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      boolean starts = i % 8 == 0;
      String source = starts
          ? "record P%d(int a) {}\nvoid main() { IO.println(new P%d(%d)); }\n".formatted(i, i, i)
          : "import java.util.*;\nclass C%d { List<String> xs = new ArrayList<>(); void f() { int y = \"%d\"; } }\n".formatted(i, i);
      times.add(run(source, starts));
      if ((i + 1) % block == 0) {
        IO.println("runs %5d-%5d: compile median %5.1f ms; compile service RSS %.1f MiB".formatted(
            i + 2 - block, i + 1, median(times.subList(i + 1 - block, i + 1)), serviceRssMiB()));
      }
    }
    IO.println("health: " + get("/health").replaceAll(".*(\"compiler\":\\{[^}]*\\}).*", "$1"));
  } finally {
    server.destroy();
    server.waitFor();
  }
}

/** Milliseconds from the request to the first diagnostic (a failing compile) or to started. */
double run(String source, boolean runs) throws Exception {
  String body = "{\"lesson\":\"python-to-csharp\",\"example\":\"first-coroutine\",\"source\":\"" + source.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
  long t0 = System.nanoTime();
  var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/run")).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
  double first = -1;
  String last = "";
  for (String line : (Iterable<String>) response.body()::iterator) {
    if (first < 0 && (line.contains("\"type\":\"diagnostic\"") || line.contains("\"type\":\"started\""))) first = (System.nanoTime() - t0) / 1e6;
    last = line;
  }
  String expected = runs ? "\"type\":\"exit\"" : "\"type\":\"error\"";
  if (!last.contains(expected)) throw new IllegalStateException("unexpected end: " + last);
  return first;
}

void awaitCompiler() throws Exception {
  for (int i = 0; i < 600; i++) {
    try {
      if (get("/health").contains("\"compiler\":{\"state\":\"ready\"")) return;
    } catch (IOException e) {
      // not up yet
    }
    Thread.sleep(100);
  }
  throw new IllegalStateException("the compile service never became ready");
}

String get(String path) throws Exception {
  return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
}

/** VmRSS of the compile service's JVM (not the sandbox processes around it). */
static double serviceRssMiB() {
  return ProcessHandle.allProcesses()
      .filter(p -> p.info().command().orElse("").endsWith("/bin/java") && p.info().commandLine().orElse("").contains("CompilerMain"))
      .mapToLong(p -> {
        try {
          for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", ""));
          }
        } catch (IOException e) {
          // gone
        }
        return 0;
      })
      .max().orElse(0) / 1024.0;
}

static double median(List<Double> values) {
  var s = values.stream().sorted().toList();
  int n = s.size();
  return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
}
