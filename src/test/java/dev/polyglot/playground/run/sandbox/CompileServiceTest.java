package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Poll;
import dev.polyglot.playground.run.sandbox.CompileService.Outcome;
import dev.polyglot.playground.run.worker.Compiler;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compile service against fake compiler processes: answers, time-outs, deaths, restarts. */
class CompileServiceTest {
  /** A compiler that answers every job: a warning, one class, and the class to launch. */
  static final BiConsumer<FakeChild, Long> ANSWERS =
      (child, job) -> {
        var compile = (Wire.Compile) child.jobs.getLast();
        child.say(job, new Wire.Diagnostic(new Compiler.Message("warning", 1, 1, "careful")));
        child.say(job, new Wire.ClassFile(compile.fileClassName(), new byte[] {(byte) 0xca, 1}));
        child.say(job, new Wire.Compiled(compile.fileClassName()));
      };

  Vertx vertx;
  volatile BiConsumer<FakeChild, Long> behaviour = ANSWERS;
  volatile boolean warm = true;
  FakeLauncher launcher;
  CompileService service;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    launcher =
        new FakeLauncher(s -> {
          var child =
              new FakeChild(s.role(), s.slot(), s.warmups(), (c, job) -> behaviour.accept(c, job));
          if (warm) {
            // Ready arrives after start() returns, as from a real process.
            vertx.setTimer(10, t -> child.warm());
          }
          return child;
        });
    service = new CompileService(vertx, launcher, 3, Duration.ofMillis(400));
  }

  @AfterEach
  void stop() {
    service.close();
    vertx.close().await();
  }

  void awaitReady() {
    Poll.until(
        "the service is ready",
        Duration.ofSeconds(5),
        () -> service.state() == CompileService.State.READY);
  }

  Outcome compile(String source) {
    Future<Outcome> outcome = service.compile("Main", source);
    Poll.until("an outcome", Duration.ofSeconds(5), outcome::isComplete);
    return outcome.result();
  }

  @Test
  void itStartsOneCompilerInItsOwnSlotWithItsWarmUps() {
    service.start();
    awaitReady();
    assertThat(launcher.started).hasSize(1);
    FakeChild compiler = launcher.started.getFirst();
    assertThat(compiler.role).isEqualTo(Sandbox.Role.COMPILER);
    assertThat(compiler.slot).isEqualTo(CompileService.SLOT);
    assertThat(compiler.warmups).isEqualTo(3);
  }

  @Test
  void untilItIsReadyRunsCompileInTheirWorkers() {
    warm = false;
    service.start();
    assertThat(compile("void main() {}")).isInstanceOf(Outcome.Unavailable.class);
  }

  @Test
  void aCompileComesBackWithClassesAndMessages() {
    service.start();
    awaitReady();
    var outcome = (Outcome.Compiled) compile("void main() {}");
    assertThat(outcome.result().ok()).isTrue();
    assertThat(outcome.result().mainClass()).isEqualTo("Main");
    assertThat(outcome.result().classes()).containsOnlyKeys("Main");
    assertThat(outcome.result().messages())
        .extracting(Compiler.Message::text)
        .containsExactly("careful");
    assertThat(service.compiles()).isEqualTo(1);
    FakeChild compiler = launcher.started.getFirst();
    assertThat(compiler.jobs).containsExactly(new Wire.Compile("Main", "void main() {}"));
    assertThat(compiler.stdinClosed()).as("the service keeps its stdin open").isFalse();
  }

  @Test
  void aFailedCompileHasNoClasses() {
    behaviour =
        (child, job) -> {
          child.say(job, new Wire.Diagnostic(new Compiler.Message("error", 2, 3, "bad")));
          child.say(job, new Wire.Compiled(null));
        };
    service.start();
    awaitReady();
    var outcome = (Outcome.Compiled) compile("void main() { bad }");
    assertThat(outcome.result().ok()).isFalse();
    assertThat(outcome.result().classes()).isEmpty();
  }

  @Test
  void answersToAnotherJobAreIgnored() {
    behaviour =
        (child, job) -> {
          child.say(job - 1, new Wire.ClassFile("Stale", new byte[] {1}));
          child.say(job - 1, new Wire.Compiled("Stale"));
          ANSWERS.accept(child, job);
        };
    service.start();
    awaitReady();
    var outcome = (Outcome.Compiled) compile("void main() {}");
    assertThat(outcome.result().classes()).containsOnlyKeys("Main");
  }

  @Test
  void aCompileOverTheLimitTimesOutAndTheProcessIsReplaced() {
    behaviour = (child, job) -> {}; // javac never answers
    service.start();
    awaitReady();
    assertThat(compile("class Huge {}")).isInstanceOf(Outcome.TimedOut.class);
    assertThat(launcher.started.getFirst().killed()).isTrue();
    Poll.until("a new process", Duration.ofSeconds(5), () -> launcher.started.size() == 2);
    behaviour = ANSWERS;
    awaitReady();
    assertThat(compile("void main() {}")).isInstanceOf(Outcome.Compiled.class);
  }

  @Test
  void aProcessThatDiesMidCompileSendsTheRunToItsWorkerAndIsReplaced() {
    behaviour = (child, job) -> child.exitWith(3); // javac ran out of memory
    service.start();
    awaitReady();
    var outcome = compile("void main() {}");
    assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
    assertThat(((Outcome.Unavailable) outcome).why()).contains("exited with code 3");
    Poll.until("a new process", Duration.ofSeconds(5), () -> launcher.started.size() == 2);
  }

  @Test
  void afterThreeFailedStartsItGivesUp() {
    warm = false;
    launcher =
        new FakeLauncher(s -> {
          var child = new FakeChild(s.role(), s.slot(), s.warmups(), (c, j) -> {});
          vertx.setTimer(10, t -> child.exitWith(1)); // dies while warming up
          return child;
        });
    service = new CompileService(vertx, launcher, 3, Duration.ofMillis(400));
    service.start();
    Poll.until(
        "the service gives up",
        Duration.ofSeconds(5),
        () -> service.state() == CompileService.State.UNAVAILABLE);
    assertThat(launcher.started).hasSize(CompileService.MAX_FAILED_STARTS);
    assertThat(compile("void main() {}")).isInstanceOf(Outcome.Unavailable.class);
  }

  @Test
  void closingKillsTheProcessAndAnswersWhatWaits() {
    behaviour = (child, job) -> {};
    service.start();
    awaitReady();
    Future<Outcome> waiting = service.compile("Main", "void main() {}");
    Poll.until("sent", Duration.ofSeconds(5), () -> !launcher.started.getFirst().jobs.isEmpty());
    service.close();
    Poll.until("an outcome", Duration.ofSeconds(5), waiting::isComplete);
    assertThat(waiting.result()).isInstanceOf(Outcome.Unavailable.class);
    assertThat(launcher.started.getFirst().killed()).isTrue();
    assertThat(service.state()).isEqualTo(CompileService.State.UNAVAILABLE);
  }
}
