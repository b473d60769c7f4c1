package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the real server, as {@code docker stop} sends it, with a long run in flight: the run
 * ends with {@code shutting-down} after the grace period, and no process the server started
 * outlives it.
 */
class ShutdownIT {
  static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)/");
  static final int GRACE_SECONDS = 2;

  @TempDir Path work;

  @Test
  void aRunInFlightEndsWithShuttingDownAndNoChildOutlivesTheServer() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process server =
        new ProcessBuilder(
                java,
                "-jar",
                "target/polyglot-playground.jar",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--snippets",
                Fixtures.VALID.toString(),
                "--work-dir",
                work.toString(),
                "--run-timeout",
                "60",
                "--shutdown-grace",
                String.valueOf(GRACE_SECONDS),
                // Sandboxed where bubblewrap works; this test is about shutdown, not isolation.
                "--unsafe-run-unsandboxed")
            .redirectErrorStream(true)
            .start();
    try {
      var client = new RunClient(port(server));
      var live = client.waiting();
      List<ProcessHandle> children = server.descendants().toList();
      assertThat(children).as("the run's worker, at least").isNotEmpty();

      long term = System.nanoTime();
      server.destroy(); // SIGTERM
      var end = live.end(GRACE_SECONDS + 10);
      assertThat(end.event().getString("type")).isEqualTo("error");
      assertThat(end.event().getString("reason")).isEqualTo("shutting-down");
      assertThat(Duration.ofNanos(end.nanos() - term))
          .as("the run ends within the grace period and 2 s")
          .isLessThan(Duration.ofSeconds(GRACE_SECONDS + 2));

      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server exits").isTrue();
      Thread.sleep(3000);
      assertThat(children.stream().filter(ProcessHandle::isAlive).map(this::describe).toList())
          .as("processes the server started, 3 s after it exited")
          .isEmpty();
    } finally {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
    }
  }

  private String describe(ProcessHandle p) {
    return p.pid() + " " + p.info().commandLine().orElse("?");
  }

  /** Reads the server's log until it says where it serves; the log goes on being drained. */
  private static int port(Process server) throws Exception {
    var port = new CompletableFuture<Integer>();
    Thread.ofVirtual()
        .start(() -> {
          try (var lines =
              new BufferedReader(
                  new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
              var m = SERVING.matcher(line);
              if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
              }
            }
          } catch (Exception e) {
            port.completeExceptionally(e);
          }
          port.completeExceptionally(new AssertionError("the server exited before it served"));
        });
    return port.get(60, TimeUnit.SECONDS);
  }
}
