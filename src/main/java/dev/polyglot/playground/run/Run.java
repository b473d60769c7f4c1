package dev.polyglot.playground.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A run in progress: it can be stopped, and {@link #done()} completes after its last event. A stop
 * says why: the client cancelled it, or the server is shutting down.
 */
public final class Run {
  private final Promise<Void> done = Promise.promise();
  private final AtomicReference<Consumer<RunEvent.Error.Reason>> canceller =
      new AtomicReference<>(why -> {});

  /** Sets what stopping does at the run's current stage (queued, compiling, running). */
  public void onCancel(Consumer<RunEvent.Error.Reason> action) {
    canceller.set(action);
  }

  /** The client does not want it any more. */
  public void cancel() {
    cancel(RunEvent.Error.Reason.CANCELLED);
  }

  /** Stops the run; {@code why} is {@code CANCELLED} or {@code SHUTTING_DOWN}. */
  public void cancel(RunEvent.Error.Reason why) {
    canceller.get().accept(why);
  }

  public Future<Void> done() {
    return done.future();
  }

  public boolean finished() {
    return done.future().isComplete();
  }

  /** Called by runners once the terminal event has been delivered. */
  public void finish() {
    done.tryComplete();
  }
}
