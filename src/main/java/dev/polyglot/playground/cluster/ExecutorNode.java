package dev.polyglot.playground.cluster;

import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An executor's side of the cluster: takes runs offered by web nodes, runs them through this node's
 * own {@link Scheduler} (so they are admitted by this machine's memory and CPU), and sends each
 * event back numbered. Each second it publishes how much room it has.
 *
 * <p>A web node that stops beating for {@link #SILENCE_MS} ms is taken for gone, and its runs are
 * cancelled, which kills their processes: nobody is left to watch them.
 *
 * <p>Everything runs on the context that {@link #start} was called on.
 */
public final class ExecutorNode {
  private static final System.Logger LOG = System.getLogger(ExecutorNode.class.getName());

  /** Heartbeats go out this often. */
  static final long BEAT_MS = 1_000;

  /** A node silent this long is taken for gone. */
  static final long SILENCE_MS = 3_000;

  private final Vertx vertx;
  private final Scheduler scheduler;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  // Written on this node's context; read by /health from other event loops.
  private final Map<String, Long> websHeard = new ConcurrentHashMap<>();
  private final Map<String, Live> runs = new ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> offers;
  private MessageConsumer<JsonObject> webBeats;
  private long timer = -1;

  /** A run taken from a web node. */
  private static final class Live {
    final String web;
    Run run;
    long seq;

    Live(String web) {
      this.web = web;
    }
  }

  public ExecutorNode(Vertx vertx, Scheduler scheduler) {
    this.vertx = vertx;
    this.scheduler = scheduler;
  }

  public String id() {
    return id;
  }

  public Future<Void> start() {
    offers = vertx.eventBus().consumer(Bus.executor(id), this::onMessage);
    webBeats =
        vertx
            .eventBus()
            .consumer(
                Bus.WEBS,
                m -> {
                  if (Bus.decode(m.body()) instanceof Bus.WebBeat(String web)) {
                    websHeard.put(web, System.nanoTime());
                  }
                });
    timer = vertx.setPeriodic(0, BEAT_MS, t -> beat());
    return Future.join(offers.completion(), webBeats.completion()).mapEmpty();
  }

  private void onMessage(Message<JsonObject> message) {
    Bus.Message decoded;
    try {
      decoded = Bus.decode(message.body());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "dropped a message from the cluster: " + e.getMessage());
      message.fail(400, e.getMessage());
      return;
    }
    switch (decoded) {
      case Bus.Offer offer -> {
        take(offer);
        message.reply(new JsonObject().put("executor", id));
      }
      case Bus.Cancel cancel -> {
        Live live = runs.get(key(cancel.web(), cancel.run()));
        if (live != null && live.run != null) {
          live.run.cancel(cancel.reason());
        }
      }
      default -> message.fail(400, "not for an executor: " + decoded.getClass().getSimpleName());
    }
  }

  private void take(Bus.Offer offer) {
    String key = key(offer.web(), offer.run());
    if (runs.containsKey(key)) {
      return; // an offer sent twice
    }
    websHeard.putIfAbsent(offer.web(), System.nanoTime());
    var live = new Live(offer.web());
    runs.put(key, live);
    String to = Bus.web(offer.web());
    live.run =
        scheduler.start(
            offer.request(),
            event -> {
              vertx.eventBus().send(to, Bus.encode(new Bus.Event(offer.run(), ++live.seq, event)));
              if (event.terminal()) {
                runs.remove(key, live);
              }
            });
  }

  private void beat() {
    var status = scheduler.status();
    int running = status.getInteger("running", 0);
    int room = scheduler.room();
    vertx
        .eventBus()
        .publish(
            Bus.EXECUTORS,
            Bus.encode(
                new Bus.ExecutorBeat(
                    id, running + room, room, running, status.getInteger("queued", 0))));
    long now = System.nanoTime();
    websHeard.values().removeIf(heard -> now - heard > 10 * SILENCE_MS * 1_000_000);
    for (Live live : List.copyOf(runs.values())) {
      Long heard = websHeard.get(live.web);
      if (heard == null || now - heard > SILENCE_MS * 1_000_000) {
        LOG.log(Level.WARNING, "web node " + live.web + " is gone; stopping its runs");
        live.run.cancel(RunEvent.Error.Reason.CANCELLED);
      }
    }
  }

  /** What /health shows of this node's place in the cluster. */
  public JsonObject status() {
    var byWeb = new JsonObject();
    for (Live live : List.copyOf(runs.values())) {
      byWeb.put(live.web, byWeb.getInteger(live.web, 0) + 1);
    }
    return new JsonObject()
        .put("role", Role.EXECUTOR.wireName())
        .put("id", id)
        .put("webs", new JsonArray(List.copyOf(websHeard.keySet())))
        .put("runsByWeb", byWeb);
  }

  /** Stops taking offers and beating; the scheduler's own shutdown ends the runs. */
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return Future.join(offers.unregister(), webBeats.unregister()).mapEmpty();
  }

  private static String key(String web, String run) {
    return web + "/" + run;
  }
}
