package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real worker JVM tells the timeline about a Java program's threads: their names, and when
 * each was running or waiting.
 */
class JavaTimelineIT {
  static TestServer server;
  static RunClient client;
  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.startWithJvm(
            "--snippets",
            Fixtures.VALID.toString(),
            "--pool",
            "1",
            "--work-dir",
            work.toString(),
            "--runs-per-minute-per-client",
            "0");
    client = new RunClient(server.playground().port());
    // The compile service is ready before the AOT training ends (they start together); timelines
    // are timed, so they wait until the training's CPU is spent too.
    server.awaitAotTraining();
    server.awaitCompiler();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theMainThreadWaitsThreeTimesInARow() throws Exception {
    var reply =
        client.edited(
            """
            void main() throws Exception {
                for (int i = 1; i <= 3; i++) {
                    Thread.sleep(400);
                    IO.println("wait " + i);
                }
            }
            """);
    assertThat(reply.stdout()).isEqualTo("wait 1\nwait 2\nwait 3\n");
    assertThat(reply.last().getInteger("code")).isZero();
    double end = spanEnd(reply, "main");
    List<double[]> waits = waits(running(reply, "main"), 0, end);
    assertThat(waits.stream().filter(w -> w[1] - w[0] > 300).count())
        .as("waiting stretches of main, ms: %s", describe(waits))
        .isEqualTo(3);
    // Where each long wait is: line 3 of the reader's text, Thread.sleep, whatever the example
    // hides. (A sample may also catch main for a moment at its println, held by the worker's lock.)
    List<JsonObject> at =
        reply.events().stream()
            .filter(e -> e.getString("type").equals("at"))
            .filter(e -> e.getString("thread").equals("main"))
            .toList();
    for (double[] wait : waits.stream().filter(w -> w[1] - w[0] > 300).toList()) {
      // The last place main was seen before the wait began; for a wait from the very start, which
      // a busy machine can give when main reaches its sleep before the first sample, the first
      // place seen during it.
      var latest =
          at.stream()
              .filter(e -> e.getDouble("t") <= wait[0] + 2)
              .max(Comparator.comparingDouble(e -> e.getDouble("t")))
              .or(() ->
                  at.stream()
                      .filter(e -> e.getDouble("t") < wait[1])
                      .min(Comparator.comparingDouble(e -> e.getDouble("t"))));
      assertThat(latest)
          .as("where main waits from %s ms: %s", wait[0], at)
          .hasValueSatisfying(e -> assertThat(e.getLong("line")).isEqualTo(3L));
    }
  }

  @Test
  void theExitCountsTheCpuOfThreadsThatEnded() throws Exception {
    var reply =
        client.edited(
            """
            void main() throws Exception {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                Thread other = Thread.ofPlatform().start(() -> {
                    long n = 0;
                    while (threads.getCurrentThreadCpuTime() < 300_000_000L) n++;
                });
                other.join();
                IO.println("spun");
            }
            """);
    assertThat(reply.stdout()).isEqualTo("spun\n");
    JsonObject exit = reply.last();
    assertThat(exit.getInteger("code")).isZero();
    // A thread that used 300 ms of CPU and ended before main did: the process's clock still counts
    // it (in ticks of 10 ms, so a little may go uncounted).
    assertThat(exit.getDouble("cpuMs"))
        .as("CPU of a run whose ended thread spun for 300 ms of CPU: %s", exit)
        .isGreaterThan(250.0)
        .isLessThan(exit.getDouble("wallMs") * 2 + 100);
  }

