package dev.polyglot.playground.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintedOutputTest {
  @Test
  void aTimeOneTenthOffIsTheRecordedOne() {
    assertThat(PrintedOutput.aligned("both done after 1.1 s\n", "both done after 1.0 s\n"))
        .isEqualTo("both done after 1.0 s\n");
    assertThat(PrintedOutput.aligned("[0.9] a\n[1.0-2.0] b", "[1.0] a\n[1.0-2.1] b"))
        .isEqualTo("[1.0] a\n[1.0-2.1] b");
    assertThat(PrintedOutput.aligned("took 0.49 s", "took 0.50 s")).isEqualTo("took 0.50 s");
  }

  @Test
  void aTimeFurtherOffStaysAsPrinted() {
    // Two tenths is the difference between tasks that overlap and tasks that take turns.
    assertThat(PrintedOutput.aligned("took 0.3 s", "took 0.1 s")).isEqualTo("took 0.3 s");
    assertThat(PrintedOutput.aligned("took 0.48 s", "took 0.50 s")).isEqualTo("took 0.48 s");
    assertThat(PrintedOutput.aligned("took 1.10 s", "took 1.1 s")).isEqualTo("took 1.10 s");
  }

  @Test
  void otherTextMustMatchExactly() {
    assertThat(PrintedOutput.aligned("B done after 1.1 s", "A done after 1.0 s"))
        .isEqualTo("B done after 1.1 s");
    assertThat(PrintedOutput.aligned("1.0 1.1", "1.0")).isEqualTo("1.0 1.1");
    assertThat(PrintedOutput.aligned("count 3", "count 4")).isEqualTo("count 3");
  }
}
