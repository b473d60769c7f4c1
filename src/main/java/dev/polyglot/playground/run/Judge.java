package dev.polyglot.playground.run;

import dev.polyglot.playground.content.Check;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a challenge's run by its own events: it passes every event on, and just before the {@link
 * RunEvent.Exit} it sends a {@link RunEvent.Checked} with each check's result. What it keeps is
 * bounded by what a run may print and start: the output lines, each lane's lifetime, and the
 * longest running stretch.
 */
public final class Judge implements Handler<RunEvent> {
  /** More lanes than any check needs to count; a run that starts more is judged on these. */
  private static final int MAX_SPANS = 20_000;

  private final List<Check> checks;
  private final Handler<RunEvent> next;
  private final List<String> stdout = new ArrayList<>();
  private final Map<String, Double> open = new HashMap<>();
  private final List<Span> spans = new ArrayList<>();
  private double longestRun = 0;
  private String longestLane = "";

  /** A lane's lifetime. */
  record Span(String name, double start, double end) {}

  public Judge(List<Check> checks, Handler<RunEvent> next) {
    this.checks = List.copyOf(checks);
    this.next = next;
  }

  @Override
  public void handle(RunEvent event) {
    switch (event) {
      case RunEvent.Output o when o.stream() == RunEvent.Output.Stream.STDOUT ->
          stdout.add(o.text());
      case RunEvent.SpanStart s -> {
        if (open.size() + spans.size() < MAX_SPANS) {
          open.put(s.name() + "@" + s.start(), s.start());
        }
      }
      case RunEvent.SpanEnd s -> {
        open.remove(s.name() + "@" + s.start());
        if (spans.size() < MAX_SPANS) {
          spans.add(new Span(s.name(), s.start(), s.end()));
        }
      }
      case RunEvent.Running r -> {
        if (r.end() - r.start() > longestRun) {
          longestRun = r.end() - r.start();
          longestLane = r.thread();
        }
      }
      case RunEvent.Exit exit -> {
        open.forEach((key, start) ->
            spans.add(new Span(key.substring(0, key.lastIndexOf('@')), start, exit.wallMs())));
        open.clear();
        next.handle(verdict(exit));
      }
      default -> {}
    }
    next.handle(event);
  }

  /** Every check against what the run did, in the challenge's order. */
  RunEvent.Checked verdict(RunEvent.Exit exit) {
    List<RunEvent.Checked.Result> results = checks.stream().map(c -> judge(c, exit)).toList();
    return new RunEvent.Checked(
        results.stream().allMatch(RunEvent.Checked.Result::passed), results);
  }

  private RunEvent.Checked.Result judge(Check check, RunEvent.Exit exit) {
    return switch (check) {
      case Check.ExitCode c -> result(c, exit.code() == c.code(), "exit code " + exit.code());
      case Check.Output c -> output(c, c.lines());
      case Check.OutputSet c -> outputSet(c, c.lines());
      case Check.WallUnder c ->
          result(c, exit.wallMs() < c.seconds() * 1000, "took " + seconds(exit.wallMs()));
      case Check.Overlapping c -> {
        int most = mostAtOnce(c);
        yield result(
            c,
            most >= c.atLeast(),
            most == 0 ? "no such tasks at all" : "at most " + most + " at once");
      }
      case Check.RunningUnder c ->
          result(
              c,
              longestRun < c.seconds() * 1000,
              longestLane.isEmpty()
                  ? "no task ran long enough to measure"
                  : "longest: " + longestLane + " ran " + seconds(longestRun) + " without a break");
    };
  }

  private RunEvent.Checked.Result output(Check check, List<String> expected) {
    for (int i = 0; i < Math.min(expected.size(), stdout.size()); i++) {
      if (!expected.get(i).equals(stdout.get(i))) {
        return result(
            check,
            false,
            "line %d is %s, expected %s"
                .formatted(i + 1, quoted(stdout.get(i)), quoted(expected.get(i))));
      }
    }
    if (stdout.size() != expected.size()) {
      return result(
          check,
          false,
          "printed %d line%s, expected %d"
              .formatted(stdout.size(), stdout.size() == 1 ? "" : "s", expected.size()));
    }
    return result(
        check,
        true,
        expected.size() == 1 ? "the line matches" : "all " + expected.size() + " lines match");
  }

  private RunEvent.Checked.Result outputSet(Check check, List<String> expected) {
    List<String> missing = new ArrayList<>(expected);
    List<String> extra = new ArrayList<>();
    for (String line : stdout) {
      if (!missing.remove(line)) {
        extra.add(line);
      }
    }
    if (missing.isEmpty() && extra.isEmpty()) {
      return result(check, true, "all " + expected.size() + " lines, in some order");
    }
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing " + quoted(missing.getFirst()) + more(missing.size()));
    }
    if (!extra.isEmpty()) {
      parts.add("unexpected " + quoted(extra.getFirst()) + more(extra.size()));
    }
    return result(check, false, String.join("; ", parts));
  }

  /** The most lanes (of the check's name, or all but main) alive at one moment. */
  private int mostAtOnce(Check.Overlapping check) {
    List<double[]> edges = new ArrayList<>();
    for (Span span : spans) {
      boolean counts =
          check
              .lanes()
              .map(n -> span.name().equals(n) || span.name().startsWith(n + " #"))
              .orElse(!span.name().equals("main"));
      if (counts) {
        edges.add(new double[] {span.start(), 1});
        edges.add(new double[] {span.end(), -1});
      }
    }
    // Ends before starts at the same moment: one task handing over to the next is not overlap.
    edges.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    int now = 0;
    int most = 0;
    for (double[] edge : edges) {
      now += (int) edge[1];
      most = Math.max(most, now);
    }
    return most;
  }

  private static RunEvent.Checked.Result result(Check check, boolean passed, String measured) {
    return new RunEvent.Checked.Result(check.kind(), check.goal(), passed, measured);
  }

  private static String more(int count) {
    return count > 1 ? " and " + (count - 1) + " more" : "";
  }

  private static String quoted(String line) {
    String cut = line.length() > 60 ? line.substring(0, 59) + "…" : line;
    return "\"" + cut + "\"";
  }

  private static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }
}
