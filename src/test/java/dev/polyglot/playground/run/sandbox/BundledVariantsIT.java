package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.content.CourseLoader;
import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.content.PrintedOutput;
import dev.polyglot.playground.content.Variant;
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
 * Every Java, Python and JavaScript variant of every bundled lesson, run through the real server in
 * the sandbox: it must exit 0, print exactly what its lesson records, and take about as long as
 * recorded.
 */
class BundledVariantsIT {
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
            "--warmups",
            "5",
            "--max-runs",
            "1",
            "--max-queue",
            "4",
            "--work-dir",
            work.toString());
    client = new RunClient(server.playground().port());
    // Timings are checked: let the server's own start-up work (AOT training, the compile
    // service's warm-up) finish first, so that it does not share the cores with a lesson.
    server.awaitAotTraining();
    server.awaitCompilerStarted();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> runnableVariants() {
    return CourseLoader.load(SNIPPETS).course().lessons().stream()
        .flatMap(lesson ->
            lesson.examples().stream()
                .flatMap(example ->
                    Stream.of(Language.JAVA, Language.PYTHON, Language.JAVASCRIPT)
                        .flatMap(language -> example.variants(language).stream())
                        .map(v ->
                            Arguments.of(
                                lesson.id()
                                    + "/"
                                    + example.id()
                                    + "/"
                                    + v.language().id()
                                    + "/"
                                    + v.id(),
                                v))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runnableVariants")
  void runsAndPrintsWhatTheLessonSays(String path, Variant variant) throws Exception {
    String[] ids = path.split("/");
    var reply =
        client.post(
            new JsonObject()
                .put("lesson", ids[0])
                .put("example", ids[1])
                .put("language", ids[2])
                .put("variant", ids[3]));

    assertThat(reply.types()).as("events of %s: %s", path, reply.events()).endsWith("exit");
    assertThat(reply.last().getInteger("code"))
        .as("exit code, stderr: %s", reply.stderr())
        .isZero();
    assertThat(variant.expectedOutput()).as("%s records its output", path).isPresent();
    String expected = variant.expectedOutput().orElseThrow().stripTrailing();
    assertThat(PrintedOutput.aligned(reply.stdout().stripTrailing(), expected))
        .as("what %s prints", path)
        .isEqualTo(expected);
    if (variant.expectedSeconds().isPresent()) {
      double expectedMs = variant.expectedSeconds().get() * 1000;
      double tolerance = Math.max(300, expectedMs * 0.25);
      assertThat(reply.last().getDouble("wallMs"))
          .as("wall time of %s", path)
          .isBetween(expectedMs - tolerance, expectedMs + tolerance);
    }
  }
}
