package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanesTest {
  private final Lanes lanes = new Lanes(name -> name.startsWith("Main"));

  private static StackTraceElement frame(String type, String method) {
    return new StackTraceElement(type, method, type + ".java", 1);
  }

  @Test
  void aTaskIsNamedAfterTheProgramsFirstMethodFromWhereTheThreadBegan() {
    StackTraceElement[] stack = {
      frame("java.lang.Thread", "sleep"),
      frame("Main", "download"),
      frame("Main", "lambda$main$0"),
      frame("java.util.concurrent.FutureTask", "run"),
      frame("java.lang.VirtualThread", "run"),
    };
    assertThat(lanes.task(stack)).isEqualTo("download");
  }

  @Test
  void aLambdaThatCallsNothingOfTheProgramsIsNamedAfterWhereItWasWritten() {
    StackTraceElement[] stack = {
      frame("java.lang.Thread", "sleep"),
      frame("Main", "lambda$main$2"),
      frame("java.lang.VirtualThread", "run"),
    };
    assertThat(lanes.task(stack)).isEqualTo("lambda in main");
  }

  @Test
  void aRunnableObjectIsNamedAfterItsClass() {
    StackTraceElement[] stack = {frame("Main$Downloader", "run"), frame("java.lang.Thread", "run")};
    assertThat(lanes.task(stack)).isEqualTo("Downloader");
  }

  @Test
  void aThreadNotYetInTheProgramHasNoTaskName() {
    StackTraceElement[] stack = {frame("java.lang.VirtualThread", "run")};
    assertThat(lanes.task(stack)).isNull();
  }

  @Test
  void givenNamesAreKeptAndDefaultNamesAreNot() {
    assertThat(Lanes.named(Thread.ofVirtual().unstarted(() -> {}))).isFalse();
    assertThat(Lanes.named(Thread.ofPlatform().name("pool-3-thread-12").unstarted(() -> {})))
        .isFalse();
    assertThat(Lanes.named(Thread.ofPlatform().name("Thread-7").unstarted(() -> {}))).isFalse();
    assertThat(
            Lanes.named(
                Thread.ofPlatform().name("ForkJoinPool.commonPool-worker-1").unstarted(() -> {})))
        .isFalse();
    assertThat(Lanes.named(Thread.ofVirtual().name("fetch-1").unstarted(() -> {}))).isTrue();
    assertThat(lanes.label(Thread.ofVirtual().name("fetch-1").unstarted(() -> {})))
        .isEqualTo("fetch-1");
  }

  @Test
  void aThreadKeepsItsLabelAndLikeNamedOnesAreNumbered() throws Exception {
    var first = Thread.ofVirtual().unstarted(() -> {});
    var second = Thread.ofVirtual().unstarted(() -> {});
    String a = lanes.label(first);
    String b = lanes.label(second);
    assertThat(a).isEqualTo("virtual thread");
    assertThat(b).isEqualTo("virtual thread #2");
    assertThat(lanes.label(first)).isEqualTo(a);
    assertThat(lanes.labelIfKnown(second)).isEqualTo(b);
  }

  @Test
  void aGivenNameTakesPrecedenceOverANumberedOne() {
    lanes.label(Thread.ofVirtual().name("virtual thread #2").unstarted(() -> {}));
    lanes.label(Thread.ofVirtual().unstarted(() -> {}));
    assertThat(lanes.label(Thread.ofVirtual().unstarted(() -> {}))).isEqualTo("virtual thread #3");
  }

  @Test
  void anUnstartedUnnamedThreadIsNotNamedUntilForced() {
    var thread = Thread.ofVirtual().unstarted(() -> {});
    assertThat(lanes.labelIfKnown(thread)).isNull();
    assertThat(lanes.label(thread)).isEqualTo("virtual thread");
  }
}
