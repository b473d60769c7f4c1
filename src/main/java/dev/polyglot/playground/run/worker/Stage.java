package dev.polyglot.playground.run.worker;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;

/**
 * Everything a run needs whatever its code, set up while the worker waits for its job: the lanes,
 * the span tracker, the captured streams, the CPU clock (whose classes take milliseconds to load)
 * and the exit hook. What is left once the job arrives is handing them over ({@link #begin}), so
 * that the reader's run does not wait for any of it.
 *
 * <pre>
 *   new Stage(protocol)   before ready, beside the worker's other set-up
 *   settle()              once that is done: the threads there now are the worker's, not the program's
 *   begin(classes)        the job's classes are the program's; streams, hook, clocks; started
 *   main() ...            exit hook: drain the streams, end the spans, finished
 * </pre>
 */
final class Stage {
  private final Protocol protocol;
  // The process's CPU clock is read once before ready, on a thread of its own beside the rest, so
  // that its classes are loaded when the run's clock starts.
  private final FutureTask<Long> cpuClock =
      new FutureTask<>(
          new Callable<Long>() {
            @Override
            public Long call() {
              return processCpuNanos();
            }
          });
  private final Lanes lanes;
  private final SpanTracker spans;
  private final Capture out;
  private final Capture err;
  private final PrintStream outStream;
  private final PrintStream errStream;
  private final Thread exitHook;
  private volatile Set<String> programClasses = Set.of();
  private long cpuStart;

  /**
   * Call on the thread that will run {@code main}, then {@link #settle} once the worker's own
   * threads are up.
   */
  Stage(Protocol protocol) {
    this.protocol = protocol;
    Thread.ofPlatform().name(WorkerMain.THREAD_PREFIX + "cpu-clock").start(cpuClock);
    this.lanes =
        new Lanes(
            new Predicate<String>() {
              @Override
              public boolean test(String name) {
                return programClasses.contains(name);
              }
            });
    this.spans = new SpanTracker(protocol, lanes, Thread.currentThread());
    this.out = new Capture(protocol, false, lanes, spans);
    this.err = new Capture(protocol, true, lanes, spans);
    this.outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    // Runs on System.exit, whoever calls it: flush what is left and report the totals.
    this.exitHook =
        Thread.ofPlatform()
            .name(WorkerMain.THREAD_PREFIX + "exit")
            .unstarted(
                new Runnable() {
                  @Override
                  public void run() {
                    end();
                  }
                });
    Timeline.attach(protocol, lanes);
  }

  /**
   * The worker's set-up is done: the threads there now are its own, not the program's, and the CPU
   * clock is loaded.
   */
  void settle() throws InterruptedException, ExecutionException {
    cpuClock.get();
    spans.settle();
  }

  SpanTracker spans() {
    return spans;
  }

  /** The program is about to start: it gets the streams, and its clocks start now. */
  void begin(Map<String, byte[]> classes) {
    programClasses = classes.keySet();
    System.setOut(outStream);
    System.setErr(errStream);
    Runtime.getRuntime().addShutdownHook(exitHook);
    cpuStart = processCpuNanos();
    Clock.start();
    protocol.send(new Wire.Started());
    protocol.send(new Wire.SpanStart("main", "main", 0.0));
    spans.start();
  }

  private void end() {
    DemoApi.stop();
    System.out.flush();
    System.err.flush();
    out.drain();
    err.drain();
    spans.stop();
    double cpuMs = (processCpuNanos() - cpuStart) / 1e6;
    protocol.send(new Wire.Finished(Clock.ms(), Math.round(cpuMs * 100) / 100.0));
  }

  /**
   * The CPU time of the whole process, every thread's, dead or alive: what the kernel counts in
   * clock ticks, as the management bean's reading was (it calls {@code times()}). The management
   * bean took 27 ms to load in a JVM without a cache, {@link ProcessHandle} 10 ms, and a worker
   * loads one of them at every start.
   */
  private static long processCpuNanos() {
    Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
    return cpu.isPresent() ? cpu.get().toNanos() : 0L;
  }
}
