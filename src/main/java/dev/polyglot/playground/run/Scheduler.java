package dev.polyglot.playground.run;

import dev.polyglot.playground.run.RunEvent.Error.Reason;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission in front of a {@link Runner}: at most {@code concurrency} runs execute at once, the
 * rest wait in a FIFO queue of at most {@code maxQueue}, and each waiting run hears its position
 * again whenever it moves. Beyond the queue a run is refused ({@code busy}) with a retry hint.
 *
 * <p>It also owns an orderly shutdown: no new runs, the ones in flight get a grace period, and what
 * is left then ends with {@code shutting-down}.
 *
 * <pre>
 *   start ─┬─ slot free ─────────────► inner.start ─ done ─► next()
 *          ├─ queue has room ─ queued(n) ... next() ──┘
 *          ├─ queue full ────────────► error busy
 *          └─ shutting down ─────────► error shutting-down
 *   shutdown(grace) ─ wait for every run ─ grace over? stop the rest (shutting-down) ─ done
 * </pre>
 *
 * <p>Requests arrive on several event loops, so the queue is guarded by this object's monitor;
 * events always go out on the context of the caller that started the run.
 */
public final class Scheduler implements Runner {
  /** How long shutdown waits for stopped runs to deliver their last event. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final Runner inner;
  private final int concurrency;
  private final int maxQueue;
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private final Set<Run> running = new LinkedHashSet<>();
  private boolean closing;

  private record Waiting(RunRequest request, Handler<RunEvent> events, Run run, Context context) {}

  public Scheduler(Vertx vertx, Runner inner, int concurrency, int maxQueue) {
    this.vertx = vertx;
    this.inner = inner;
    this.concurrency = concurrency;
    this.maxQueue = maxQueue;
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    Context context = vertx.getOrCreateContext();
    Run run = new Run();
    Waiting waiting = new Waiting(request, untilTerminal(events), run, context);
    RunEvent refusal = null;
    int position = 0;
    synchronized (this) {
      if (closing) {
        refusal = RunEvent.Error.shuttingDown();
      } else if (running.size() < concurrency) {
        running.add(run);
      } else if (queue.size() >= maxQueue) {
        refusal =
            new RunEvent.Error(
                Reason.BUSY,
                "The playground is busy: %d runs are waiting. Please try again in a few seconds."
                    .formatted(maxQueue));
      } else {
        queue.addLast(waiting);
        position = queue.size();
      }
    }
    if (refusal != null) {
      waiting.events().handle(refusal);
      run.finish();
    } else if (position == 0) {
      launch(waiting);
    } else {
      waiting.events().handle(new RunEvent.Queued(position));
      run.onCancel(why -> leaveQueue(waiting, why));
    }
    return run;
  }

  private void launch(Waiting w) {
    Run inner = this.inner.start(w.request(), w.events());
    w.run().onCancel(inner::cancel);
    inner
        .done()
        .onComplete(x -> {
          w.run().finish();
          next(w.run());
        });
  }

  private void leaveQueue(Waiting waiting, Reason why) {
    boolean removed;
    synchronized (this) {
      removed = queue.remove(waiting);
    }
    if (removed) {
      waiting
          .context()
          .runOnContext(v -> {
            waiting
                .events()
                .handle(
                    why == Reason.SHUTTING_DOWN
                        ? RunEvent.Error.shuttingDown()
                        : new RunEvent.Error(Reason.CANCELLED, "Cancelled before it started."));
            waiting.run().finish();
          });
      announcePositions();
    }
  }

  /** {@code finished}'s slot is free: start the oldest waiting run, and tell the others. */
  private void next(Run finished) {
    Waiting head;
    synchronized (this) {
      running.remove(finished);
      head = queue.pollFirst();
      if (head == null) {
        return;
      }
      running.add(head.run());
    }
    head.context().runOnContext(v -> launch(head));
    announcePositions();
  }

  private void announcePositions() {
    List<Waiting> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(queue);
    }
    for (int i = 0; i < snapshot.size(); i++) {
      Waiting w = snapshot.get(i);
      int position = i + 1;
      w.context().runOnContext(v -> w.events().handle(new RunEvent.Queued(position)));
    }
  }

  /**
   * Stops taking runs, lets those in flight (running or queued) finish for up to {@code grace},
   * then stops the rest, each with {@code shutting-down}. Completes when every run has ended, at
   * most a few seconds after the grace period.
   */
  public Future<Void> shutdown(Duration grace) {
    List<Run> inFlight;
    synchronized (this) {
      closing = true;
      inFlight = new ArrayList<>(running);
      queue.forEach(w -> inFlight.add(w.run()));
    }
    Future<Void> all =
        Future.join(inFlight.stream().map(Run::done).toList()).<Void>mapEmpty().otherwiseEmpty();
    if (inFlight.isEmpty()) {
      return all;
    }
    Promise<Void> ended = Promise.promise();
    long timer =
        vertx.setTimer(
            Math.max(1, grace.toMillis()),
            t -> {
              inFlight.forEach(run -> run.cancel(Reason.SHUTTING_DOWN));
              // A stopped run ends as soon as its process is gone; never wait for one for ever.
              vertx.setTimer(STOP_WAIT.toMillis(), u -> ended.tryComplete());
            });
    all.onComplete(x -> {
      vertx.cancelTimer(timer);
      ended.tryComplete();
    });
    return ended.future();
  }

  /**
   * Queue positions are announced from snapshots, so a late one could trail a run that was just
   * cancelled; nothing may follow a run's last event.
   */
  private static Handler<RunEvent> untilTerminal(Handler<RunEvent> events) {
    var ended = new AtomicBoolean();
    return event -> {
      if (!ended.get()) {
        ended.set(event.terminal());
        events.handle(event);
      }
    };
  }

  @Override
  public synchronized JsonObject status() {
    return inner
        .status()
        .put("running", running.size())
        .put("queued", queue.size())
        .put("maxRuns", concurrency)
        .put("maxQueue", maxQueue);
  }

  @Override
  public Future<Void> close() {
    return inner.close();
  }
}
