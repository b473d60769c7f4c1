package dev.polyglot.playground.run.worker;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The child JVM's entry point, started as {@code WorkerMain <warm-up compiles>}. One job per
 * process:
 *
 * <pre>
 *   demo API ─ common pool's pass | warm-ups, {@link Stage} (side by side) ─ settle ─ send ready
 *   read one job (a line of {@link Wire}) from stdin:   compile   edited code
 *                                                       load      precompiled classes
 *   [compiling, diagnostic*] ─ started ─ main() ─ wait for non-daemon threads ─ finished ─ exit
 * </pre>
 *
 * Exit codes: the program's own (0, or what it passed to System.exit), 1 for an uncaught exception
 * or a compile error, 3 when memory or threads ran out.
 */
public final class WorkerMain {
  /** The worker's own threads carry this prefix, and stay off the timeline. */
  static final String THREAD_PREFIX = "playground-";

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    var protocol = new Protocol(new FileOutputStream(FileDescriptor.out));
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    String classPath = System.getProperty("java.class.path");
    // The demo API listens first (a port and a thread: it is cheap), then the common pool's pass
    // runs beside the rest of the set-up (the job's reader, the program's empty stdin, the stage),
    // since a worker started for a waiting run is waited for until the last of them ends.
    DemoApi.start();
    var commonPath = Warmup.commonPath(warmups >= 0);
    Warmup.run(warmups, classPath);
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream(new byte[0]));
    var stage = new Stage(protocol);
    commonPath.join();
    // The threads the API and the common pool started meanwhile are the worker's, not the
    // program's.
    stage.settle();
    Thread.setDefaultUncaughtExceptionHandler(
        new Thread.UncaughtExceptionHandler() {
          @Override
          public void uncaughtException(Thread thread, Throwable e) {
            uncaught(protocol, thread, e);
          }
        });
    protocol.send(new Wire.Ready());

    String line = in.readLine();
    if (line == null) {
      halt(2); // no job: the server closed the pipe
    }
    Wire.Envelope job = Wire.decode(line);
    protocol.job(job.job());
    Map<String, byte[]> classes;
    String mainClass;
    // Tests of type, not a pattern switch: its bootstrap would cost each run a millisecond.
    if (job.message() instanceof Wire.Load(var loaded, var main)) {
      classes = loaded;
      mainClass = main;
    } else if (job.message() instanceof Wire.Compile(var fileClassName, var source)) {
      protocol.send(new Wire.Compiling());
      var result = Compiler.compile(fileClassName, source, classPath);
      for (Compiler.Message m : result.messages()) {
        protocol.send(new Wire.Diagnostic(m));
      }
      if (!result.ok()) {
        protocol.send(new Wire.CompileFailed());
        halt(1);
      }
      classes = result.classes();
      mainClass = result.mainClass();
    } else {
      throw new IllegalArgumentException("not a worker job: " + job.message());
    }
    run(protocol, stage, classes, mainClass);
  }

  private static void run(
      Protocol protocol, Stage stage, Map<String, byte[]> classes, String mainClass) {
    Runnable main;
    try {
      main = Launcher.prepare(classes, mainClass);
    } catch (Launcher.NoMainException e) {
      protocol.send(new Wire.Diagnostic(new Compiler.Message("error", 1, 1, e.getMessage())));
      protocol.send(new Wire.CompileFailed());
      halt(1);
      return;
    } catch (Exception e) {
      protocol.send(new Wire.Crashed(String.valueOf(e)));
      halt(70);
      return;
    }
    stage.begin(classes);
    int code = 0;
    try {
      main.run();
    } catch (Launcher.UserException e) {
      uncaught(protocol, Thread.currentThread(), e.getCause());
      code = 1;
    }
    stage.spans().mainEnded();
    if (code == 0) {
      waitForNonDaemonThreads(stage.spans());
    }
    System.exit(code);
  }

  /**
   * Like the JVM: the program lasts until the last non-daemon thread it started ends. Threads that
   * were there before (the demo API's, the JVM's own) do not count.
   */
  private static void waitForNonDaemonThreads(SpanTracker spans) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!t.isDaemon() && !spans.existedBefore(t) && t != Thread.currentThread() && t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Prints what the JVM would, and turns running out of memory or threads into a limit event. */
  private static void uncaught(Protocol protocol, Thread thread, Throwable e) {
    if (e instanceof OutOfMemoryError oom) {
      boolean threads = String.valueOf(oom.getMessage()).contains("native thread");
      protocol.send(
          new Wire.Limit(
              threads ? "threads" : "memory",
              threads
                  ? "The program started more threads than it may (" + oom.getMessage() + ")."
                  : "The program ran out of memory (" + oom.getMessage() + ")."));
      halt(3);
    }
    System.err.print("Exception in thread \"" + thread.getName() + "\" ");
    e.printStackTrace();
    if (e instanceof IllegalCallerException && String.valueOf(e.getMessage()).contains("native")) {
      System.err.println(NATIVE_ACCESS);
    }
  }

  /**
   * Ends the process at once, the API first: a JVM that exits with a thread waiting in a system
   * call (the API's, on its socket) waits a third of a second for it.
   */
  private static void halt(int code) {
    try {
      DemoApi.stop();
    } finally {
      Runtime.getRuntime().halt(code);
    }
  }

  /** Said after the JVM's own message when a program tries to call native code. */
  static final String NATIVE_ACCESS =
      "The playground does not let programs call native code (FFM downcalls, JNI libraries);"
          + " everything else in the JDK is there.";
}
