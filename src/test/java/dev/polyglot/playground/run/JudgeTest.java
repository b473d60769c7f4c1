package dev.polyglot.playground.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.content.Challenge;
import dev.polyglot.playground.content.Check;
import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.CourseLoader;
import dev.polyglot.playground.content.Lesson;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The server's challenge checks, judged from event streams. The recordings are real runs of every
 * bundled challenge's starting code and its solution (src/test/resources/recorded-runs/challenges,
 * made through {@code POST /api/run}, with their {@code checked} events taken out).
 */
class JudgeTest {
  static final Course COURSE = CourseLoader.load(Path.of("snippets")).course();
  static final Path RECORDINGS = Path.of("src/test/resources/recorded-runs/challenges");

  private static List<RunEvent> recording(String name) throws Exception {
    return Files.readAllLines(RECORDINGS.resolve(name + ".ndjson")).stream()
        .filter(line -> !line.isBlank())
        .map(line -> RunEvent.fromJson(new JsonObject(line)))
        .toList();
  }

  /** Plays a stream through a judge; returns everything it passed on. */
  private static List<RunEvent> judge(List<Check> checks, List<RunEvent> events) {
    List<RunEvent> out = new ArrayList<>();
    var judge = new Judge(checks, out::add);
    events.forEach(judge::handle);
    return out;
  }

