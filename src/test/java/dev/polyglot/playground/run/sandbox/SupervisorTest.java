package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Poll;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.Run;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import dev.polyglot.playground.run.worker.Compiler;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One run's supervision against a fake worker: every way a run can end gives exactly one terminal
 * event, last, with the right reason. No process is started.
 */
class SupervisorTest {
  static final Limits LIMITS =
      new Limits(
          Duration.ofMillis(800),
          Duration.ofMillis(500),
          20,
          64,
          0,
          64,
          1024,
          1 << 20,
          1 << 20,
          64 * 1024);

  Vertx vertx;
  FakeChild worker;
  Run run;
  final List<RunEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    worker = new FakeChild(Sandbox.Role.WORKER, 0, 0, (child, job) -> {});
    run = new Run();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Starts supervising a precompiled job, on an event loop as the runner does. */
  void supervise(boolean compilingShown) {
    var context = vertx.getOrCreateContext();
    context.runOnContext(v ->
        new Supervisor(vertx, context, worker, LIMITS, events::add, run)
            .start(
                7,
                new Wire.Load(java.util.Map.of("Main", new byte[] {1, 2}), "Main"),
                compilingShown));
    Poll.until("the job is sent", Duration.ofSeconds(5), () -> !worker.jobs.isEmpty());
  }

  RunEvent last() {
    Poll.until("the run ends", Duration.ofSeconds(5), () -> run.finished());
    assertThat(events.stream().filter(RunEvent::terminal)).as("terminal events").hasSize(1);
    assertThat(events.getLast().terminal()).as("the terminal event is last").isTrue();
    return events.getLast();
  }

  List<String> types() {
    return events.stream().map(RunEvent::type).toList();
  }

  @Test
  void aRunThatFinishesEndsWithItsExitAndTheWorkersTimes() {
    supervise(false);
    assertThat(worker.stdinClosed()).as("one job, then stdin is closed").isTrue();
    worker.say(new Wire.Started());
    worker.say(new Wire.SpanStart("main", "main", 0));
    worker.say(new Wire.Output(false, "hello", 1.5, "main"));
    worker.say(new Wire.Output(true, "oops", 2.5, "main"));
    worker.say(new Wire.SpanEnd("main", "main", 0, 3));
    worker.say(new Wire.Finished(3.25, 12));
    worker.exitWith(0);
    assertThat(last()).isEqualTo(new RunEvent.Exit(0, 3.25, 12));
    assertThat(types())
        .containsExactly("started", "span-start", "stdout", "stderr", "span-end", "exit");
    assertThat(events.get(2))
        .isEqualTo(new RunEvent.Output(RunEvent.Output.Stream.STDOUT, "hello", 1.5, "main"));
  }

  @Test
  void aWorkerKilledFromOutsideMidRunIsWorkerLost() {
    supervise(false);
    worker.say(new Wire.Started());
    worker.say(new Wire.Output(false, "before", 1, "main"));
    worker.exitWith(Supervisor.KILLED); // the OOM killer, or kill -9
    var last = (RunEvent.Error) last();
    assertThat(last.reason()).isEqualTo(Reason.WORKER_LOST);
    assertThat(types()).containsExactly("started", "stdout", "error");
  }

  @Test
  void aWorkerThatDiesBeforeItStartsIsLostToo() {
    supervise(false);
    worker.exitWith(Supervisor.KILLED);
    assertThat(((RunEvent.Error) last()).reason()).isEqualTo(Reason.WORKER_LOST);
  }

  @Test
  void aWorkerThatCrashesBeforeItStartsIsInternal() {
    supervise(false);
    worker.say(new Wire.Crashed("java.lang.LinkageError: bad class"));
    worker.exitWith(70);
    var last = (RunEvent.Error) last();
    assertThat(last.reason()).isEqualTo(Reason.INTERNAL);
    assertThat(last.message()).contains("code 70").contains("LinkageError");
  }

  @Test
  void theWallTimeLimitKillsTheWorkerAndTheRunStillExits() {
    supervise(false);
    worker.say(new Wire.Started());
    Poll.until("the limit", Duration.ofSeconds(5), worker::killed);
    var last = last();
    assertThat(types()).containsExactly("started", "limit", "exit");
    assertThat(((RunEvent.Limit) events.get(1)).kind()).isEqualTo(Limits.Kind.TIME);
    assertThat(((RunEvent.Exit) last).code()).isEqualTo(Supervisor.KILLED);
  }

  @Test
  void theCompileTimeLimitEndsARunThatNeverStarts() {
    supervise(true);
    Poll.until("the limit", Duration.ofSeconds(5), worker::killed);
    var last = (RunEvent.Error) last();
    assertThat(types()).containsExactly("limit", "error");
    assertThat(((RunEvent.Limit) events.getFirst()).kind()).isEqualTo(Limits.Kind.COMPILE_TIME);
    assertThat(last.reason()).isEqualTo(Reason.LIMIT);
  }

