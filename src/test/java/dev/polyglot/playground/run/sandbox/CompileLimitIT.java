package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiling edited code has its own time limit, enforced by the server, in the compile service and
 * in a worker alike.
 */
class CompileLimitIT {
  @TempDir Path work;

  @Test
  void aSourceThatTakesTooLongToCompileIsStopped() throws Exception {
    try (var server =
        TestServer.startWithJvm(
            "--snippets",
            Fixtures.VALID.toString(),
            "--pool",
            "0",
            "--work-dir",
            work.toString(),
            "--compile-timeout",
            "1",
            "--max-source",
            "512")) {
      server.awaitAotTraining();
      server.awaitCompiler();
      // About 300 KiB of lambdas and streams: several seconds of javac, far over one.
      String methods =
          IntStream.range(0, 2000)
              .mapToObj(i ->
                  "  static int m%d(int x) { return java.util.stream.IntStream.range(0, x).map(y -> y * %d).filter(y -> y %% 3 == 0).sum(); }"
                      .formatted(i, i))
              .collect(Collectors.joining("\n"));
      String source =
          "class Big {\n" + methods + "\n  static void main() { IO.println(m1(3)); }\n}\n";
      var client = new RunClient(server.playground().port());

      // In the compile service, which is then replaced by a new process.
      var reply = client.edited(source);
      assertThat(reply.types()).containsExactly("compiling", "limit", "error");
      assertThat(reply.first("limit").getString("kind")).isEqualTo("compile-time");
      assertThat(reply.last().getString("message")).contains("Compiling took longer than 1 s");

      // The new one is still warming up, so this compile happens in the run's own worker.
      reply = client.edited(source);
      assertThat(reply.types()).containsExactly("compiling", "limit", "error");
      assertThat(reply.first("limit").getString("kind")).isEqualTo("compile-time");

      server.awaitCompiler();
      assertThat(CompileServiceIT.serviceJvms()).hasSize(1);
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
