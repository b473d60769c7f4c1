package dev.polyglot.playground.run;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Admission in front of a {@link Runner}: at most {@code concurrency} runs execute at once, the
 * rest wait in a FIFO queue of at most {@code maxQueue}, and each waiting run hears its position
 * again whenever it moves. Beyond the queue a run is refused with a retry hint.
 *
 * <p>Requests arrive on several event loops, so the queue is guarded by this object's monitor;
 * events always go out on the context of the caller that started the run.
 */
public final class Scheduler implements Runner {
  private final Vertx vertx;
  private final Runner inner;
  private final int concurrency;
  private final int maxQueue;
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private int running;

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
    int position;
    synchronized (this) {
      if (running < concurrency) {
        running++;
        position = 0;
      } else if (queue.size() >= maxQueue) {
        position = -1;
      } else {
        queue.addLast(waiting);
        position = queue.size();
      }
    }
    if (position == 0) {
      launch(waiting);
    } else if (position < 0) {
      waiting
          .events()
          .handle(
              new RunEvent.Error(
                  "The playground is busy: %d runs are waiting. Please try again in a few seconds."
                      .formatted(maxQueue)));
      run.finish();
    } else {
      waiting.events().handle(new RunEvent.Queued(position));
      run.onCancel(() -> leaveQueue(waiting));
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
          next();
        });
  }

  private void leaveQueue(Waiting waiting) {
    boolean removed;
    synchronized (this) {
      removed = queue.remove(waiting);
    }
    if (removed) {
      waiting
          .context()
          .runOnContext(v -> {
            waiting.events().handle(new RunEvent.Error("Cancelled before it started."));
            waiting.run().finish();
          });
      announcePositions();
    }
  }

  /** A slot is free: start the oldest waiting run, and tell the others they moved up. */
  private void next() {
    Waiting head;
    synchronized (this) {
      head = queue.pollFirst();
      if (head == null) {
        running--;
        return;
      }
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
   * Queue positions are announced from snapshots, so a late one could trail a run that was just
   * cancelled; nothing may follow a run's last event.
   */
  private static Handler<RunEvent> untilTerminal(Handler<RunEvent> events) {
    var ended = new java.util.concurrent.atomic.AtomicBoolean();
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
        .put("running", running)
        .put("queued", queue.size())
        .put("maxRuns", concurrency)
        .put("maxQueue", maxQueue);
  }

  @Override
  public Future<Void> close() {
    return inner.close();
  }
}
