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
}
