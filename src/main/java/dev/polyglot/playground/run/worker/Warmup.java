package dev.polyglot.playground.run.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Work a pooled worker does before it says ready, so that the reader's run does not pay for it:
 * javac compiles (the first one in a JVM takes most of a second), and one pass over what nearly
 * every lesson touches first (virtual threads, executors, CompletableFuture), so that those classes
 * are loaded and linked before the clock starts.
 */
final class Warmup {
  private Warmup() {}

  static void run(int compiles, String classPath) throws Exception {
    for (int i = 0; i < compiles; i++) {
      Compiler.compile("Warm" + i, "void main() { IO.println(\"warm\" + " + i + "); }", classPath);
    }
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        executor.submit(() -> {
          Thread.sleep(1);
          return String.format("%d %s", 1, "x");
        });
      }
    }
    Thread.ofVirtual().start(() -> {}).join();
    CompletableFuture.supplyAsync(
            () -> 1, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS))
        .thenApply(x -> x + 1)
        .join();
  }
}
