package dev.polyglot.playground.run;

/**
 * Whether a node may start one more run now, decided from what it measures ({@link Gauge}) rather
 * than from a count: most lessons spend their time waiting, and a sleeping JVM holds memory but no
 * CPU.
 *
 * <ul>
 *   <li><b>Memory.</b> A run is admitted only while the node has the most it may commit ({@code
 *       runBytes}, its RLIMIT_DATA) free for it and for every run still starting, beyond {@code
 *       reserveBytes} kept for everything else. So admitted runs can never push the machine into
 *       swap or the OOM killer.
 *   <li><b>Starts.</b> At most {@code maxStarting} runs start (admitted, no {@code started} event
 *       yet) at once. A cold JVM start is a burst of CPU; bounding them keeps a burst of runs from
 *       starving each other, and it is what spreads a class pressing Run together over time.
 *   <li><b>CPU.</b> Each starting run is taken to use one core; what the node uses beyond that is
 *       the running programs (so are warm workers the runner starts for its pool). When they use
 *       {@link #SATURATED} of the cores, new runs wait, so that CPU-bound lessons keep their cores
 *       and report honest parallel timings. With no program running, CPU never holds a run back.
 *   <li><b>Count.</b> {@code maxRuns}, when set, is an operator's ceiling on top of all that.
 * </ul>
 *
 * @param maxRuns the most runs at once; 0 for no ceiling beyond resources
 * @param runBytes the memory one run may commit
 * @param reserveBytes memory always left to the server and the rest of the machine
 * @param maxStarting the most runs starting at once
 */
public record Admission(int maxRuns, long runBytes, long reserveBytes, int maxStarting) {
  /** The share of all cores at which running programs are taken to saturate the node. */
  public static final double SATURATED = 0.9;

  /** Memory left to the server and the rest of the machine by default. */
  public static final long DEFAULT_RESERVE = 512L << 20;

  /** What holds a run back, or {@code ADMIT}. */
  public enum Verdict {
    ADMIT("admit"),
    MAX_RUNS("max-runs"),
    STARTING("starting"),
    MEMORY("memory"),
    CPU("cpu"),
    /** The runner itself is still starting: the sandbox probed, the workers' files written. */
    RUNNER_STARTING("runner-starting");

    private final String wireName;

    Verdict(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public Admission {
    if (runBytes <= 0 || maxStarting < 1 || maxRuns < 0 || reserveBytes < 0) {
      throw new IllegalArgumentException("invalid admission settings");
    }
  }

  public Verdict decide(Gauge.Reading now, int running, int starting) {
    return decide(now, running, starting, 0);
  }

  /**
   * @param background processes the runner is starting outside any run (warm workers for its pool):
   *     like starting runs, each is taken to use a core for now
   */
  public Verdict decide(Gauge.Reading now, int running, int starting, int background) {
    if (maxRuns > 0 && running >= maxRuns) {
      return Verdict.MAX_RUNS;
    }
    if (starting >= maxStarting) {
      return Verdict.STARTING;
    }
    if (memoryRoom(now, starting) < 1) {
      return Verdict.MEMORY;
    }
    if (cpuSaturated(now, running, starting, background)) {
      return Verdict.CPU;
    }
    return Verdict.ADMIT;
  }

  /**
   * How many more runs this node could take now, by memory and its ceiling; 0 while its CPU is
   * saturated. What a cluster's web nodes compare to place a run.
   */
  public int room(Gauge.Reading now, int running, int starting) {
    return room(now, running, starting, 0);
  }

  /** The same, with {@code background} starts of the runner's own. */
  public int room(Gauge.Reading now, int running, int starting, int background) {
    if (cpuSaturated(now, running, starting, background)) {
      return 0;
    }
    long room = memoryRoom(now, starting);
    if (maxRuns > 0) {
      room = Math.min(room, maxRuns - running);
    }
    return (int) Math.max(0, Math.min(room, Integer.MAX_VALUE));
  }

  private long memoryRoom(Gauge.Reading now, int starting) {
    // A starting run has committed little yet, so its whole allowance is counted as taken.
    long free = now.availableBytes() - reserveBytes - (long) starting * runBytes;
    return free < 0 ? 0 : free / runBytes;
  }

  /**
   * Whether running programs fill the cores. With no program past its start there is nobody whose
   * timings could suffer, whatever else keeps the CPU busy (the server, a JIT, another tenant).
   */
  private boolean cpuSaturated(Gauge.Reading now, int running, int starting, int background) {
    if (running <= starting) {
      return false;
    }
    double programs = now.cpuBusy() * now.cores() - starting - background;
    return programs >= SATURATED * now.cores();
  }
}
