package dev.polyglot.playground.run;

import java.time.Duration;

/**
 * What one run may use. Every limit that is hit ends in a {@link RunEvent.Limit} with a plain
 * message; output written before it is kept. Defaults sit between those of other playgrounds (Go: 5
 * s and 100 MB; Compiler Explorer: 20 s and 200 MiB; Kotlin: 10 s and 32 MB of heap).
 *
 * @param wallTime from {@code started} to the end, including threads left running after main
 * @param compileTime javac on edited source, inside the sandbox
 * @param cpuSeconds RLIMIT_CPU of the child; the kernel kills it when spent
 * @param heapMb the child's -Xmx
 * @param memoryMb RLIMIT_DATA of the child: all the private memory it may commit, heap and native
 *     (FFM arenas, thread stacks, the JVM's own); 0 means the heap plus {@link #NATIVE_MB}
 * @param processes RLIMIT_NPROC: threads and processes of the child's uid
 * @param outputBytes stdout plus stderr; the child is killed when it writes more
 * @param fileBytes RLIMIT_FSIZE: the largest file it may write
 * @param tmpBytes size of its private /tmp
 * @param sourceBytes largest edited source accepted
 */
public record Limits(
    Duration wallTime,
    Duration compileTime,
    int cpuSeconds,
    int heapMb,
    int memoryMb,
    int processes,
    long outputBytes,
    long fileBytes,
    long tmpBytes,
    int sourceBytes) {

  public static final Limits DEFAULTS =
      new Limits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          20,
          128,
          0,
          128,
          256 * 1024,
          16 * 1024 * 1024,
          64 * 1024 * 1024,
          64 * 1024);

  /**
   * What a JVM commits beside its heap: metaspace, code, thread stacks, GC and compiler arenas, and
   * what a program allocates natively. A worker that has run a Vert.x lesson commits about 100 MiB
   * in all; 192 leaves room for that plus what a program may fairly use.
   */
  public static final int NATIVE_MB = 192;

  /** The RLIMIT_DATA of a child, in bytes. */
  public long memoryBytes() {
    return (memoryMb > 0 ? memoryMb : heapMb + NATIVE_MB) * 1024L * 1024;
  }

  /** The event for edited code whose compile ran past {@link #compileTime}. */
  public RunEvent.Limit compileTimeExceeded() {
    return new RunEvent.Limit(
        Kind.COMPILE_TIME,
        "Compiling took longer than %d s, so it was stopped.".formatted(compileTime.toSeconds()));
  }

  /** The kinds of limit, with their wire names ({@code docs/protocol.md}). */
  public enum Kind {
    TIME("time"),
    MEMORY("memory"),
    OUTPUT("output"),
    THREADS("threads"),
    SOURCE_SIZE("source-size"),
    COMPILE_TIME("compile-time");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** The kind of a wire name. */
    public static Kind of(String wireName) {
      for (Kind k : values()) {
        if (k.wireName.equals(wireName)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown limit kind " + wireName);
    }
  }
}