  private static RunEvent.Checked checked(List<RunEvent> out) {
    return out.stream()
        .filter(RunEvent.Checked.class::isInstance)
        .map(RunEvent.Checked.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @TestFactory
  Stream<DynamicTest> everyBundledChallengesStartFailsAndItsSolutionPasses() {
    return COURSE.lessons().stream()
        .flatMap(lesson -> lesson.challenges().stream().map(c -> new Object[] {lesson, c}))
        .map(pair -> {
          Lesson lesson = (Lesson) pair[0];
          Challenge challenge = (Challenge) pair[1];
          String name = lesson.id() + "." + challenge.id();
          return DynamicTest.dynamicTest(
              name,
              () -> {
                var start = checked(judge(challenge.checks(), recording(name + ".start")));
                assertThat(start.passed()).as("the starting code fails").isFalse();
                assertThat(start.results()).anyMatch(r -> !r.passed());
                var solution = checked(judge(challenge.checks(), recording(name + ".solution")));
                assertThat(solution.results())
                    .as("the solution passes every check")
                    .allMatch(RunEvent.Checked.Result::passed);
                assertThat(solution.passed()).isTrue();
              });
        });
  }

  @Test
  void everyLessonHasAChallenge() {
    assertThat(COURSE.lessons()).allSatisfy(l -> assertThat(l.challenges()).isNotEmpty());
  }

  @Test
  void theVerdictComesJustBeforeTheExitAndEveryEventStillPasses() throws Exception {
    var events = recording("why-and-model.ping-ten-servers.solution");
    var out = judge(List.of(new Check.WallUnder(1)), events);
    assertThat(out).hasSize(events.size() + 1);
    assertThat(out.get(out.size() - 2)).isInstanceOf(RunEvent.Checked.class);
    assertThat(out.getLast()).isEqualTo(events.getLast());
    assertThat(out.subList(0, out.size() - 2)).isEqualTo(events.subList(0, events.size() - 1));
  }

  @Test
  void aBlockedLoopIsFoundAndNamed() throws Exception {
    var start =
        checked(
            judge(
                List.of(new Check.RunningUnder(0.2)),
                recording("javascript-to-python.poll-without-blocking.start")));
    var result = start.results().getFirst();
    assertThat(result.passed()).isFalse();
    assertThat(result.check()).isEqualTo("running-under");
    assertThat(result.goal()).isEqualTo("No task runs more than 0.2 s without a break");
    assertThat(result.measured()).matches("longest: main #2 ran 1\\.\\d\\d s without a break");
  }

  @Test
  void overlapCountsOnlyTheNamedLanesAndTheirNumberedKin() throws Exception {
    var events = recording("why-and-model.ping-ten-servers.solution");
    var ten = checked(judge(List.of(new Check.Overlapping(10, Optional.of("ping"))), events));
    assertThat(ten.results().getFirst().measured()).isEqualTo("at most 10 at once");
    var none = checked(judge(List.of(new Check.Overlapping(2, Optional.of("pin"))), events));
    assertThat(none.results().getFirst().measured()).isEqualTo("no such tasks at all");
    assertThat(none.passed()).isFalse();
  }

  // Small streams for each check's edges.

  private static RunEvent out(String text) {
    return new RunEvent.Output(RunEvent.Output.Stream.STDOUT, text, 1, "main");
  }

  @Test
  void outputIsExactAndSaysWhereItDiffers() {
    var wrong =
        judge(
            List.of(new Check.Output(List.of("a", "b"))), List.of(out("a"), out("c"), exit(0, 10)));
    assertThat(checked(wrong).results().getFirst().measured())
        .isEqualTo("line 2 is \"c\", expected \"b\"");
    var shorter =
        judge(List.of(new Check.Output(List.of("a", "b"))), List.of(out("a"), exit(0, 10)));
    assertThat(checked(shorter).results().getFirst().measured())
        .isEqualTo("printed 1 line, expected 2");
    var stderrIgnored =
        judge(
            List.of(new Check.Output(List.of("a"))),
            List.of(
                out("a"),
                new RunEvent.Output(RunEvent.Output.Stream.STDERR, "warning", 2, "main"),
                exit(0, 10)));
    assertThat(checked(stderrIgnored).passed()).isTrue();
  }

  @Test
  void outputSetIgnoresOrderButCountsRepeats() {
    var check = new Check.OutputSet(List.of("x", "y", "y"));
    assertThat(
            checked(judge(List.of(check), List.of(out("y"), out("x"), out("y"), exit(0, 1))))
                .passed())
        .isTrue();
    var once = checked(judge(List.of(check), List.of(out("y"), out("x"), out("z"), exit(0, 1))));
    assertThat(once.results().getFirst().measured()).isEqualTo("missing \"y\"; unexpected \"z\"");
  }

  @Test
  void wallTimeAndExitCode() {
    var events = List.<RunEvent>of(exit(3, 1499.5));
    var result = checked(judge(List.of(new Check.WallUnder(1.5), new Check.ExitCode(0)), events));
    assertThat(result.results().get(0).passed()).isTrue();
    assertThat(result.results().get(0).measured()).isEqualTo("took 1.50 s");
    assertThat(result.results().get(1).passed()).isFalse();
    assertThat(result.results().get(1).measured()).isEqualTo("exit code 3");
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aLaneStillOpenAtTheExitCountsUntilThen() {
    var events =
        List.<RunEvent>of(
            new RunEvent.SpanStart("job", "job", 0),
            new RunEvent.SpanStart("job #2", "job #2", 5),
            new RunEvent.SpanEnd("job", "job", 0, 10),
            new RunEvent.SpanStart("job #3", "job #3", 10),
            exit(0, 20));
    var result = checked(judge(List.of(new Check.Overlapping(2, Optional.empty())), events));
    // job ends at 10 as job #3 starts: a hand-over, not three at once.
    assertThat(result.results().getFirst().measured()).isEqualTo("at most 2 at once");
  }

  @Test
  void anErrorEndsTheRunWithoutAVerdict() {
    var events =
        List.<RunEvent>of(out("a"), new RunEvent.Error(RunEvent.Error.Reason.COMPILE_FAILED, "no"));
    var out = judge(List.of(new Check.ExitCode(0)), events);
    assertThat(out).isEqualTo(events);
  }

  @Test
  void checkedRoundTripsThroughJson() {
    var checked =
        new RunEvent.Checked(
            false,
            List.of(
                new RunEvent.Checked.Result(
                    "wall-under", "Finishes in under 1 s", false, "took 2.01 s")));
    assertThat(RunEvent.fromJson(checked.toJson("r1", 7))).isEqualTo(checked);
  }

  private static RunEvent.Exit exit(int code, double wallMs) {
    return new RunEvent.Exit(code, wallMs, 1);
  }
}