  @Test
  void theOutputLimitKeepsWhatCameBeforeAndKills() {
    supervise(false);
    worker.say(new Wire.Started());
    for (int i = 0; i < 200; i++) {
      worker.say(new Wire.Output(false, "line " + i, i, "main"));
    }
    Poll.until("the limit", Duration.ofSeconds(5), worker::killed);
    last();
    var limit = events.stream().filter(e -> e instanceof RunEvent.Limit).findFirst().orElseThrow();
    assertThat(((RunEvent.Limit) limit).kind()).isEqualTo(Limits.Kind.OUTPUT);
    long shown = events.stream().filter(e -> e instanceof RunEvent.Output).count();
    assertThat(shown).isBetween(100L, 150L); // 1 KiB of "line n\n"
    assertThat(types().subList(types().size() - 2, types().size()))
        .containsExactly("limit", "exit");
  }

  @Test
  void runningOutOfMemoryIsALimit() {
    supervise(false);
    worker.say(new Wire.Started());
    worker.say(new Wire.Limit("memory", "The program ran out of memory (Java heap space)."));
    Poll.until("the kill", Duration.ofSeconds(5), worker::killed);
    last();
    assertThat(types()).containsExactly("started", "limit", "exit");
    assertThat(((RunEvent.Limit) events.get(1)).kind()).isEqualTo(Limits.Kind.MEMORY);
  }

  @Test
  void theCpuLimitSignalIsReportedAsATimeLimit() {
    supervise(false);
    worker.say(new Wire.Started());
    worker.exitWith(Supervisor.CPU_LIMIT);
    last();
    assertThat(types()).containsExactly("started", "limit", "exit");
    assertThat(((RunEvent.Limit) events.get(1)).message()).contains("CPU time");
  }

  @Test
  void cancellingARunningProgramKillsItAndItExits() {
    supervise(false);
    worker.say(new Wire.Started());
    worker.say(new Wire.Output(false, "working", 1, "main"));
    Poll.until("started", Duration.ofSeconds(5), () -> events.size() == 2);
    run.cancel();
    Poll.until("the kill", Duration.ofSeconds(5), worker::killed);
    worker.say(new Wire.Output(false, "after the cancel", 2, "main")); // not shown
    assertThat(last()).isInstanceOf(RunEvent.Exit.class);
    assertThat(types()).containsExactly("started", "stdout", "exit");
  }

  @Test
  void cancellingBeforeItStartsIsCancelled() {
    supervise(true);
    run.cancel();
    assertThat(((RunEvent.Error) last()).reason()).isEqualTo(Reason.CANCELLED);
  }

  @Test
  void aShutdownEndsARunningProgramWithShuttingDown() {
    supervise(false);
    worker.say(new Wire.Started());
    Poll.until("started", Duration.ofSeconds(5), () -> events.size() == 1);
    run.cancel(Reason.SHUTTING_DOWN);
    var last = (RunEvent.Error) last();
    assertThat(worker.killed()).isTrue();
    assertThat(last.reason()).isEqualTo(Reason.SHUTTING_DOWN);
  }

  @Test
  void aCompileErrorInTheWorkerEndsWithItsDiagnosticsAndCompileFailed() {
    supervise(false);
    worker.say(new Wire.Compiling());
    worker.say(new Wire.Diagnostic(new Compiler.Message("error", 2, 11, "';' expected")));
    worker.say(new Wire.CompileFailed());
    worker.exitWith(1);
    var last = (RunEvent.Error) last();
    assertThat(types()).containsExactly("compiling", "diagnostic", "error");
    assertThat(events.get(1)).isEqualTo(new RunEvent.Diagnostic("error", 2, 11, "';' expected"));
    assertThat(last.reason()).isEqualTo(Reason.COMPILE_FAILED);
  }

  @Test
  void compilingIsNotSaidTwiceWhenTheRunAlreadySaidIt() {
    supervise(true);
    worker.say(new Wire.Compiling());
    worker.say(new Wire.Started());
    worker.exitWith(0);
    last();
    assertThat(types()).containsExactly("started", "exit");
  }

  @Test
  void linesThatAreNotProtocolAreShownAndForgedJobsAreNot() {
    supervise(false);
    worker.say(new Wire.Started());
    worker.stray("{\"type\":\"exit\",\"code\":0}");
    worker.say(8, new Wire.Output(false, "forged: another job's id", 1, "main"));
    worker.say(new Wire.Finished(2, 1));
    worker.exitWith(0);
    last();
    assertThat(types()).containsExactly("started", "stdout", "exit");
    var shown = (RunEvent.Output) events.get(1);
    assertThat(shown.text()).isEqualTo("{\"type\":\"exit\",\"code\":0}");
    assertThat(shown.thread()).isEqualTo("?");
  }

  @Test
  void spansBeforeStartedAreDropped() {
    supervise(false);
    worker.say(new Wire.SpanStart("warm-up", "t", 0));
    worker.say(new Wire.Started());
    worker.exitWith(0);
    last();
    assertThat(types()).containsExactly("started", "exit");
  }
}
