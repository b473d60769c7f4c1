package dev.polyglot.playground.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Poll;
import dev.polyglot.playground.run.Admission;
import dev.polyglot.playground.run.FakeGauge;
import dev.polyglot.playground.run.FakeRunner;
import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.Scheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Web and executor sides of the cluster on one local event bus, with fake runners and hand-made
 * executors: placement, queueing, relaying, and each failure's answer, without Hazelcast.
 */
class ClusterRunnerTest {
  Vertx vertx;
  ClusterRunner web;
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  /** What one client saw of its run. */
  static final class Seen {
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    Run run;

    RunEvent last() {
      Poll.until(
          "the run ends",
          Duration.ofSeconds(10),
          () -> events.stream().anyMatch(RunEvent::terminal));
      assertThat(events.stream().filter(RunEvent::terminal)).hasSize(1);
      return events.getLast();
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    web = new ClusterRunner(vertx, 10, metrics);
    onContext(() -> web.start());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  void onContext(Runnable action) {
    var done = new java.util.concurrent.CountDownLatch(1);
    vertx
        .getOrCreateContext()
        .runOnContext(v -> {
          action.run();
          done.countDown();
        });
    try {
      done.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** A real executor node over a fake runner whose runs print two lines. */
  ExecutorNode executor(int maxRuns) {
    return executor(maxRuns, 2, 50);
  }

  /** The same, with runs that print {@code lines} lines, one every {@code everyMs}. */
  ExecutorNode executor(int maxRuns, int lines, long everyMs) {
    var scheduler =
        new Scheduler(
            vertx,
            new FakeRunner(vertx, r -> FakeRunner.lines(r, lines, everyMs)),
            new Admission(maxRuns, 1, 0, 100),
            new FakeGauge(),
            10);
    var node = new ExecutorNode(vertx, scheduler);
    onContext(() -> node.start());
    return node;
  }

  Seen submit() {
    var seen = new Seen();
    onContext(() -> seen.run = web.start(RunRequest.edited("t", "x"), seen.events::add));
    return seen;
  }

  List<JsonObject> executors() {
    return web.status().getJsonObject("cluster").getJsonArray("executors").stream()
        .map(JsonObject.class::cast)
        .toList();
  }

  @Test
  void withNoExecutorARunIsRefusedAtOnce() {
    var seen = submit();
    var end = (RunEvent.Error) seen.last();
    assertThat(end.reason()).isEqualTo(RunEvent.Error.Reason.UNAVAILABLE);
    assertThat(end.message()).contains("No executor");
  }

  @Test
  void runsGoToTheExecutorsAndComeBackWhole() {
    executor(0);
    executor(0);
    Poll.until("both beat", Duration.ofSeconds(5), () -> executors().size() == 2);
    List<Seen> runs = List.of(submit(), submit(), submit(), submit());
    for (Seen seen : runs) {
      assertThat(seen.last()).isInstanceOf(RunEvent.Exit.class);
      assertThat(seen.events.stream().map(RunEvent::type))
          .containsExactly("started", "stdout", "stdout", "exit");
    }
    assertThat(metrics.find("playground.cluster.runs").tag("outcome", "placed").counters())
        .as("spread over both")
        .hasSize(2);
  }

  @Test
  void withNoRoomAnywhereRunsWaitHereAndHearTheirPlace() {
    executor(1);
    Poll.until("it beats", Duration.ofSeconds(5), () -> executors().size() == 1);
    var first = submit();
    Poll.until("placed", Duration.ofSeconds(5), () -> !first.events.isEmpty());
    // Its next beat says it has no room; until then it has been counted as taken here.
    var second = submit();
    assertThat(first.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(second.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(second.events.getFirst()).isEqualTo(new RunEvent.Queued(1));
  }

  /** A hand-made executor: it beats while {@code alive}, and answers offers with {@code play}. */
  final class Puppet {
    volatile boolean alive = true;
    final List<Bus.Message> got = new CopyOnWriteArrayList<>();

    Puppet(String id, Consumer<Bus.Offer> play) {
      vertx
          .eventBus()
          .<JsonObject>consumer(
              Bus.executor(id),
              m -> {
                var message = Bus.decode(m.body());
                got.add(message);
                if (message instanceof Bus.Offer offer) {
                  m.reply(new JsonObject());
                  play.accept(offer);
                }
              });
      vertx.setPeriodic(
          0,
          200,
          t -> {
            if (alive) {
              vertx
                  .eventBus()
                  .publish(Bus.EXECUTORS, Bus.encode(new Bus.ExecutorBeat(id, 5, 5, 0, 0)));
            }
          });
    }

    void send(Bus.Offer offer, long seq, RunEvent event) {
      vertx
          .eventBus()
          .send(Bus.web(offer.web()), Bus.encode(new Bus.Event(offer.run(), seq, event)));
    }
  }

  @Test
  void anEventOutOfSequenceEndsTheRunAndCancelsItThere() {
    var puppet = new Puppet[] {null};
    puppet[0] =
        new Puppet(
            "gappy",
            offer -> {
              puppet[0].send(offer, 1, new RunEvent.Started());
              puppet[0].send(offer, 3, new RunEvent.Exit(0, 1, 1));
            });
    Poll.until("it beats", Duration.ofSeconds(5), () -> executors().size() == 1);
    var seen = submit();
    var end = (RunEvent.Error) seen.last();
    assertThat(end.reason()).isEqualTo(RunEvent.Error.Reason.INTERNAL);
    assertThat(end.message()).contains("lost between");
    assertThat(seen.events.getFirst()).isEqualTo(new RunEvent.Started());
    Poll.until(
        "the executor is told to stop it",
        Duration.ofSeconds(5),
        () -> puppet[0].got.stream().anyMatch(m -> m instanceof Bus.Cancel));
  }

  @Test
  void anExecutorThatFallsSilentLosesItsRunsAndNoOneElses() {
    var silent = new Puppet("silent", offer -> {});
    Poll.until("it beats", Duration.ofSeconds(5), () -> executors().size() == 1);
    var seen = submit();
    Poll.until("offered", Duration.ofSeconds(5), () -> !silent.got.isEmpty());
    long stopped = System.nanoTime();
    silent.alive = false;
    var end = (RunEvent.Error) seen.last();
    assertThat(end.reason()).isEqualTo(RunEvent.Error.Reason.WORKER_LOST);
    assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));
    assertThat(executors()).isEmpty();
    assertThat(metrics.find("playground.cluster.runs").tag("outcome", "lost").counter().count())
        .isEqualTo(1);
  }

  @Test
  void anExecutorStopsTheRunsOfAWebNodeThatFellSilent() {
    var node = executor(0, 100, 100);
    // A web node that offers one long run and is never heard from again.
    var events = new CopyOnWriteArrayList<JsonObject>();
    vertx.eventBus().<JsonObject>consumer(Bus.web("ghost"), m -> events.add(m.body()));
    vertx
        .eventBus()
        .request(
            Bus.executor(node.id()),
            Bus.encode(new Bus.Offer("ghost", "g-1", RunRequest.edited("t", "long"))));
    Poll.until(
        "the executor gives up on the silent web node and stops its run",
        Duration.ofSeconds(6),
        () -> events.stream().anyMatch(e -> "error".equals(e.getString("type"))));
    assertThat(events.getLast().getString("reason")).isEqualTo("cancelled");
  }
}
