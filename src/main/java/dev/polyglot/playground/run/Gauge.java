package dev.polyglot.playground.run;

/**
 * What a node has free right now, as measured, never inferred from a count of runs. The real one
 * reads the kernel ({@link HostGauge}); tests use a fake whose readings they set.
 */
public interface Gauge {

  /** The latest reading. Cheap and non-blocking: it may be called on an event loop. */
  Reading read();

  /** Stops sampling, if it samples. */
  default void close() {}

  /**
   * One reading.
   *
   * @param availableBytes memory a new process could commit without pushing anything out: the
   *     kernel's MemAvailable, or what the container's cgroup still allows if that is less
   * @param cpuBusy the share of the node's CPU in use over the last sample, 0 to 1
   * @param cores the cores this node may use
   */
  record Reading(long availableBytes, double cpuBusy, int cores) {}
}
