package dev.polyglot.playground.run;

/** A gauge whose readings a test sets: plenty of everything until told otherwise. */
public final class FakeGauge implements Gauge {
  private volatile Reading reading = new Reading(64L << 30, 0, 2);

  @Override
  public Reading read() {
    return reading;
  }

  public void set(long availableBytes, double cpuBusy) {
    reading = new Reading(availableBytes, cpuBusy, reading.cores());
  }
}
