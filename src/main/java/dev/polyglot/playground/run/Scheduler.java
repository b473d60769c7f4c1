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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission in front of a {@link Runner}: a run starts as soon as the node has room for it, as its
 * {@link Gauge} measures and its {@link Admission} judges (memory, CPU, starts in progress). Until
 * then it waits in a FIFO queue of at most {@code maxQueue} and hears its position again whenever
 * it moves. Beyond the queue a run is refused ({@code busy}) with a retry hint.
 *
 * <p>The runner may still be starting (the sandbox probed, the workers' files written) while pages
 * are already served: until it is up, runs wait in the same queue, and if it cannot start they end
 * with {@code unavailable}.
 *
 * <p>It also owns an orderly shutdown: no new runs, the ones in flight get a grace period, and what
 * is left then ends with {@code shutting-down}.
 *
 * <pre>
 *   start ─┬─ nothing queued, room now ─► inner.start ─ started ─ done ─► pump()
 *          ├─ queue has room ─ queued(n) ... pump() ──┘
 *          ├─ queue full ────────────► error busy
 *          └─ shutting down ─────────► error shutting-down
 *   pump(): on every start, every end and every tick while runs wait: admit from the head
 *   shutdown(grace) ─ wait for every run ─ grace over? stop the rest (shutting-down) ─ done
 * </pre>
 *
 * <p>Requests arrive on several event loops, so the queue is guarded by this object's monitor;
 * events always go out on the context of the caller that started the run.
 */
public final class Scheduler implements Runner {
  /** How long shutdown waits for stopped runs to deliver their last event. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  /** How often waiting runs are reconsidered when nothing else happens: resources free slowly. */
  static final long RETRY_MS = 100;

  private final Vertx vertx;
  private final Future<Runner> created;

  /** Null until {@link #created} succeeds; set under this object's monitor. */
  private Runner inner;

  /** Why the runner could not start, once it could not. */
  private String unavailable;

  private final Admission admission;
  private final Gauge gauge;
  private final int maxQueue;
  private final Deque<Entry> queue = new ArrayDeque<>();
  private final Set<Run> running = new LinkedHashSet<>();
  private final Set<Run> starting = new HashSet<>();
  private Admission.Verdict lastVerdict = Admission.Verdict.ADMIT;
  private long retryTimer = -1;
  private boolean closing;

  private record Entry(RunRequest request, Handler<RunEvent> events, Run run, Context context) {}

  public Scheduler(Vertx vertx, Runner inner, Admission admission, Gauge gauge, int maxQueue) {
    this(vertx, Future.succeededFuture(inner), admission, gauge, maxQueue);
  }

  /** In front of a runner that is still starting: runs queue until it is up. */
  public Scheduler(
      Vertx vertx, Future<Runner> created, Admission admission, Gauge gauge, int maxQueue) {
    this.vertx = vertx;
    this.created = created;
    this.admission = admission;
    this.gauge = gauge;
    this.maxQueue = maxQueue;
    created.onComplete(ar -> {
      if (ar.succeeded()) {
        synchronized (this) {
          inner = ar.result();
        }
        pump();
      } else {
        refuseAll(ar.cause());
      }
    });
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    Context context = vertx.getOrCreateContext();
    Run run = new Run();
    Entry entry = new Entry(request, watch(run, untilTerminal(events)), run, context);
    RunEvent refusal = null;
    int position = 0;
    synchronized (this) {
      if (closing) {
        refusal = RunEvent.Error.shuttingDown();
      } else if (unavailable != null) {
        refusal = unavailable();
      } else if (queue.isEmpty() && admit()) {
        running.add(run);
        starting.add(run);
      } else if (queue.size() >= maxQueue) {
        refusal =
            new RunEvent.Error(
                Reason.BUSY,
                "The playground is busy: %d runs are waiting. Please try again in a few seconds."
                    .formatted(maxQueue));
      } else {
        queue.addLast(entry);
        position = queue.size();
        scheduleRetry();
      }
    }
    if (refusal != null) {
      entry.events().handle(refusal);
      run.finish();
    } else if (position == 0) {
      launch(entry);
    } else {
      entry.events().handle(new RunEvent.Queued(position));
      run.onCancel(why -> leaveQueue(entry, why));
    }
    return run;
  }

  /** Holds this object's monitor: may one more run start now? */
  private boolean admit() {
    lastVerdict =
        inner == null
            ? Admission.Verdict.RUNNER_STARTING
            : admission.decide(
                gauge.read(), running.size(), starting.size(), inner.backgroundStarts());
    return lastVerdict == Admission.Verdict.ADMIT;
  }

  /** Holds this object's monitor. */
  private RunEvent.Error unavailable() {
    return new RunEvent.Error(
        Reason.UNAVAILABLE,
        "This server cannot run code: its runner did not start (" + unavailable + ").");
  }

  /** The runner could not start: every waiting run ends, and later ones are refused. */
  private void refuseAll(Throwable cause) {
    List<Entry> waiting;
    RunEvent.Error refusal;
    synchronized (this) {
      unavailable = String.valueOf(cause.getMessage());
      refusal = unavailable();
      waiting = new ArrayList<>(queue);
      queue.clear();
    }
    for (Entry e : waiting) {
      e.context()
          .runOnContext(v -> {
            e.events().handle(refusal);
            e.run().finish();
          });
    }
  }

  private void launch(Entry e) {
    Runner runner;
    synchronized (this) {
      runner = this.inner;
    }
    Run inner = runner.start(e.request(), e.events());
    e.run().onCancel(inner::cancel);
    inner
        .done()
        .onComplete(x -> {
          e.run().finish();
          synchronized (this) {
            running.remove(e.run());
            starting.remove(e.run());
          }
          pump();
        });
  }

  /**
   * Notes when a run has started (its JVM is up and its program runs), since that ends the burst of
   * CPU its start costs and may make room for the next.
   */
  private Handler<RunEvent> watch(Run run, Handler<RunEvent> events) {
    return event -> {
      events.handle(event);
      if (event instanceof RunEvent.Started || event.terminal()) {
        boolean was;
        synchronized (this) {
          was = starting.remove(run);
        }
        if (was) {
          pump();
        }
      }
    };
  }

  private void leaveQueue(Entry entry, Reason why) {
    boolean removed;
    synchronized (this) {
      removed = queue.remove(entry);
    }
    if (removed) {
      entry
          .context()
          .runOnContext(v -> {
            entry
                .events()
                .handle(
                    why == Reason.SHUTTING_DOWN
                        ? RunEvent.Error.shuttingDown()
                        : new RunEvent.Error(Reason.CANCELLED, "Cancelled before it started."));
            entry.run().finish();
          });
      announcePositions();
    }
  }

  /** Starts waiting runs from the head of the queue while there is room, and tells the others. */
  private void pump() {
    List<Entry> admitted = new ArrayList<>();
    synchronized (this) {
      while (!queue.isEmpty() && admit()) {
        Entry head = queue.pollFirst();
        running.add(head.run());
        starting.add(head.run());
        admitted.add(head);
      }
      if (!queue.isEmpty()) {
        scheduleRetry();
      }
    }
    for (Entry e : admitted) {
      e.context().runOnContext(v -> launch(e));
    }
    if (!admitted.isEmpty()) {
      announcePositions();
    }
  }

  /** Holds this object's monitor. One timer at most: waiting runs are reconsidered on its tick. */
  private void scheduleRetry() {
    if (retryTimer < 0) {
      retryTimer =
          vertx.setTimer(
              RETRY_MS,
              t -> {
                synchronized (this) {
                  retryTimer = -1;
                }
                pump();
              });
    }
  }

  private void announcePositions() {
    List<Entry> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(queue);
    }
    for (int i = 0; i < snapshot.size(); i++) {
      Entry w = snapshot.get(i);
      int position = i + 1;
      w.context().runOnContext(v -> w.events().handle(new RunEvent.Queued(position)));
    }
  }

  /**
   * Stops taking runs, lets those in flight (running or queued) finish for up to {@code grace},
   * then stops the rest, each with {@code shutting-down}. Completes when every run has ended, at
   * most a few seconds after the grace period.
   */
  @Override
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
    Gauge.Reading now = gauge.read();
    JsonObject runs;
    if (inner != null) {
      runs = inner.status();
    } else if (unavailable != null) {
      runs = new JsonObject().put("mode", "unavailable").put("problem", unavailable);
    } else {
      runs = new JsonObject().put("mode", "starting");
    }
    return runs.put("running", running.size())
        .put("starting", starting.size())
        .put("queued", queue.size())
        .put("maxRuns", admission.maxRuns())
        .put("maxQueue", maxQueue)
        .put(
            "admission",
            new JsonObject()
                .put("room", room())
                .put("waitingFor", queue.isEmpty() ? null : lastVerdict.wireName())
                .put("availableMb", now.availableBytes() >> 20)
                .put("cpuBusy", Math.round(now.cpuBusy() * 100) / 100.0)
                .put("cores", now.cores())
                .put("runMb", admission.runBytes() >> 20)
                .put("maxStarting", admission.maxStarting()));
  }

  /**
   * How many more runs this node could take now (0 while some wait, or once it is shutting down):
   * what a cluster places by.
   */
  public synchronized int room() {
    return queue.isEmpty() && !closing && inner != null
        ? admission.room(gauge.read(), running.size(), starting.size(), inner.backgroundStarts())
        : 0;
  }

  /** Runs executing now. */
  public synchronized int runningCount() {
    return running.size();
  }

  /** Completes when the runner is up, or fails with why it could not start. */
  public Future<Void> runnerStarted() {
    return created.mapEmpty();
  }

  /** Closes the runner, once it is up: one still starting is closed as soon as it is. */
  @Override
  public Future<Void> close() {
    return created.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
  }
}
