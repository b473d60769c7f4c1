package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed from outside mid-run (the OOM killer, an operator's {@code kill -9}): its run
 * ends with {@code worker-lost} at once, the server stays healthy and the next run works. Runs
 * sandboxed where bubblewrap works, and unsandboxed where it is missing.
 */
class WorkerLostIT {
  static TestServer server;
  static RunClient client;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    // No warm pool: the only worker JVM is the run's own.
    server =
        TestServer.startWithJvm(
            "--snippets", Fixtures.VALID.toString(), "--pool", "0", "--work-dir", work.toString());
    client = new RunClient(server.playground().port());
    server.awaitAotTraining();
    server.awaitCompilerStarted();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aWorkerKilledMidRunIsReportedAsLostAndTheNextRunWorks() throws Exception {
    var live = client.waiting();
    List<ProcessHandle> workers = workerJvms();
    assertThat(workers).as("the run's worker JVM").hasSize(1);

    long killed = System.nanoTime();
    workers.getFirst().destroyForcibly(); // SIGKILL
    var end = live.end(10);
    assertThat(end.event().getString("type")).isEqualTo("error");
    assertThat(end.event().getString("reason")).isEqualTo("worker-lost");
    assertThat(Duration.ofNanos(end.nanos() - killed))
        .as("the run hears of it within 2 s")
        .isLessThan(Duration.ofSeconds(2));

    assertThat(client.health()).isEqualTo(200);
    var next = client.edited("void main() { IO.println(\"still here\"); }\n");
    assertThat(next.stdout()).isEqualTo("still here\n");
    assertThat(next.last().getInteger("code")).isZero();
    assertThat(TestServer.processesLeft()).isEmpty();
  }

  /** Workers' JVMs, not the sandbox processes around them nor the compile service. */
  static List<ProcessHandle> workerJvms() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().orElse("").endsWith("/java"))
        .filter(p -> p.info().commandLine().orElse("").contains("run.worker.WorkerMain"))
        .toList();
  }
}
