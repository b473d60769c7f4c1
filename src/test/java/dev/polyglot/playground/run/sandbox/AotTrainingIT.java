package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real training worker runs {@link TrainingProgram} from the class files the server's build made,
 * and leaves the workers' AOT cache: without it every worker would start a few times slower, and
 * nothing else would say so.
 */
class AotTrainingIT {
  static TestServer server;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    server =
        TestServer.startWithJvm(
            "--snippets", Fixtures.VALID.toString(), "--work-dir", work.toString());
    server.awaitAotTraining();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theTrainingProgramRunsAndTheCacheIsRecordedForTheseWorkers() throws Exception {
    assertThat(server.playground().runner().status().getString("aotCache")).isEqualTo("ready");
    Path cache = work.resolve("aot").resolve(Sandbox.AOT_FILE);
    assertThat(Files.size(cache)).isGreaterThan(1 << 20);
    assertThat(Files.readString(work.resolve("aot").resolve(AotCache.KEY_FILE)))
        .endsWith(" " + sha256(cache));

    // Workers started with it still run a lesson.
    var reply =
        new RunClient(server.playground().port())
            .post(new JsonObject().put("lesson", "first-lesson").put("example", "hello"));
    assertThat(reply.types()).as("%s", reply.events()).contains("stdout").endsWith("exit");
    assertThat(reply.last().getInteger("code")).isZero();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
