package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Which threads a worker counts as its own: those there when its tracker was made, and those its
 * own set-up started beside it, once it settles. (The JVM runs with the worker's export of
 * jdk.internal.vm, as workers do.)
 */
class SpanTrackerTest {
  private final SpanTracker spans =
      new SpanTracker(
          new Protocol(OutputStream.nullOutputStream()),
          new Lanes(name -> false),
          Thread.currentThread());

  @Test
  void threadsStartedBesideTheSetUpAreTheWorkersOnceItSettles() throws Exception {
    var hold = new CountDownLatch(1);
    Thread setUp = Thread.ofPlatform().name("HTTP-Dispatcher").start(() -> await(hold));
    try {
      assertThat(spans.existedBefore(Thread.currentThread())).isTrue();
      assertThat(spans.existedBefore(setUp)).isFalse();

      spans.settle();
      Thread program = Thread.ofPlatform().name("download").start(() -> await(hold));
      try {
        assertThat(spans.existedBefore(setUp)).isTrue();
        assertThat(spans.existedBefore(program)).isFalse();
      } finally {
        hold.countDown();
        program.join();
      }
    } finally {
      hold.countDown();
      setUp.join();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
