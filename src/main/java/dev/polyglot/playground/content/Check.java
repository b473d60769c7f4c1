package dev.polyglot.playground.content;

import java.util.List;
import java.util.Optional;

/**
 * One thing a challenge's run must show, judged from the run's own events (see {@code
 * docs/protocol.md}). Each is written in {@code challenge.md} as a one-key mapping, under the key
 * {@link #kind()}.
 */
public sealed interface Check {

  /** The key it is written under, and its name on the wire, such as {@code wall-under}. */
  String kind();

  /** The goal in words, as the page lists it: "Finishes in under 1.5 s". */
  String goal();

  /** The program ends with this exit code. */
  record ExitCode(int code) implements Check {
    public String kind() {
      return "exit-code";
    }

    public String goal() {
      return "Ends with exit code " + code;
    }
  }

  /** Standard output is exactly these lines, in this order. */
  record Output(List<String> lines) implements Check {
    public String kind() {
      return "output";
    }

    public String goal() {
      return lines.size() == 1
          ? "Prints exactly \"" + lines.getFirst() + "\""
          : "Prints exactly these " + lines.size() + " lines, in order";
    }
  }

  /** Standard output is these lines in any order (the same lines, as many times each). */
  record OutputSet(List<String> lines) implements Check {
    public String kind() {
      return "output-set";
    }

    public String goal() {
      return "Prints these " + lines.size() + " lines, in any order";
    }
  }

  /** The whole run takes less than this many seconds of wall time. */
  record WallUnder(double seconds) implements Check {
    public String kind() {
      return "wall-under";
    }

    public String goal() {
      return "Finishes in under " + Checks.seconds(seconds);
    }
  }

  /**
   * At some moment, at least {@code atLeast} lanes are alive at once: only lanes of that name
   * ({@code download}, {@code download #2}, ...) when {@code lanes} is given, else every lane but
   * {@code main}.
   */
  record Overlapping(int atLeast, Optional<String> lanes) implements Check {
    public String kind() {
      return "overlapping";
    }

    public String goal() {
      return "At least " + atLeast + lanes.map(n -> " " + n).orElse("") + " tasks at once";
    }
  }

  /** No lane runs longer than this in one stretch: nothing blocks its thread or its loop. */
  record RunningUnder(double seconds) implements Check {
    public String kind() {
      return "running-under";
    }

    public String goal() {
      return "No task runs more than " + Checks.seconds(seconds) + " without a break";
    }
  }

  /** Helpers for the goals' wording. */
  final class Checks {
    private Checks() {}

    /** 1.5 s, 0.25 s, 2 s: as written, without trailing zeros. */
    static String seconds(double s) {
      return java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString() + " s";
    }
  }
}
