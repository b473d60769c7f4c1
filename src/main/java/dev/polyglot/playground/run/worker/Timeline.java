package dev.polyglot.playground.run.worker;

import java.util.concurrent.Callable;

/**
 * The optional API a lesson can use to name a task on the timeline when a thread's own name is not
 * the right unit, for example several steps on one thread:
 *
 * <pre>{@code
 * import dev.polyglot.playground.run.worker.Timeline;
 * String user = Timeline.task("fetch user 1", () -> fetch(1));
 * }</pre>
 *
 * Outside the playground (no worker running) it simply runs the body.
 */
public final class Timeline {
  private static volatile Protocol protocol;
  private static volatile Lanes lanes;

  private Timeline() {}

  static void attach(Protocol active, Lanes named) {
    lanes = named;
    protocol = active;
  }

  public static <T> T task(String name, Callable<T> body) throws Exception {
    Protocol p = protocol;
    if (p == null) {
      return body.call();
    }
    String thread = lanes.label(Thread.currentThread());
    double start = Clock.ms();
    p.send(new Wire.SpanStart(name, thread, start));
    try {
      return body.call();
    } finally {
      p.send(new Wire.SpanEnd(name, thread, start, Clock.ms()));
    }
  }

  public static void task(String name, Runnable body) {
    try {
      task(
          name,
          new Callable<Object>() {
            @Override
            public Object call() {
              body.run();
              return null;
            }
          });
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
