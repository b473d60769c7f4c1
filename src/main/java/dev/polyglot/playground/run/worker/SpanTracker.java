package dev.polyglot.playground.run.worker;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the program's threads into timeline spans without any help from the program. Every
 * millisecond it lists live threads through the JDK's thread containers, which also see virtual
 * threads (in executors, scopes, or started on their own); a thread that appears starts a span, and
 * one that is gone ends it. Threads that existed before {@code main} (the JDK's own, the demo API)
 * and carrier threads are left out. Needs {@code --add-exports
 * java.base/jdk.internal.vm=ALL-UNNAMED}.
 */
final class SpanTracker {
  private static final long PERIOD_NANOS = 1_000_000;

  private final Protocol protocol;
  private final Set<Thread> before;
  private final Map<Thread, Double> live = new HashMap<>();
  private volatile boolean running = true;
  private Thread poller;

  SpanTracker(Protocol protocol) {
    this.protocol = protocol;
    this.before = threads().collect(Collectors.toCollection(java.util.HashSet::new));
  }

  void start() {
    poller =
        Thread.ofPlatform()
            .daemon()
            .name(WorkerMain.THREAD_PREFIX + "spans")
            .unstarted(() -> {
              while (running) {
                poll();
                java.util.concurrent.locks.LockSupport.parkNanos(PERIOD_NANOS);
              }
            });
    before.add(poller);
    poller.start();
  }

  /** Stops polling and ends every span still open at the current time. */
  synchronized void stop() {
    running = false;
    poll();
    double now = Clock.ms();
    live.forEach((thread, start) -> end(thread, start, now));
    live.clear();
  }

  private synchronized void poll() {
    double now = Clock.ms();
    Set<Thread> current =
        threads().filter(t -> !before.contains(t) && tracked(t)).collect(Collectors.toSet());
    for (Thread thread : current) {
      if (thread.isAlive() && !live.containsKey(thread)) {
        live.put(thread, now);
        String label = Clock.label(thread);
        protocol.send(new Wire.SpanStart(label, label, now));
      }
    }
    live.entrySet()
        .removeIf(e -> {
          if (current.contains(e.getKey()) && e.getKey().isAlive()) {
            return false;
          }
          end(e.getKey(), e.getValue(), now);
          return true;
        });
  }

  private void end(Thread thread, double start, double now) {
    String label = Clock.label(thread);
    protocol.send(new Wire.SpanEnd(label, label, start, now));
  }

  /** The JDK's carrier and system threads are machinery, not the program's tasks. */
  private static boolean tracked(Thread thread) {
    if (thread.getName().startsWith(DemoApi.THREAD_PREFIX)
        || thread.getName().startsWith(WorkerMain.THREAD_PREFIX)) {
      return false;
    }
    ThreadGroup group = thread.getThreadGroup();
    String name = group == null ? "" : group.getName();
    return !name.equals("CarrierThreads")
        && !name.equals("system")
        && !name.equals("InnocuousThreadGroup");
  }

  // jdk.internal.vm.ThreadContainers, reached reflectively: javac --release 25 will not export it
  // at compile time, and the worker JVM is started with --add-exports for it.
  private static final Method ROOT;
  private static final Method THREADS;
  private static final Method CHILDREN;

  static {
    try {
      ROOT = Class.forName("jdk.internal.vm.ThreadContainers").getMethod("root");
      Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
      THREADS = container.getMethod("threads");
      CHILDREN = container.getMethod("children");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Stream<Thread> threads() {
    try {
      return all(ROOT.invoke(null));
    } catch (ReflectiveOperationException e) {
      return Stream.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static Stream<Thread> all(Object container) {
    try {
      var threads = (Stream<Thread>) THREADS.invoke(container);
      var children = (Stream<Object>) CHILDREN.invoke(container);
      return Stream.concat(threads, children.flatMap(SpanTracker::all));
    } catch (ReflectiveOperationException e) {
      return Stream.empty();
    }
  }
}
