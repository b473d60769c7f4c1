package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JDK's default thread names, told apart from names a program chose. */
class DefaultNamesTest {
  /** What the hand-written matcher replaces, kept here as its specification. */
  private static final Pattern SPEC =
      Pattern.compile("|Thread-\\d+|pool-\\d+-thread-\\d+|ForkJoinPool[-.\\w]*-worker-\\d+");

  @Test
  void agreesWithThePatternItReplaces() {
    String[] names = {
      "",
      "Thread-0",
      "Thread-12",
      "Thread-",
      "Thread-1a",
      "thread-1",
      "pool-1-thread-1",
      "pool-12-thread-345",
      "pool--thread-1",
      "pool-1-thread-",
      "pool-x-thread-1",
      "pool-1-thread-1-thread-2",
      "ForkJoinPool.commonPool-worker-1",
      "ForkJoinPool-1-worker-3",
      "ForkJoinPool-worker-1",
      "ForkJoinPool_a.b-worker-10",
      "ForkJoinPool-1-worker-",
      "ForkJoinPool-1 worker-1",
      "ForkJoinPoolé-worker-1",
      "ForkJoinPool-1-worker-1x",
      "download",
      "worker-1",
      "main",
      "Thread-1 ",
      " Thread-1"
    };
    for (String name : names) {
      assertThat(DefaultNames.isDefault(name)).as(name).isEqualTo(SPEC.matcher(name).matches());
    }
  }

  @Test
  void theJdksOwnDefaultsAreDefaults() throws Exception {
    assertThat(DefaultNames.isDefault(new Thread(() -> {}).getName())).isTrue();
    try (var pool = Executors.newFixedThreadPool(1)) {
      String name = pool.submit(() -> Thread.currentThread().getName()).get();
      assertThat(DefaultNames.isDefault(name)).as(name).isTrue();
    }
    String common = ForkJoinPool.commonPool().submit(() -> Thread.currentThread().getName()).get();
    assertThat(DefaultNames.isDefault(common)).as(common).isTrue();
    try (var pool = new ForkJoinPool(1)) {
      String name = pool.submit(() -> Thread.currentThread().getName()).get();
      assertThat(DefaultNames.isDefault(name)).as(name).isTrue();
    }
  }
}
