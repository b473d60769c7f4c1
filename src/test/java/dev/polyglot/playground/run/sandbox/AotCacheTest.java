package dev.polyglot.playground.run.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache is recorded once per set of workers, and kept by later starts only if intact. */
class AotCacheTest {
  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;
  @TempDir Path ahead;

  /** A training child that writes {@code bytes} as the cache when sent its job, then exits 0. */
  private FakeLauncher training(byte[] bytes) {
    return training(dir, bytes);
  }

  /** The same, for a cache recorded in {@code where}. */
  private static FakeLauncher training(Path where, byte[] bytes) {
    return new FakeLauncher(s ->
        new FakeChild(
                s.role(),
                s.slot(),
                s.warmups(),
                (child, job) -> {
                  try {
                    Files.write(where.resolve(Sandbox.AOT_FILE), bytes);
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
    return train(key, launcher, training, Optional.empty());
  }

  private boolean train(
      String key, FakeLauncher launcher, AotCache.Training training, Optional<Path> madeAhead)
      throws Exception {
    var cache = new AotCache();
    boolean ok =
        cache
            .train(vertx, dir, key, launcher, training, madeAhead)
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
  void aFirstStartCopiesACacheRecordedAheadForTheSameWorkersWithoutTraining() throws Exception {
    // What prepare leaves beside the jar: a cache recorded in a work folder of its own.
    Path ahead = aheadOf("workers-a", new byte[] {1, 2, 3});

    var first = training(new byte[] {9});
    assertTrue(train("workers-a", first, TRAINING, Optional.of(ahead)));
    assertEquals(0, first.started.size(), "no training run");
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve(Sandbox.AOT_FILE)));
    // Workers, other uids, read it: the folder and the file are open to them.
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve(Sandbox.AOT_FILE))));
    // Copied with its key: a restart keeps it even where the one ahead is gone.
    deleteTree(ahead);
    var restart = training(new byte[] {9});
    assertTrue(train("workers-a", restart, TRAINING, Optional.of(ahead)));
    assertEquals(0, restart.started.size());
  }

  @Test
  void aCacheRecordedAheadForOtherWorkersOrAlteredIsNotUsed() throws Exception {
    Path ahead = aheadOf("workers-a", new byte[] {1, 2, 3});
    var otherWorkers = training(new byte[] {4});
    assertTrue(train("workers-b", otherWorkers, TRAINING, Optional.of(ahead)));
    assertEquals(1, otherWorkers.started.size(), "workers with another key train their own");
    assertArrayEquals(new byte[] {4}, Files.readAllBytes(dir.resolve(Sandbox.AOT_FILE)));

    deleteTree(dir);
    Files.write(ahead.resolve(Sandbox.AOT_FILE), new byte[] {6, 6});
    var altered = training(new byte[] {5});
    assertTrue(train("workers-a", altered, TRAINING, Optional.of(ahead)));
    assertEquals(1, altered.started.size(), "a cache ahead whose bytes changed is not trusted");
    assertArrayEquals(new byte[] {5}, Files.readAllBytes(dir.resolve(Sandbox.AOT_FILE)));
  }

  /** A cache recorded for {@code key} in a work folder of its own, then copied ahead. */
  private Path aheadOf(String key, byte[] bytes) throws Exception {
    Path elsewhere = ahead.resolve("work");
    assertTrue(
        new AotCache()
            .train(vertx, elsewhere, key, training(elsewhere, bytes), TRAINING, Optional.empty())
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS));
    Path beside = ahead.resolve("worker-runtimes/aot");
    AotCache.copy(elsewhere, beside);
    assertTrue(AotCache.intact(beside, key));
    return beside;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
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
