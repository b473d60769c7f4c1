package dev.polyglot.playground.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Collects one run's events, in order, and waits for its last one. */
public final class Recorder {
  private final List<RunEvent> events = new ArrayList<>();
  private final CompletableFuture<List<RunEvent>> done = new CompletableFuture<>();
  private final List<Long> arrivals = new ArrayList<>();

  public synchronized void accept(RunEvent event) {
    if (done.isDone()) {
      throw new AssertionError("event after the last one: " + event);
    }
    events.add(event);
    arrivals.add(System.nanoTime());
    if (event.terminal()) {
      done.complete(List.copyOf(events));
    }
  }

  public List<RunEvent> await(long seconds) throws Exception {
    return done.get(seconds, TimeUnit.SECONDS);
  }

  public synchronized List<RunEvent> soFar() {
    return List.copyOf(events);
  }

  public static String stdout(List<RunEvent> events) {
    var out = new StringBuilder();
    for (RunEvent e : events) {
      if (e instanceof RunEvent.Output o && o.stream() == RunEvent.Output.Stream.STDOUT) {
        out.append(o.text()).append('\n');
      }
    }
    return out.toString();
  }

  public static String stderr(List<RunEvent> events) {
    var out = new StringBuilder();
    for (RunEvent e : events) {
      if (e instanceof RunEvent.Output o && o.stream() == RunEvent.Output.Stream.STDERR) {
        out.append(o.text()).append('\n');
      }
    }
    return out.toString();
  }

  public static <T extends RunEvent> List<T> all(List<RunEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public static List<String> types(List<RunEvent> events) {
    return events.stream().map(RunEvent::type).toList();
  }
}
