package dev.polyglot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./playground run} and the Docker image record the server's own AOT cache with {@code
 * train}, then start with it: the built jar records one, and the JVM takes it. They also link the
 * runtime for Java code beside the jar with {@code prepare}.
 */
class ServerTrainingIT {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String JAR = "target/polyglot-playground.jar";

  @TempDir Path dir;

  private static Result java(String... args) throws Exception {
    var cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + out).isTrue();
    return new Result(p.exitValue(), out);
  }

  private record Result(int code, String out) {}

  @Test
  void theJarRecordsItsAotCacheAndStartsWithIt() throws Exception {
    Path aot = dir.resolve("server.aot");
    var trained = java("-XX:AOTCacheOutput=" + aot, "-jar", JAR, "train");
    assertThat(trained.code()).as(trained.out()).isZero();
    assertThat(trained.out()).contains("trained");
    assertThat(aot).isRegularFile();

    // AOTMode=on: the JVM refuses to start unless it can use the cache.
    var used = java("-XX:AOTCache=" + aot, "-XX:AOTMode=on", "-jar", JAR, "validate");
    assertThat(used.code()).as(used.out()).isZero();
    assertThat(used.out()).contains("OK: ");
  }

  @Test
  void prepareLinksTheRuntimeForJavaBesideTheJarOnce() throws Exception {
    Path jar = Files.copy(Path.of(JAR), dir.resolve("polyglot-playground.jar"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    var prepared = java("-jar", jar.toString(), "prepare");
    assertThat(prepared.code()).as(prepared.out()).isZero();
    Path home = Path.of(said(prepared.out(), "the runtime for Java code: "));
    assertThat(home).startsWith(dir.resolve("worker-runtimes"));
    assertThat(home.resolve("bin/java")).isExecutable();
    assertThat(home.resolve(".complete")).isRegularFile();
    assertThat(prepared.out()).doesNotContain("other users may not enter");

    // Where only its owner may enter, sandboxed runs could not reach it: prepare says so.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    long made = Files.getLastModifiedTime(home).toMillis();
    var again = java("-jar", jar.toString(), "prepare");
    assertThat(again.code()).as(again.out()).isZero();
    assertThat(said(again.out(), "the runtime for Java code: ")).isEqualTo(home.toString());
    assertThat(Files.getLastModifiedTime(home).toMillis())
        .as("kept, not linked again")
        .isEqualTo(made);
    assertThat(again.out()).contains("which other users may not enter");
  }

  /** The rest of the line of {@code out} that begins with {@code prefix}. */
  private static String said(String out, String prefix) {
    return out.lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line \"" + prefix + "\" in: " + out));
  }
}
