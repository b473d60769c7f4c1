package dev.polyglot.playground.run.worker;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Turns the program's threads into timeline spans, and each span into running and waiting
 * stretches, without any help from the program. Every millisecond it lists live threads through the
 * JDK's thread containers, which also see virtual threads (in executors, scopes, or started on
 * their own): a thread that appears starts a span, and one that is gone ends it. It also reads each
 * thread's state: {@code RUNNABLE} is running, anything else (sleeping, parked, waiting for a lock
 * or a result) is waiting. Stretches too short for a sample still show where the thread printed,
 * since a thread that writes a line was running then ({@link #ran}). Threads that existed before
 * {@code main} (the JDK's own, the demo API) and carrier threads are left out. Needs {@code
 * --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}.
 */
final class SpanTracker {
  private static final long PERIOD_NANOS = 1_000_000;

  /** Polls an unnamed thread may take to reach the program's code before it is named anyway. */
  private static final int NAMING_POLLS = 20;

  /** A wait shorter than this (one missed sample) does not split a running stretch in two. */
  private static final double MERGE_MS = 1.5;

  /** As many stretches per lane as the page draws; a lane that flickers more keeps its first. */
  private static final int MAX_STRETCHES = 2000;

  /** Where a lane waits is read from its stack, which costs a walk: at most this many per lane. */
  private static final int MAX_WHERE = 200;

  private final Protocol protocol;
  private final Lanes lanes;
  private final Set<Thread> before;
  private final Thread main;
  private final Map<Thread, Lane> live = new LinkedHashMap<>();
  private volatile boolean running = true;
  private final Thread poller;

  /** What is known of one tracked thread: its span, and the running stretch it is in, if any. */
  private static final class Lane {
    final double start;
    String label;
    int polls;
    double since = Double.NaN; // start of the running stretch in progress
    double[] held; // the last stretch, held back in case the next one continues it
    int sent;
    int walks; // stack walks for where it waits
    final List<double[]> early = new ArrayList<>(); // stretches from before it had a label

    Lane(double start, String label) {
      this.start = start;
      this.label = label;
    }
  }

  /**
   * Tracks the threads {@code main} starts from now on, and the states of {@code main} itself,
   * whose span the caller reports.
   */
  SpanTracker(Protocol protocol, Lanes lanes, Thread main) {
    this.protocol = protocol;
    this.lanes = lanes;
    this.main = main;
    this.before = new HashSet<>(platformThreads());
    live.put(main, new Lane(0, lanes.label(main)));
    poller =
        Thread.ofPlatform()
            .daemon()
            .name(WorkerMain.THREAD_PREFIX + "spans")
            .unstarted(
                new Runnable() {
                  @Override
                  public void run() {
                    while (running) {
                      poll();
                      LockSupport.parkNanos(PERIOD_NANOS);
                    }
                  }
                });
    before.add(poller);
  }

  void start() {
    poller.start();
  }

  /**
   * The threads there now are the worker's too: those its own set-up started after this tracker was
   * made (the demo API's, the common pool's), which it made beside them.
   */
  synchronized void settle() {
    before.addAll(platformThreads());
  }

  /** Whether {@code thread} was there before the program started: the JDK's, ours. */
  synchronized boolean existedBefore(Thread thread) {
    return before.contains(thread);
  }

  /** The calling thread wrote output at {@code t}: it was running then, however briefly. */
  synchronized void ran(Thread thread, double t) {
    Lane lane = live.get(thread);
    if (lane == null && running && !before.contains(thread) && tracked(thread)) {
      lane = new Lane(t, null);
      live.put(thread, lane);
    }
    if (lane != null && Double.isNaN(lane.since)) {
      open(lane, t);
    }
  }

  /** {@code main} returned: its last stretch ends, and its span with it. */
  synchronized void mainEnded() {
    double now = Clock.ms();
    Lane lane = live.remove(main);
    if (lane != null) {
      close(lane, now);
      flush(lane);
    }
    protocol.send(new Wire.SpanEnd("main", lane == null ? "main" : lane.label, 0.0, now));
  }

  /** Stops polling and ends every span still open at the current time. */
  synchronized void stop() {
    running = false;
    poll();
    double now = Clock.ms();
    for (var e : live.entrySet()) {
      end(e.getKey(), e.getValue(), now);
    }
    live.clear();
  }

  /**
   * Listing the threads is done outside the lock: the first listing spins the JDK's classes for it,
   * and a program thread that prints meanwhile ({@link #ran}) must not wait for that.
   */
  private void poll() {
    List<Thread> all = threads();
    synchronized (this) {
      poll(all);
    }
  }

  private void poll(List<Thread> all) {
    double now = Clock.ms();
    Set<Thread> current = new HashSet<>();
    for (Thread thread : all) {
      if (!before.contains(thread) && tracked(thread)) {
        current.add(thread);
      }
    }
    for (Thread thread : current) {
      if (thread.isAlive() && !live.containsKey(thread)) {
        live.put(thread, new Lane(now, null));
      }
    }
    for (var it = live.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      Thread thread = e.getKey();
      Lane lane = e.getValue();
      if (thread != main && !(current.contains(thread) && thread.isAlive())) {
        end(thread, lane, now);
        it.remove();
        continue;
      }
      boolean wasRunning = !Double.isNaN(lane.since);
      if (thread.getState() == Thread.State.RUNNABLE) {
        if (!wasRunning) {
          open(lane, now);
        }
      } else {
        close(lane, now);
      }
      if (lane.label == null) {
        name(thread, lane, ++lane.polls > NAMING_POLLS);
      }
      // A lane that starts waiting (or is first seen waiting) says at which line.
      if ((wasRunning || lane.walks == 0) && Double.isNaN(lane.since) && lane.label != null) {
        where(thread, lane, now);
      }
    }
  }

  /** Reports the program line the thread waits at, if the program's code is on its stack. */
  private void where(Thread thread, Lane lane, double now) {
    if (lane.walks++ >= MAX_WHERE) {
      return;
    }
    // Every wait says its line, even the same one again: the page ties a line to one wait.
    int line = lanes.line(thread.getStackTrace());
    if (line > 0) {
      protocol.send(new Wire.At(lane.label, now, line));
    }
  }

  /** Gives the lane its label once its thread is in the program's code, and opens its span. */
  private void name(Thread thread, Lane lane, boolean force) {
    lane.label = force ? lanes.label(thread) : lanes.labelIfKnown(thread);
    if (lane.label != null) {
      protocol.send(new Wire.SpanStart(lane.label, lane.label, lane.start));
      for (double[] stretch : lane.early) {
        send(lane, stretch[0], stretch[1]);
      }
      lane.early.clear();
    }
  }

  private void end(Thread thread, Lane lane, double now) {
    close(lane, now);
    if (lane.label == null) {
      name(thread, lane, true);
    }
    flush(lane);
    if (thread != main) {
      protocol.send(new Wire.SpanEnd(lane.label, lane.label, lane.start, now));
    }
  }

  private void open(Lane lane, double t) {
    if (lane.held != null && t - lane.held[1] <= MERGE_MS) {
      lane.since = lane.held[0];
      lane.held = null;
    } else {
      flush(lane);
      lane.since = t;
    }
  }

  private void close(Lane lane, double t) {
    if (!Double.isNaN(lane.since)) {
      flush(lane);
      lane.held = new double[] {lane.since, Math.max(t, lane.since)};
      lane.since = Double.NaN;
    }
  }

  private void flush(Lane lane) {
    if (lane.held == null) {
      return;
    }
    if (lane.label == null) {
      lane.early.add(lane.held);
    } else {
      send(lane, lane.held[0], lane.held[1]);
    }
    lane.held = null;
  }

  private void send(Lane lane, double start, double end) {
    if (lane.sent++ < MAX_STRETCHES) {
      protocol.send(new Wire.Running(lane.label, start, end));
    }
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

  /**
   * The platform threads there are now. Enough for the threads there before {@code main}, which are
   * never virtual (the worker starts none), and cheap: the containers' listing ({@link #threads})
   * spins a dozen of the JDK's classes the first time, which a worker started for a waiting run
   * would do on its way to the program's first line.
   */
  private static List<Thread> platformThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all;
    int n;
    do {
      all = new Thread[root.activeCount() + 8];
      n = root.enumerate(all, true);
    } while (n == all.length); // it may have grown since it was counted
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      threads.add(all[i]);
    }
    return threads;
  }

  /**
   * Every live thread, the virtual ones too. Loops, not stream operations: each lambda is a class
   * the worker would spin at its start (see the package).
   */
  private static List<Thread> threads() {
    List<Thread> threads = new ArrayList<>();
    try {
      addThreads(ROOT.invoke(null), threads);
    } catch (ReflectiveOperationException e) {
      // No container to list: no threads seen.
    }
    return threads;
  }

  @SuppressWarnings("unchecked")
  private static void addThreads(Object container, List<Thread> into)
      throws ReflectiveOperationException {
    for (var it = ((Stream<Thread>) THREADS.invoke(container)).iterator(); it.hasNext(); ) {
      into.add(it.next());
    }
    for (var it = ((Stream<Object>) CHILDREN.invoke(container)).iterator(); it.hasNext(); ) {
      addThreads(it.next(), into);
    }
  }
}
