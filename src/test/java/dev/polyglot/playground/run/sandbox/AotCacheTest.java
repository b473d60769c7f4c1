package dev.polyglot.playground.run.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache is recorded once per set of workers, and kept by later starts only if intact. */
class AotCacheTest {
  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;

  /** A training child that writes {@code bytes} as the cache when sent its job, then exits 0. */
  private FakeLauncher training(byte[] bytes) {
    return new FakeLauncher(s ->
        new FakeChild(
                s.role(),
                s.slot(),
                s.warmups(),
                (child, job) -> {
                  try {
                    Files.write(dir.resolve(Sandbox.AOT_FILE), bytes);
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                  child.exitWith(0);
                })
            .warm());
  }

  private static final AotCache.Training TRAINING = new AotCache.Training(0);

  private boolean train(String key, FakeLauncher launcher) throws Exception {
    return train(key, launcher, TRAINING);
  }

  private boolean train(String key, FakeLauncher launcher, AotCache.Training training)
      throws Exception {
    var cache = new AotCache();
    boolean ok =
        cache
            .train(vertx, dir, key, launcher, training)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(ok, cache.ready());
    return ok;
  }

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void aRestartForTheSameWorkersKeepsTheCacheWithoutTraining() throws Exception {
    var first = training(new byte[] {1, 2, 3});
    assertTrue(train("workers-a", first));
    assertEquals(1, first.started.size());

    var second = training(new byte[] {9});
    assertTrue(train("workers-a", second));
    assertEquals(0, second.started.size(), "no training run");
    assertEquals(3, Files.size(dir.resolve(Sandbox.AOT_FILE)));
  }

  @Test
  void otherWorkersOrAlteredBytesAreTrainedAfresh() throws Exception {
    assertTrue(train("workers-a", training(new byte[] {1, 2, 3})));

    var changedWorkers = training(new byte[] {4, 5});
    assertTrue(train("workers-b", changedWorkers));
    assertEquals(1, changedWorkers.started.size());
    assertEquals(2, Files.size(dir.resolve(Sandbox.AOT_FILE)));

    Files.write(dir.resolve(Sandbox.AOT_FILE), new byte[] {6, 6});
    var afterTampering = training(new byte[] {7});
    assertTrue(train("workers-b", afterTampering));
    assertEquals(1, afterTampering.started.size(), "a cache whose bytes changed is not trusted");
  }

  @Test
  void theTrainingWorkerDoesThePoolsWarmUpsThenRunsTheTrainingProgram() throws Exception {
    var launcher = training(new byte[] {1});
    assertTrue(train("workers-a", launcher, new AotCache.Training(3)));
    FakeChild child = launcher.started.getFirst();
    assertEquals(Sandbox.Role.TRAINING, child.role);
    assertEquals(3, child.warmups);
    var load = assertInstanceOf(Wire.Load.class, child.jobs.getFirst());
    String main = TrainingProgram.class.getName();
    assertEquals(main, load.mainClass());
    // The program and its record, as class files: what a worker defines and runs.
    assertEquals(Set.of(main, main + "$User"), load.classes().keySet());
    load.classes()
        .values()
        .forEach(bytes -> assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(bytes).getInt()));
  }

  @Test
  void theKeyCoversTheCommandTheJarAndTheRuntime() throws Exception {
    Path jar = dir.resolve("worker.jar");
    Files.write(jar, new byte[] {1});
    Path jdk = Files.createDirectories(dir.resolve("jdk/lib"));
    Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"25.0.1\"\n");
    Path modules = Files.write(jdk.resolve("modules"), new byte[] {1, 2, 3});
    Path home = dir.resolve("jdk");
    String key = AotCache.key(List.of("java", "-Xmx128m"), jar, home);
    assertEquals(key, AotCache.key(List.of("java", "-Xmx128m"), jar, home));
    assertNotEquals(key, AotCache.key(List.of("java", "-Xmx256m"), jar, home));
    // A JDK updated in place: the same command and path, another runtime.
    Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"25.0.2\"\n");
    String updated = AotCache.key(List.of("java", "-Xmx128m"), jar, home);
    assertNotEquals(key, updated);
    // The runtime made again: its modules image is another file.
    Files.setLastModifiedTime(modules, FileTime.fromMillis(1_000));
    assertNotEquals(updated, AotCache.key(List.of("java", "-Xmx128m"), jar, home));
    Files.write(jar, new byte[] {2});
    assertNotEquals(key, AotCache.key(List.of("java", "-Xmx128m"), jar, home));
  }
}
