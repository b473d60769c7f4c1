package dev.polyglot.playground.run;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * Runs Java programs and reports what they do as {@link RunEvent}s. The real one starts sandboxed
 * child JVMs; tests of transports and pages use a fake with the same contract:
 *
 * <ul>
 *   <li>events reach {@code events} in order, on the Vert.x context that called {@link #start};
 *   <li>the last event is exactly one {@link RunEvent.Exit} or {@link RunEvent.Error};
 *   <li>{@link Run#cancel()} ends the run promptly and still delivers that last event.
 * </ul>
 */
public interface Runner {

  Run start(RunRequest request, Handler<RunEvent> events);

  /** What {@code /health} shows about running code: the sandbox mode, pool and queue sizes. */
  JsonObject status();

  /**
   * Processes this runner is starting outside any run, such as warm workers for a pool: admission
   * takes each to use a core while it starts, rather than mistake it for a busy program.
   */
  default int backgroundStarts() {
    return 0;
  }

  /**
   * Stops taking runs and lets those in flight finish for up to {@code grace}, then stops the rest
   * ({@code shutting-down}); completes when every run has ended. Runners without runs of their own
   * to wait for have nothing to do.
   */
  default Future<Void> shutdown(java.time.Duration grace) {
    return Future.succeededFuture();
  }

  Future<Void> close();
}
