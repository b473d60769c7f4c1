package dev.polyglot.playground.run;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The cheap stand-in for transport and page tests: plays a script of events with real delays on
 * Vert.x timers, honours cancel, and keeps the {@link Runner} contract. No JVM is started.
 */
public final class FakeRunner implements Runner {
  /** One scripted event, sent {@code afterMs} after the previous one. */
  public record Step(long afterMs, RunEvent event) {}

  private final Vertx vertx;
  private final Function<RunRequest, List<Step>> script;
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger cancelled = new AtomicInteger();
  private final AtomicInteger startingNow = new AtomicInteger();
  private final AtomicInteger peakStarting = new AtomicInteger();
  private final List<RunRequest> requests = new ArrayList<>();

  public FakeRunner(Vertx vertx, Function<RunRequest, List<Step>> script) {
    this.vertx = vertx;
    this.script = script;
  }

  /** started, one line per second of "work", exit 0. */
  public static List<Step> lines(RunRequest request, int count, long everyMs) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(0, new RunEvent.Started()));
    for (int i = 1; i <= count; i++) {
      steps.add(
          new Step(
              everyMs,
              new RunEvent.Output(
                  RunEvent.Output.Stream.STDOUT, "line " + i, i * everyMs, "main")));
    }
    steps.add(new Step(0, new RunEvent.Exit(0, count * everyMs, 1)));
    return steps;
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    synchronized (requests) {
      requests.add(request);
    }
    started.incrementAndGet();
    peakStarting.accumulateAndGet(startingNow.incrementAndGet(), Math::max);
    var startedYet = new java.util.concurrent.atomic.AtomicBoolean();
    Context context = vertx.getOrCreateContext();
    Run run = new Run();
    var steps = script.apply(request);
    var state =
        new Object() {
          long timer = -1;
          boolean over;
        };
    Handler<Integer>[] play = new Handler[1];
    play[0] =
        i -> {
          if (state.over) {
            return;
          }
          if (i >= steps.size()) {
            return;
          }
          Step step = steps.get(i);
          state.timer =
              vertx.setTimer(
                  Math.max(1, step.afterMs()),
                  t -> {
                    if ((step.event() instanceof RunEvent.Started || step.event().terminal())
                        && startedYet.compareAndSet(false, true)) {
                      startingNow.decrementAndGet();
                    }
                    events.handle(step.event());
                    if (step.event().terminal()) {
                      state.over = true;
                      run.finish();
                    } else {
                      play[0].handle(i + 1);
                    }
                  });
        };
    context.runOnContext(v -> play[0].handle(0));
    run.onCancel(why ->
        context.runOnContext(v -> {
          if (state.over) {
            return;
          }
          state.over = true;
          vertx.cancelTimer(state.timer);
          cancelled.incrementAndGet();
          if (startedYet.compareAndSet(false, true)) {
            startingNow.decrementAndGet();
          }
          events.handle(
              why == RunEvent.Error.Reason.SHUTTING_DOWN
                  ? RunEvent.Error.shuttingDown()
                  : RunEvent.Error.cancelled());
          run.finish();
        }));
    return run;
  }

  public int startedCount() {
    return started.get();
  }

  /** The most runs that were between start and their {@code started} event at once. */
  public int peakConcurrentStarts() {
    return peakStarting.get();
  }

  public int cancelledCount() {
    return cancelled.get();
  }

  public List<RunRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public JsonObject status() {
    return new JsonObject().put("sandbox", false).put("mode", "fake");
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
