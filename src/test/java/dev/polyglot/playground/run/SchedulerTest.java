package dev.polyglot.playground.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Poll;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admission and shutdown in front of a fake runner: queue, refusals, positions, grace. */
class SchedulerTest {
  Vertx vertx;
  FakeRunner inner;
  Scheduler scheduler;
  final FakeGauge gauge = new FakeGauge();

  /** What one client saw of its run. */
  static final class Seen {
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    Run run;

    List<String> types() {
      return events.stream().map(RunEvent::type).toList();
    }

    boolean ended() {
      return events.stream().anyMatch(RunEvent::terminal);
    }

    RunEvent last() {
      Poll.until("the run ends", Duration.ofSeconds(10), this::ended);
      assertThat(events.stream().filter(RunEvent::terminal)).hasSize(1);
      assertThat(events.getLast().terminal()).isTrue();
      return events.getLast();
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Runs print {@code lines} lines, one every {@code everyMs}; at most {@code concurrency} run. */
  void scheduler(int concurrency, int maxQueue, int lines, long everyMs) {
    scheduler(new Admission(concurrency, MB, 0, 1000), maxQueue, lines, everyMs);
  }

  void scheduler(Admission admission, int maxQueue, int lines, long everyMs) {
    inner = new FakeRunner(vertx, r -> FakeRunner.lines(r, lines, everyMs));
    scheduler = new Scheduler(vertx, inner, admission, gauge, maxQueue);
  }

  static final long MB = 1L << 20;

  Seen submit() {
    var seen = new Seen();
    // Runs are started from an event loop, as the transports do.
    var started = vertx.getOrCreateContext();
    started.runOnContext(
        v -> seen.run = scheduler.start(RunRequest.bundled("t", "x"), seen.events::add));
    Poll.until("the run is taken", Duration.ofSeconds(5), () -> seen.run != null);
    return seen;
  }

  @Test
  void whileTheRunnerStartsRunsQueueAndTheyStartOnceItIsUp() {
    var created = io.vertx.core.Promise.<Runner>promise();
    inner = new FakeRunner(vertx, r -> FakeRunner.lines(r, 1, 10));
    scheduler = new Scheduler(vertx, created.future(), new Admission(4, MB, 0, 1000), gauge, 10);
    assertThat(scheduler.status().getString("mode")).isEqualTo("starting");
    assertThat(scheduler.room()).isZero();
    var first = submit();
    var second = submit();
    Poll.until("both are queued", Duration.ofSeconds(5), () -> second.events.size() == 1);
    assertThat(first.events).containsExactly(new RunEvent.Queued(1));
    assertThat(second.events).containsExactly(new RunEvent.Queued(2));
    assertThat(scheduler.status().getJsonObject("admission").getString("waitingFor"))
        .isEqualTo("runner-starting");
    assertThat(scheduler.runnerStarted().isComplete()).isFalse();

    created.complete(inner);
    assertThat(first.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(second.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(inner.startedCount()).isEqualTo(2);
    assertThat(scheduler.runnerStarted().succeeded()).isTrue();
  }

  @Test
  void aRunnerThatCannotStartEndsWaitingRunsAndRefusesLaterOnesAsUnavailable() {
    var created = io.vertx.core.Promise.<Runner>promise();
    scheduler = new Scheduler(vertx, created.future(), new Admission(4, MB, 0, 1000), gauge, 10);
    var waiting = submit();
    Poll.until("it is queued", Duration.ofSeconds(5), () -> !waiting.events.isEmpty());

    created.fail("no sandbox here");
    var error = (RunEvent.Error) waiting.last();
    assertThat(error.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(error.message()).contains("no sandbox here");
    var later = (RunEvent.Error) submit().last();
    assertThat(later.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(scheduler.status().getString("mode")).isEqualTo("unavailable");
    assertThat(scheduler.status().getString("problem")).isEqualTo("no sandbox here");
    assertThat(scheduler.close().succeeded()).isTrue();
  }

  @Test
  void runsBeyondTheSlotsQueueAndBeyondTheQueueAreRefusedAsBusy() {
    scheduler(1, 1, 3, 100);
    var first = submit();
    var second = submit();
    var third = submit();
    assertThat(((RunEvent.Error) third.last()).reason()).isEqualTo(Reason.BUSY);
    assertThat(third.types()).containsExactly("error");
    assertThat(second.events.getFirst()).isEqualTo(new RunEvent.Queued(1));
    assertThat(first.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(second.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(second.types()).startsWith("queued", "started");
    assertThat(inner.startedCount()).isEqualTo(2);
  }

  @Test
  void positionsMoveUpAsRunsAheadFinish() {
    scheduler(1, 3, 2, 100);
    submit();
    var a = submit();
    var b = submit();
    b.last();
    assertThat(
            b.events.stream()
                .filter(e -> e instanceof RunEvent.Queued)
                .map(e -> ((RunEvent.Queued) e).position())
                .toList())
        .containsExactly(2, 1);
    assertThat(a.types()).startsWith("queued", "started");
  }

  @Test
  void cancellingAQueuedRunTakesItOutOfTheQueue() {
    scheduler(1, 2, 5, 100);
    var first = submit();
    var second = submit();
    var third = submit();
    second.run.cancel();
    var end = (RunEvent.Error) second.last();
    assertThat(end.reason()).isEqualTo(Reason.CANCELLED);
    assertThat(end.message()).isEqualTo("Cancelled before it started.");
    Poll.until(
        "moved up", Duration.ofSeconds(5), () -> third.events.contains(new RunEvent.Queued(1)));
    first.last();
    third.last();
    assertThat(inner.startedCount()).as("the cancelled run never started").isEqualTo(2);
  }

  @Test
  void cancellingARunningRunEndsIt() {
    scheduler(1, 1, 50, 100);
    var running = submit();
    Poll.until("started", Duration.ofSeconds(5), () -> running.types().contains("started"));
    running.run.cancel();
    assertThat(((RunEvent.Error) running.last()).reason()).isEqualTo(Reason.CANCELLED);
    assertThat(inner.cancelledCount()).isEqualTo(1);
  }

  @Test
  void shutdownRefusesNewRunsAndLetsShortOnesFinish() {
    scheduler(1, 4, 2, 50);
    var running = submit();
    var queued = submit();
    Future<Void> down = scheduler.shutdown(Duration.ofSeconds(5));
    var late = submit();
    assertThat(((RunEvent.Error) late.last()).reason()).isEqualTo(Reason.SHUTTING_DOWN);
    assertThat(running.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(queued.last()).as("queued runs are in flight too").isInstanceOf(RunEvent.Exit.class);
    Poll.until("shutdown is over", Duration.ofSeconds(5), down::isComplete);
    assertThat(down.succeeded()).isTrue();
  }

  @Test
  void afterTheGraceRunsInFlightEndWithShuttingDown() {
    scheduler(1, 4, 100, 100); // ten seconds each
    var running = submit();
    var queued = submit();
    Future<Void> down = scheduler.shutdown(Duration.ofMillis(300));
    assertThat(((RunEvent.Error) running.last()).reason()).isEqualTo(Reason.SHUTTING_DOWN);
    assertThat(((RunEvent.Error) queued.last()).reason()).isEqualTo(Reason.SHUTTING_DOWN);
    Poll.until("shutdown is over", Duration.ofSeconds(5), down::isComplete);
    assertThat(queued.types()).doesNotContain("started");
  }

  @Test
  void aNodeShuttingDownHasNoRoomToOffer() {
    scheduler(new Admission(0, MB, 0, 4), 10, 1, 10);
    assertThat(scheduler.room()).isPositive();
    scheduler.shutdown(Duration.ofSeconds(1));
    assertThat(scheduler.room()).isZero();
  }

  @Test
  void shutdownWithNothingInFlightIsImmediate() {
    scheduler(1, 1, 1, 10);
    assertThat(scheduler.shutdown(Duration.ofSeconds(30)).isComplete()).isTrue();
  }

  @Test
  void statusCountsRunningAndQueued() {
    scheduler(1, 2, 50, 100);
    submit();
    submit();
    var status = scheduler.status();
    assertThat(status.getInteger("running")).isEqualTo(1);
    assertThat(status.getInteger("queued")).isEqualTo(1);
    assertThat(status.getInteger("maxRuns")).isEqualTo(1);
    assertThat(status.getJsonObject("admission").getString("waitingFor")).isEqualTo("max-runs");
    assertThat(scheduler.room()).as("nothing while runs wait").isZero();
  }

  @Test
  void aRunWaitsForMemoryAndStartsOnceTheGaugeShowsIt() {
    // No ceiling on the count: 100 MiB a run, 50 kept back.
    scheduler(new Admission(0, 100 * MB, 50 * MB, 4), 10, 2, 50);
    gauge.set(120 * MB, 0);
    var waiting = submit();
    Poll.until("queued", Duration.ofSeconds(5), () -> !waiting.events.isEmpty());
    assertThat(waiting.events.getFirst()).isEqualTo(new RunEvent.Queued(1));
    assertThat(scheduler.status().getJsonObject("admission").getString("waitingFor"))
        .isEqualTo("memory");
    gauge.set(400 * MB, 0);
    assertThat(waiting.last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(waiting.types()).startsWith("queued", "started");
  }

  @Test
  void busyCoresHoldNewRunsUntilTheyCalmDown() {
    scheduler(new Admission(0, MB, 0, 4), 10, 10, 100);
    var busy = submit();
    Poll.until("a program is running", Duration.ofSeconds(5), () -> busy.events.size() > 1);
    // ... and, by the gauge, using every core.
    gauge.set(64L << 30, 1.0);
    var waiting = submit();
    Poll.until("queued", Duration.ofSeconds(5), () -> !waiting.events.isEmpty());
    assertThat(waiting.events.getFirst()).isEqualTo(new RunEvent.Queued(1));
    gauge.set(64L << 30, 0.2);
    assertThat(waiting.last()).isInstanceOf(RunEvent.Exit.class);
  }

  @Test
  void aBurstStartsAFewAtATimeAndEveryRunGetsItsTurn() {
    // At most two starting at once; each run starts 20 ms after it is admitted.
    inner =
        new FakeRunner(
            vertx,
            r -> {
              var steps = new java.util.ArrayList<>(FakeRunner.lines(r, 20, 20));
              steps.set(0, new FakeRunner.Step(20, new RunEvent.Started()));
              return steps;
            });
    scheduler = new Scheduler(vertx, inner, new Admission(0, MB, 0, 2), gauge, 50);
    List<Seen> burst = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(submit());
    }
    Poll.until(
        "all thirty overlap, having started two at a time",
        Duration.ofSeconds(10),
        () -> scheduler.runningCount() == 30 || burst.stream().anyMatch(Seen::ended));
    for (Seen seen : burst) {
      assertThat(seen.last()).isInstanceOf(RunEvent.Exit.class);
    }
    assertThat(inner.startedCount()).isEqualTo(30);
    assertThat(inner.peakConcurrentStarts()).isLessThanOrEqualTo(2);
  }
}
