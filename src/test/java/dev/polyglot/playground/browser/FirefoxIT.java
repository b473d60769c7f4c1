package dev.polyglot.playground.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live playground in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core ({@code
 * src/test/firefox/check.mjs}; there is no geckodriver for Selenium here). The Chromium tests go
 * deeper; this one proves the same front end runs code, marks compile errors and restores
 * permalinks in the other engine. Skipped without Firefox or the script's packages, except in CI.
 */
class FirefoxIT {
  static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
  static final Path CHECK = Path.of("src/test/firefox");

  @TempDir Path work;

  @Test
  void theLivePlaygroundWorksInFirefox() throws Exception {
    boolean present =
        Files.isExecutable(FIREFOX)
            && Files.isDirectory(CHECK.resolve("node_modules/puppeteer-core"));
    if (!present && Boolean.getBoolean("ci")) {
      throw new IllegalStateException(
          "CI needs firefox-esr and `npm ci --prefix src/test/firefox` (see .ci/run)");
    }
    assumeTrue(
        present, "firefox-esr or src/test/firefox/node_modules missing; Firefox check skipped");

    try (var server =
        TestServer.startWithJvm(
            "--snippets",
            "snippets",
            "--pool",
            "1",
            "--warmups",
            "1",
            "--work-dir",
            work.toString())) {
      server.awaitAotTraining();
      Process node =
          new ProcessBuilder(
                  "node", "check.mjs", server.url("").replaceAll("/$", ""), FIREFOX.toString())
              .directory(CHECK.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(node.exitValue()).as("check.mjs said: %s", out).isZero();

      var seen = new JsonObject(out.strip().lines().reduce((a, b) -> b).orElseThrow());
      assertThat(seen.getString("browser")).containsIgnoringCase("firefox");
      var run = seen.getJsonObject("run");
      assertThat(run.getString("phase")).isEqualTo("finished");
      assertThat(run.getInteger("bars")).isEqualTo(3);
      assertThat(run.getJsonArray("lines").stream().map(String::valueOf).toList())
          .hasSize(5)
          .first()
          .isEqualTo("concurrent, virtual threads:");
      assertThat(seen.getJsonObject("compileError").getString("phase"))
          .contains("Did not compile: 1 error");
      assertThat(seen.getJsonObject("compileError").getString("markedLine")).isEqualTo("2");
      assertThat(seen.getJsonObject("permalink").getBoolean("restored")).isTrue();
      var sequential = seen.getJsonObject("sequential");
      assertThat(sequential.getInteger("waits")).as("main's long waits").isEqualTo(3);
      assertThat(sequential.getJsonArray("visible").getList())
          .containsExactly("sequential, plain loop:");
      assertThat(sequential.getString("prediction"))
          .matches("You predicted about 3 s, and it took 3\\.\\d\\d s\\. Right\\.");
      assertThat(seen.getInteger("search")).isPositive();
      var challenge = seen.getJsonObject("challenge");
      assertThat(challenge.getString("failed")).startsWith("1 of 3 checks pass");
      assertThat(challenge.getString("passed")).isEqualTo("Challenge complete: all 3 checks pass.");
      assertThat(challenge.getString("badge")).isEqualTo("Passed");
      assertThat(seen.getJsonArray("errors")).isEmpty();
    }
  }
}
