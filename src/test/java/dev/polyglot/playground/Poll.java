package dev.polyglot.playground;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The one way tests wait for something that happens in its own time. */
public final class Poll {
  private Poll() {}

  /** Blocks until {@code done} holds, checking every 20 ms; fails after {@code within}. */
  public static void until(String what, Duration within, BooleanSupplier done) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + within.toSeconds() + " s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The same for tests on an event loop: completes once {@code done} holds. */
  public static Future<Void> eventually(Vertx vertx, BooleanSupplier done) {
    Promise<Void> promise = Promise.promise();
    vertx.setPeriodic(
        20,
        id -> {
          if (done.getAsBoolean()) {
            vertx.cancelTimer(id);
            promise.tryComplete();
          }
        });
    return promise.future();
  }
}