  @Test
  void unnamedThreadsAreNamedAfterTheirTaskAndOverlap() throws Exception {
    var reply =
        client.edited(
            """
            void download(int n) throws InterruptedException {
                Thread.sleep(500);
                IO.println("downloaded " + n);
            }

            void main() throws Exception {
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 1; i <= 3; i++) {
                        int n = i;
                        executor.submit(() -> { download(n); return null; });
                    }
                }
            }
            """);
    assertThat(reply.last().getInteger("code")).isZero();
    var spans = spans(reply);
    assertThat(spans.keySet()).containsExactlyInAnyOrder("download", "download #2", "download #3");
    double latestStart = spans.values().stream().mapToDouble(s -> s[0]).max().orElseThrow();
    double earliestEnd = spans.values().stream().mapToDouble(s -> s[1]).min().orElseThrow();
    assertThat(latestStart).as("all three were alive at once").isLessThan(earliestEnd);
    assertThat(reply.events().stream().filter(e -> e.getString("type").equals("stdout")))
        .allSatisfy(e -> assertThat(e.getString("thread")).startsWith("download"));
  }

  @Test
  void aNameTheProgramGivesIsKeptAndPoolThreadsAreNamedByWhatTheyRun() throws Exception {
    var reply =
        client.edited(
            """
            void fetchUser() { IO.println("user"); }

            void main() throws Exception {
                Thread.ofVirtual().name("fetch-1").start(() -> IO.println("named")).join();
                try (var pool = Executors.newFixedThreadPool(1)) {
                    pool.submit(this::fetchUser).get();
                }
            }
            """);
    assertThat(reply.last().getInteger("code")).isZero();
    assertThat(spans(reply).keySet()).contains("fetch-1", "fetchUser");
    assertThat(spans(reply).keySet()).noneMatch(name -> name.matches(".*\\d+-thread-\\d+"));
  }

  @Test
  void aBusyThreadIsOneLongRunningStretch() throws Exception {
    var reply =
        client.edited(
            """
            void spin() {
                long until = System.nanoTime() + 400_000_000L;
                long n = 0;
                while (System.nanoTime() < until) n++;
                IO.println(n > 0 ? "spun" : "?");
            }

            void main() throws Exception {
                Thread.ofPlatform().start(this::spin).join();
            }
            """);
    assertThat(reply.stdout()).isEqualTo("spun\n");
    double longest = running(reply, "spin").stream().mapToDouble(r -> r[1] - r[0]).max().orElse(0);
    assertThat(longest).as("the spin's longest running stretch, ms").isGreaterThan(300);
    List<double[]> mainRuns = running(reply, "main");
    double mainWaitedFor =
        waits(mainRuns, 0, spanEnd(reply, "main")).stream()
            .mapToDouble(w -> w[1] - w[0])
            .max()
            .orElse(0);
    assertThat(mainWaitedFor).as("main waited in join()").isGreaterThan(300);
  }

  private static java.util.Map<String, double[]> spans(RunClient.Reply reply) {
    var spans = new java.util.TreeMap<String, double[]>();
    for (JsonObject e : reply.events()) {
      if (e.getString("type").equals("span-end") && !e.getString("name").equals("main")) {
        spans.put(e.getString("name"), new double[] {e.getDouble("start"), e.getDouble("end")});
      }
    }
    return spans;
  }

  private static double spanEnd(RunClient.Reply reply, String name) {
    return reply.events().stream()
        .filter(e -> e.getString("type").equals("span-end") && e.getString("name").equals(name))
        .mapToDouble(e -> e.getDouble("end"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span-end for " + name + " in " + reply.types()));
  }

  private static List<double[]> running(RunClient.Reply reply, String thread) {
    return reply.events().stream()
        .filter(e -> e.getString("type").equals("running") && e.getString("thread").equals(thread))
        .map(e -> new double[] {e.getDouble("start"), e.getDouble("end")})
        .sorted(Comparator.comparingDouble(r -> r[0]))
        .toList();
  }

  /** The gaps between running stretches inside [from, to]: when the lane was waiting. */
  private static List<double[]> waits(List<double[]> running, double from, double to) {
    List<double[]> gaps = new ArrayList<>();
    double at = from;
    for (double[] r : running) {
      if (r[0] > at) {
        gaps.add(new double[] {at, r[0]});
      }
      at = Math.max(at, r[1]);
    }
    if (to > at) {
      gaps.add(new double[] {at, to});
    }
    return gaps;
  }

  private static String describe(List<double[]> stretches) {
    return stretches.stream().map(s -> s[0] + "-" + s[1]).toList().toString();
  }
}
