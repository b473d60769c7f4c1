package dev.polyglot.playground.run.worker;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Work a pooled worker does before it says ready, so that the reader's run does not pay for it: one
 * pass over the run path, any javac compiles asked for (only useful when the compile service is
 * down and edited code compiles in the worker), and one pass over CompletableFuture and
 * String.format, which nearly every lesson touches first, with the demo API's data. A worker
 * started for a waiting run ({@code compiles < 0}) skips them all, and only starts the common
 * pool's thread. The AOT cache covers class loading for the rest, virtual threads and Vert.x
 * included.
 *
 * <p>The last pass runs on the common pool ({@link #commonPath}) while the worker sets up the rest,
 * since a waiting run waits for whichever of them ends last.
 */
final class Warmup {
  private Warmup() {}

  /** The run path and the compiles, for a pooled worker ({@code compiles >= 0}); else nothing. */
  static void run(int compiles, String classPath) throws Exception {
    if (compiles >= 0) {
      runPath();
      javac(compiles, classPath);
    }
  }

  /**
   * Starts the common pool's pass; join it before saying ready. Its thread is then the worker's,
   * not the program's, in every worker alike. A pooled worker ({@code warm}) also goes once through
   * CompletableFuture and String.format, which nearly every lesson touches first, and reads the
   * demo API's data; a worker started for a waiting run does not, since its run would wait for all
   * of it and may use none.
   */
  static CompletableFuture<String> commonPath(boolean warm) {
    // Not virtual threads: their scheduler is created with the first one, and a lesson may set
    // jdk.virtualThreadScheduler.parallelism in main() to show what one carrier thread does.
    // Classes, not lambdas: it is CompletableFuture's own code that is being warmed (see the
    // package).
    var first = CompletableFuture.supplyAsync(new Format(warm));
    if (!warm) {
      return first;
    }
    return first
        .thenCombine(
            CompletableFuture.supplyAsync(
                new Supplier<Integer>() {
                  @Override
                  public Integer get() {
                    DemoApi.preload();
                    return 2;
                  }
                }),
            new BiFunction<String, Integer, String>() {
              @Override
              public String apply(String a, Integer b) {
                return a + b;
              }
            })
        .orTimeout(1, TimeUnit.SECONDS);
  }

  /**
   * The common pool's first task in every worker; it formats only in a pooled one. One class for
   * both, so that a worker started for a waiting run finds it in the AOT cache, which is recorded
   * by a pooled worker: a class from outside the cache costs the worker's jar opened on the way to
   * ready.
   */
  private static final class Format implements Supplier<String> {
    private final boolean warm;

    Format(boolean warm) {
      this.warm = warm;
    }

    @Override
    public String get() {
      return warm ? String.format("%d %s", 1, "x") : "";
    }
  }

  /**
   * Links what a run goes through after its job arrives (the job's decoding, the class loader,
   * output capture, event encoding, the span tracker), writing to nowhere, so that a pooled worker
   * does it before it is ready and not while a reader waits. It matters because workers deny native
   * access, which keeps the AOT cache from holding pre-linked classes.
   */
  private static void runPath() throws Exception {
    var job = Wire.decode(Wire.encode(1, new Wire.Load(Map.of("Warm", program()), "Warm")));
    var load = (Wire.Load) job.message();
    Launcher.prepare(load.classes(), load.mainClass());
    var nowhere = new Protocol(java.io.OutputStream.nullOutputStream());
    var lanes =
        new Lanes(
            new Predicate<String>() {
              @Override
              public boolean test(String name) {
                return false;
              }
            });
    var spans = new SpanTracker(nowhere, lanes, Thread.currentThread());
    try (var out =
        new java.io.PrintStream(
            new Capture(nowhere, false, lanes, spans), true, StandardCharsets.UTF_8)) {
      out.println("warm");
    }
    spans.stop();
  }

  /**
   * {@code public class Warm { public static void main(String[] a) { IO.println("warm"); } }},
   * built with the JDK's class-file API: a pooled worker loads no javac just to warm its run path.
   */
  static byte[] program() {
    return ClassFile.of().build(ClassDesc.of("Warm"), new WarmClass());
  }

  /** The class {@link #program} builds; classes, not lambdas (see the package). */
  private static final class WarmClass implements Consumer<ClassBuilder> {
    @Override
    public void accept(ClassBuilder type) {
      type.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL)
          .withMethodBody(
              "main",
              MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType()),
              ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
              new WarmMain());
    }
  }

  private static final class WarmMain implements Consumer<CodeBuilder> {
    @Override
    public void accept(CodeBuilder code) {
      code.ldc("warm")
          .invokestatic(
              ClassDesc.of("java.lang.IO"),
              "println",
              MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_Object))
          .return_();
    }
  }

  /** Compiles that leave javac's context pool warm for the next one. */
  static void javac(int compiles, String classPath) {
    for (int i = 0; i < compiles; i++) {
      Compiler.compile("Warm" + i, "void main() { IO.println(\"warm\" + " + i + "); }", classPath);
      // javac's garbage would otherwise be promoted and grow the heap, and with it the worker's
      // resident memory, for good.
      System.gc();
    }
  }
}
