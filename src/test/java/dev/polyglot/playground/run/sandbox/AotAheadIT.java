package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.playground.Fixtures;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The real jar's {@code prepare} records the workers' AOT cache beside it, in the sandbox, and a
 * first start on a fresh work folder copies it instead of training: its workers start with it.
 */
class AotAheadIT {
  private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

  @TempDir Path dir;

  @Test
  void prepareRecordsTheCacheOnceAndAFirstStartUsesItWithoutTraining() throws Exception {
    assumeTrue(Sandbox.available(), "needs bubblewrap");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.copy(Path.of("target/polyglot-playground.jar"), dir.resolve("p.jar"));
    Path ahead = dir.resolve("worker-runtimes/aot");

    String prepared = prepare(jar);
    assertThat(prepared)
        .contains("the workers' AOT cache: recorded " + ahead.resolve("worker.aot"));
    assertThat(ahead.resolve(Sandbox.AOT_FILE)).isRegularFile();
    long recorded = Files.getLastModifiedTime(ahead.resolve(Sandbox.AOT_FILE)).toMillis();
    assertThat(prepare(jar)).contains("the workers' AOT cache: kept");
    assertThat(Files.getLastModifiedTime(ahead.resolve(Sandbox.AOT_FILE)).toMillis())
        .isEqualTo(recorded);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
        .as("prepare's own work folder is gone")
        .containsExactlyInAnyOrder("p.jar", "worker-runtimes");

    Path work = Files.createDirectory(dir.resolve("work"));
    Path log = dir.resolve("server.log");
    Process server =
        new ProcessBuilder(
                JAVA,
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--snippets",
                Fixtures.VALID.toString(),
                "--work-dir",
                work.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      int port = port(log);
      JsonObject runs = awaitCache(port);
      assertThat(runs.getString("aotCache")).as(runs.encode()).isEqualTo("ready");
      assertThat(Files.readString(log)).contains("AOT cache ready (recorded at build in " + ahead);
      assertThat(Files.mismatch(work.resolve("aot/worker.aot"), ahead.resolve("worker.aot")))
          .as("the very cache recorded at build")
          .isEqualTo(-1L);

      var reply = new RunClient(port).edited(CompileServiceIT.HELLO);
      assertThat(reply.stdout()).as(reply.types().toString()).isEqualTo("hello\n");
      // A worker's JVM maps the cache it accepted; one it refused is unmapped again.
      assertThat(mapped(server)).as("workers that map the cache").isNotEmpty();
    } finally {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String prepare(Path jar) throws Exception {
    Process p =
        new ProcessBuilder(JAVA, "-jar", jar.toString(), "prepare")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static int port(Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      var m = ShutdownIT.SERVING.matcher(Files.readString(log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server did not serve: " + Files.readString(log));
  }

  /** The runs part of /health once the cache is no longer training. */
  private static JsonObject awaitCache(int port) throws Exception {
    var http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonObject runs = new JsonObject();
    while (System.nanoTime() < deadline) {
      runs =
          new JsonObject(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
              .getJsonObject("runs", new JsonObject());
      String state = runs.getString("aotCache", "training");
      if (!state.equals("training")) {
        return runs;
      }
      Thread.sleep(50);
    }
    return runs;
  }

  /** The server's processes whose memory maps the workers' AOT cache. */
  private static List<Long> mapped(Process server) throws Exception {
    List<Long> pids = new ArrayList<>();
    for (ProcessHandle p : server.descendants().toList()) {
      Path maps = Path.of("/proc", String.valueOf(p.pid()), "maps");
      try {
        if (Files.readString(maps).contains("/app/aot/" + Sandbox.AOT_FILE)) {
          pids.add(p.pid());
        }
      } catch (java.io.IOException gone) {
        // exited meanwhile
      }
    }
    return pids;
  }
}
