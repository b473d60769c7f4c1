package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The program a pooled worker runs through its run path before it says ready. */
class WarmupTest {
  @Test
  void theProgramBuiltInMemoryLoadsAndPrints() throws Exception {
    Runnable main = Launcher.prepare(Map.of("Warm", Warmup.program()), "Warm");
    var out = new ByteArrayOutputStream();
    PrintStream before = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(before);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("warm" + System.lineSeparator());
  }

  @Test
  void aColdWorkerWarmsNothingButAPooledOneTakesTheRunPath() throws Exception {
    // Neither may fail, and a pooled worker's pass must not need javac (none was asked for).
    Warmup.run(-1, System.getProperty("java.class.path"));
    Warmup.run(0, System.getProperty("java.class.path"));
  }
}
