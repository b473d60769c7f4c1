package dev.polyglot.playground.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measures this machine, or the container it runs in: available memory from {@code /proc/meminfo}'s
 * MemAvailable (free memory plus cache the kernel can drop), capped by the cgroup v2 memory limit
 * when there is one, and CPU from the JDK's container-aware {@code getCpuLoad()}.
 *
 * <p>A daemon thread samples every {@link #EVERY_MS} ms and {@link #read()} returns the latest
 * sample, so admission never reads a file on an event loop.
 */
public final class HostGauge implements Gauge {
  static final long EVERY_MS = 200;
  private static final Path MEMINFO = Path.of("/proc/meminfo");
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final int cores = Runtime.getRuntime().availableProcessors();
  private volatile Reading latest;
  private volatile boolean closed;

  private HostGauge() {
    latest = sample();
  }

  /** Takes a first reading, then keeps sampling until {@link #close()}. */
  public static HostGauge start() {
    var gauge = new HostGauge();
    Thread.ofPlatform().daemon().name("host-gauge").start(gauge::loop);
    return gauge;
  }

  @Override
  public Reading read() {
    return latest;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(EVERY_MS);
      } catch (InterruptedException e) {
        return;
      }
      latest = sample();
    }
  }

  private Reading sample() {
    double load = os.getCpuLoad(); // negative until the JDK has two samples to compare
    return new Reading(availableBytes(), load < 0 ? 0 : load, cores);
  }

  /** MemAvailable, or the cgroup's room if that is smaller; without /proc, the JDK's free size. */
  static long availableBytes() {
    OptionalLong host = memAvailable(read(MEMINFO));
    OptionalLong cgroup =
        cgroupRoom(read(CGROUP.resolve("memory.max")), read(CGROUP.resolve("memory.current")));
    long free =
        host.orElseGet(() ->
            ((com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean())
                .getFreeMemorySize());
    return cgroup.isPresent() ? Math.min(free, cgroup.getAsLong()) : free;
  }

  /** The MemAvailable line of {@code /proc/meminfo}, in bytes. */
  static OptionalLong memAvailable(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemAvailable:")) {
        String[] parts = line.substring("MemAvailable:".length()).strip().split("\\s+");
        return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
      }
    }
    return OptionalLong.empty();
  }

  /** {@code memory.max - memory.current}, when the cgroup has a limit ("max" means none). */
  static OptionalLong cgroupRoom(List<String> max, List<String> current) {
    if (max.isEmpty() || current.isEmpty() || max.getFirst().strip().equals("max")) {
      return OptionalLong.empty();
    }
    long limit = Long.parseLong(max.getFirst().strip());
    long used = Long.parseLong(current.getFirst().strip());
    return OptionalLong.of(Math.max(0, limit - used));
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
