package dev.polyglot.playground.run.worker;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Everything a run needs whatever its code, set up while the worker waits for its job: the lanes,
 * the span tracker, the captured streams, the CPU clock (whose management classes take several
 * milliseconds to load) and the exit hook. What is left once the job arrives is handing them over
 * ({@link #begin}), so that the reader's run does not wait for any of it.
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
  // The process's CPU clock. Its management bean takes 10-30 ms to load (the platform's MBean
  // providers, the container's cgroups), so it loads on a thread of its own beside the rest.
  private final FutureTask<OperatingSystemMXBean> cpuClock =
      new FutureTask<>(() -> (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean());
  private OperatingSystemMXBean cpu;
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
    this.lanes = new Lanes(this::isProgramClass);
    this.spans = new SpanTracker(protocol, lanes, Thread.currentThread());
    this.out = new Capture(protocol, false, lanes, spans);
    this.err = new Capture(protocol, true, lanes, spans);
    this.outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    // Runs on System.exit, whoever calls it: flush what is left and report the totals.
    this.exitHook =
        Thread.ofPlatform().name(WorkerMain.THREAD_PREFIX + "exit").unstarted(this::end);
    Timeline.attach(protocol, lanes);
  }

  private boolean isProgramClass(String name) {
    return programClasses.contains(name);
  }

  /**
   * The worker's set-up is done: the threads there now are its own, not the program's, and the CPU
   * clock is loaded.
   */
  void settle() throws InterruptedException, ExecutionException {
    cpu = cpuClock.get();
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
    cpuStart = cpu.getProcessCpuTime();
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
    double cpuMs = (cpu.getProcessCpuTime() - cpuStart) / 1e6;
    protocol.send(new Wire.Finished(Clock.ms(), Math.round(cpuMs * 100) / 100.0));
  }
}
