package dev.polyglot.playground.run.worker;

/** Milliseconds since {@code started}, to a hundredth; the one time base of a run. */
final class Clock {
  private static volatile long origin = System.nanoTime();

  private Clock() {}

  static void start() {
    origin = System.nanoTime();
  }

  static double ms() {
    return Math.round((System.nanoTime() - origin) / 10_000.0) / 100.0;
  }

  /** How the timeline names a thread: its name, or what it is when it has none. */
  static String label(Thread thread) {
    String name = thread.getName();
    if (!name.isEmpty()) {
      return name;
    }
    return (thread.isVirtual() ? "virtual-" : "thread-") + thread.threadId();
  }
}
