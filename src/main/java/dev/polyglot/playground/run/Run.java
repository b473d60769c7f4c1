package dev.polyglot.playground.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicReference;

/** A run in progress: it can be cancelled, and {@link #done()} completes after its last event. */
public final class Run {
  private final Promise<Void> done = Promise.promise();
  private final AtomicReference<Runnable> canceller = new AtomicReference<>(() -> {});

  /** Sets what cancelling does at the run's current stage (queued, compiling, running). */
  public void onCancel(Runnable action) {
    canceller.set(action);
  }

  public void cancel() {
    canceller.get().run();
  }

  public Future<Void> done() {
    return done.future();
  }

  /** Called by runners once the terminal event has been delivered. */
  public void finish() {
    done.tryComplete();
  }
}
