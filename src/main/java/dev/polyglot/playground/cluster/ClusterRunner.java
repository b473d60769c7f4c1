package dev.polyglot.playground.cluster;

import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.Runner;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A web node's {@link Runner}: places each run on the executor with the most room, as their
 * heartbeats report it, and relays the events that come back, checking that their {@code seq} has
 * no gap. With no room anywhere, runs wait here in a FIFO queue and hear their position.
 *
 * <pre>
 *   start ─┬─ no executor at all ─────────► error unavailable
 *          ├─ shutting down ──────────────► error shutting-down
 *          ├─ one has room ─ Offer ─ events … ─ terminal ─ pump()
 *          └─ none has room ─ queued(n) … beat or end ─ pump()
 *   an executor silent for 3 s ─ each of its runs ─► error worker-lost
 *   an event out of sequence ─► error internal, and the run is cancelled there
 * </pre>
 *
 * <p>Everything runs on the context {@link #start()} was called on; each run's events go out on the
 * context of the caller that started it.
 */
public final class ClusterRunner implements Runner {
  private static final System.Logger LOG = System.getLogger(ClusterRunner.class.getName());
  private static final long OFFER_TIMEOUT_MS = 5_000;
  private static final int OFFER_ATTEMPTS = 3;
  private static final Duration STOP_WAIT = Duration.ofSeconds(3);

  private final Vertx vertx;
  private final int maxQueue;
  private final MeterRegistry metrics;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Known> executors = new ConcurrentHashMap<>();
  private final Map<String, Placed> placed = new ConcurrentHashMap<>();
  private final Deque<Pending> queue = new ArrayDeque<>();
  private final AtomicLong runIds = new AtomicLong();
  private Context home;
  private MessageConsumer<JsonObject> events;
  private MessageConsumer<JsonObject> beats;
  private long timer = -1;
  private boolean closing;

  /**
   * An executor as its last heartbeat showed it, less what was placed on it since. Immutable, and
   * replaced on change, since /health reads it from other threads.
   */
  private record Known(Bus.ExecutorBeat beat, long heard, int placedSinceBeat) {
    int room() {
      return beat.room() - placedSinceBeat;
    }

    Known placedOne() {
      return new Known(beat, heard, placedSinceBeat + 1);
    }
  }

  /** A run waiting here for room. */
  private record Pending(
      RunRequest request, Handler<RunEvent> events, Run run, Context context, int attempts) {}

  /** A run on an executor: the seq its next event must have. */
  private static final class Placed {
    final Pending pending;
    final String runId;
    final String executor;
    long nextSeq = 1;

    Placed(Pending pending, String runId, String executor) {
      this.pending = pending;
      this.runId = runId;
      this.executor = executor;
    }
  }

  public ClusterRunner(Vertx vertx, int maxQueue, MeterRegistry metrics) {
    this.vertx = vertx;
    this.maxQueue = maxQueue;
    this.metrics = metrics;
  }

  /** Listens for executors and for the events of runs, and starts beating. */
  public Future<Void> start() {
    home = vertx.getOrCreateContext();
    events = vertx.eventBus().consumer(Bus.web(id), m -> onEvent(m.body()));
    beats = vertx.eventBus().consumer(Bus.EXECUTORS, m -> onBeat(m.body()));
    timer =
        vertx.setPeriodic(
            0,
            ExecutorNode.BEAT_MS,
            t -> {
              vertx.eventBus().publish(Bus.WEBS, Bus.encode(new Bus.WebBeat(id)));
              dropSilentExecutors();
            });
    return Future.join(events.completion(), beats.completion()).mapEmpty();
  }

  public String id() {
    return id;
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> handler) {
    Run run = new Run();
    var pending = new Pending(request, untilTerminal(handler), run, vertx.getOrCreateContext(), 0);
    home.runOnContext(v -> admit(pending));
    return run;
  }

  private void admit(Pending p) {
    if (closing) {
      end(p, RunEvent.Error.shuttingDown());
    } else if (executors.isEmpty()) {
      count("refused", "none");
      end(
          p,
          new RunEvent.Error(
              Reason.UNAVAILABLE,
              "No executor is up to run code right now. Please try again in a minute; if this"
                  + " lasts, the site's operator needs to start one (ROLE=executor)."));
    } else if (queue.isEmpty() && place(p)) {
      return;
    } else if (queue.size() >= maxQueue) {
      count("refused", "none");
      end(
          p,
          new RunEvent.Error(
              Reason.BUSY,
              "The playground is busy: %d runs are waiting. Please try again in a few seconds."
                  .formatted(maxQueue)));
    } else {
      queue.addLast(p);
      count("queued", "none");
      deliver(p, new RunEvent.Queued(queue.size()));
      p.run().onCancel(why -> home.runOnContext(v -> leaveQueue(p, why)));
    }
  }

  /** Offers the run to the executor with the most room; false when none has any. */
  private boolean place(Pending p) {
    Known best =
        executors.values().stream()
            .filter(k -> k.room() > 0)
            .max(Comparator.comparingInt(Known::room))
            .orElse(null);
    if (best == null) {
      return false;
    }
    String executor = best.beat().id();
    executors.computeIfPresent(executor, (id, known) -> known.placedOne());
    String runId = id + "-" + runIds.incrementAndGet();
    var placement = new Placed(p, runId, executor);
    placed.put(runId, placement);
    p.run().onCancel(why -> home.runOnContext(v -> cancelOn(placement, why)));
    vertx
        .eventBus()
        .request(
            Bus.executor(executor),
            Bus.encode(new Bus.Offer(id, runId, p.request())),
            new DeliveryOptions().setSendTimeout(OFFER_TIMEOUT_MS))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            count("placed", executor);
            return;
          }
          // Never reached the executor (gone, or not listening yet): place it again elsewhere.
          if (placed.remove(runId) == null) {
            return;
          }
          // Whether that executor is gone is for its heartbeats to tell: its other runs stay.
          LOG.log(Level.WARNING, "offer to executor " + executor + " failed: " + ar.cause());
          var again = new Pending(p.request(), p.events(), p.run(), p.context(), p.attempts() + 1);
          if (again.attempts() >= OFFER_ATTEMPTS || p.run().finished()) {
            end(again, new RunEvent.Error(Reason.UNAVAILABLE, "No executor took this run."));
          } else {
            queue.addFirst(again);
            pump();
          }
        });
    return true;
  }

  private void onEvent(JsonObject body) {
    Bus.Message message;
    try {
      message = Bus.decode(body);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "dropped a message from the cluster: " + e.getMessage());
      return;
    }
    if (!(message instanceof Bus.Event(String runId, long seq, RunEvent event))) {
      return;
    }
    Placed p = placed.get(runId);
    if (p == null) {
      return; // already ended here (lost, or out of sequence)
    }
    if (seq != p.nextSeq) {
      placed.remove(runId);
      LOG.log(
          Level.ERROR, "run %s: event %d arrived, expected %d".formatted(runId, seq, p.nextSeq));
      sendCancel(p, Reason.CANCELLED);
      end(
          p.pending,
          new RunEvent.Error(
              Reason.INTERNAL,
              "Some of this run's events were lost between the playground's servers; please run"
                  + " it again."));
      pump();
      return;
    }
    p.nextSeq++;
    deliver(p.pending, event);
    if (event.terminal()) {
      placed.remove(runId);
      p.pending.context().runOnContext(v -> p.pending.run().finish());
      pump();
    }
  }

  private void onBeat(JsonObject body) {
    if (!(Bus.decode(body) instanceof Bus.ExecutorBeat beat)) {
      return;
    }
    if (executors.put(beat.id(), new Known(beat, System.nanoTime(), 0)) == null) {
      LOG.log(Level.INFO, "executor " + beat.id() + " joined, room for " + beat.room());
    }
    pump();
  }

  /** Executors silent for too long are gone, and so are the runs they had. */
  private void dropSilentExecutors() {
    long now = System.nanoTime();
    List<String> gone = new ArrayList<>();
    executors.forEach((executor, known) -> {
      if (now - known.heard() > ExecutorNode.SILENCE_MS * 1_000_000) {
        gone.add(executor);
      }
    });
    for (String executor : gone) {
      executors.remove(executor);
      List<Placed> lost =
          placed.values().stream().filter(p -> p.executor.equals(executor)).toList();
      LOG.log(Level.WARNING, "executor %s is gone with %d runs".formatted(executor, lost.size()));
      for (Placed p : lost) {
        placed.remove(p.runId);
        count("lost", executor);
        end(
            p.pending,
            new RunEvent.Error(
                Reason.WORKER_LOST,
                "The server running this program went away. Please run it again."));
      }
    }
    if (executors.isEmpty()) {
      // Nobody will take them: say so now rather than leave them waiting.
      while (!queue.isEmpty()) {
        end(
            queue.pollFirst(),
            new RunEvent.Error(Reason.UNAVAILABLE, "No executor is up to run code right now."));
      }
    }
  }

  /** Places waiting runs while an executor has room, and tells the rest their place. */
  private void pump() {
    boolean moved = false;
    while (!queue.isEmpty() && !queue.peekFirst().run().finished()) {
      if (!place(queue.peekFirst())) {
        break;
      }
      queue.pollFirst();
      moved = true;
    }
    if (moved) {
      int position = 0;
      for (Pending p : queue) {
        deliver(p, new RunEvent.Queued(++position));
      }
    }
  }

  private void leaveQueue(Pending p, Reason why) {
    if (queue.remove(p)) {
      end(
          p,
          why == Reason.SHUTTING_DOWN
              ? RunEvent.Error.shuttingDown()
              : new RunEvent.Error(Reason.CANCELLED, "Cancelled before it started."));
      pump();
    }
  }

  private void cancelOn(Placed p, Reason why) {
    if (placed.containsKey(p.runId)) {
      sendCancel(p, why);
    }
  }

  private void sendCancel(Placed p, Reason why) {
    vertx.eventBus().send(Bus.executor(p.executor), Bus.encode(new Bus.Cancel(id, p.runId, why)));
  }

  private static void deliver(Pending p, RunEvent event) {
    p.context().runOnContext(v -> p.events().handle(event));
  }

  private static void end(Pending p, RunEvent.Error error) {
    p.context()
        .runOnContext(v -> {
          p.events().handle(error);
          p.run().finish();
        });
  }

  private void count(String outcome, String executor) {
    metrics
        .counter("playground.cluster.runs", "outcome", outcome, "executor", executor)
        .increment();
  }

  private static Handler<RunEvent> untilTerminal(Handler<RunEvent> events) {
    boolean[] ended = {false};
    return event -> {
      if (!ended[0]) {
        ended[0] = event.terminal();
        events.handle(event);
      }
    };
  }

  @Override
  public JsonObject status() {
    var list = new JsonArray();
    // Read on whatever thread asks: a snapshot that may be a heartbeat old is fine for /health.
    for (Known k : List.copyOf(executors.values())) {
      var beat = k.beat();
      long running = placed.values().stream().filter(p -> p.executor.equals(beat.id())).count();
      list.add(
          new JsonObject()
              .put("id", beat.id())
              .put("capacity", beat.capacity())
              .put("running", beat.running())
              .put("room", beat.room())
              .put("queued", beat.queued())
              .put("fromHere", running));
    }
    return new JsonObject()
        .put("mode", "cluster")
        .put("running", placed.size())
        .put("queued", queue.size())
        .put("maxQueue", maxQueue)
        .put(
            "cluster",
            new JsonObject().put("role", Role.WEB.wireName()).put("id", id).put("executors", list));
  }

  @Override
  public Future<Void> shutdown(Duration grace) {
    Promise<Void> done = Promise.promise();
    home.runOnContext(v -> {
      closing = true;
      List<Run> inFlight = new ArrayList<>();
      queue.forEach(p -> inFlight.add(p.run()));
      placed.values().forEach(p -> inFlight.add(p.pending.run()));
      Future<Void> all =
          Future.join(inFlight.stream().map(Run::done).toList()).<Void>mapEmpty().otherwiseEmpty();
      long t =
          vertx.setTimer(
              Math.max(1, grace.toMillis()),
              x -> {
                inFlight.forEach(r -> r.cancel(Reason.SHUTTING_DOWN));
                vertx.setTimer(
                    STOP_WAIT.toMillis(),
                    y -> {
                      List.copyOf(placed.values())
                          .forEach(p -> {
                            placed.remove(p.runId);
                            end(p.pending, RunEvent.Error.shuttingDown());
                          });
                      done.tryComplete();
                    });
              });
      all.onComplete(x -> {
        vertx.cancelTimer(t);
        done.tryComplete();
      });
    });
    return done.future();
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return Future.join(events.unregister(), beats.unregister()).<Void>mapEmpty().otherwiseEmpty();
  }
}
