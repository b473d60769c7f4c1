package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.content.Challenge;
import dev.polyglot.playground.content.CourseLoader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled challenge, run for real in the sandbox: its starting code fails at least one check,
 * and its solution, sent as the reader would type it, passes them all.
 */
class ChallengesIT {
  static final Path SNIPPETS = Path.of("snippets");
  static TestServer server;
  static RunClient client;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    server =
        TestServer.startWithJvm(
            "--snippets",
            SNIPPETS.toString(),
            "--pool",
            "1",
            "--max-runs",
            "1",
            "--max-queue",
            "4",
            "--work-dir",
            work.toString(),
            "--runs-per-minute-per-client",
            "0");
    client = new RunClient(server.playground().port());
    // Timings are checked: the server's start-up work must not share the cores with a challenge.
    server.awaitAotTraining();
    server.awaitCompilerStarted();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> challenges() {
    return CourseLoader.load(SNIPPETS).course().lessons().stream()
        .flatMap(l -> l.challenges().stream().map(c -> Arguments.of(l.id(), c.id(), c)));
  }

  private static JsonObject checked(RunClient.Reply reply) {
    assertThat(reply.types()).as("%s", reply.events()).endsWith("checked", "exit");
    return reply.events().get(reply.events().size() - 2);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("challenges")
  void theStartFailsAndTheSolutionPasses(String lesson, String id, Challenge challenge)
      throws Exception {
    var target = new JsonObject().put("lesson", lesson).put("challenge", id);
    var start = checked(client.post(target.copy()));
    assertThat(start.getBoolean("passed")).as("the starting code: %s", start).isFalse();

    var solution =
        checked(client.post(target.copy().put("source", challenge.solution().shown().text())));
    assertThat(solution.getBoolean("passed")).as("the solution: %s", solution).isTrue();
  }
}
