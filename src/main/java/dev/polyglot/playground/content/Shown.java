package dev.polyglot.playground.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page shows of a source file, as its markers say. A lesson hides set-up code that is not
 * the point (a prelude before, an epilogue after) and can make lines read-only, while the whole
 * file still runs. Markers are comment lines in the file's own language:
 *
 * <pre>
 * // playground:hide-start       # playground:hide-start
 * ...                            ...
 * // playground:hide-end         # playground:hide-end
 * // playground:readonly-start
 * ...
 * // playground:readonly-end
 * </pre>
 *
 * Hidden lines must come before or after every shown line: an edit of the shown text is run as
 * {@code prelude + edit + epilogue}, which only works if nothing hidden sits in between.
 *
 * @param text the lines shown, without markers
 * @param prelude the file's text before the first shown line (hidden lines and markers)
 * @param epilogue the file's text after the last shown line
 * @param readOnly read-only line ranges, 1-based in {@code text}
 */
public record Shown(String text, String prelude, String epilogue, List<Range> readOnly) {

  /** Lines {@code from} to {@code to}, both included, counted from 1. */
  public record Range(int from, int to) {
    @Override
    public String toString() {
      return from + "-" + to;
    }
  }

  /** The prelude's line count: how far a line of the edit is from the same line in the file. */
  public int lineOffset() {
    return (int) prelude.chars().filter(c -> c == '\n').count();
  }

  public boolean marked() {
    return !prelude.isEmpty() || !epilogue.isEmpty() || !readOnly.isEmpty();
  }

  /** Reads the markers of {@code code}, whose comments start with {@code comment}. */
  static Shown of(String code, String comment, String file, List<Problem> problems) {
    if (!code.contains("playground:")) {
      return new Shown(code, "", "", List.of());
    }
    Pattern marker =
        Pattern.compile(
            "\\s*" + Pattern.quote(comment) + "\\s*playground:(hide|readonly)-(start|end)\\s*");
    List<String> lines = code.lines().toList();
    List<String> shown = new ArrayList<>();
    List<Range> readOnly = new ArrayList<>();
    String open = null;
    int openedAt = 0;
    int firstShown = -1;
    int lastShown = -1;
    int hiddenBetween = -1;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = marker.matcher(lines.get(i));
      if (m.matches()) {
        String kind = m.group(1);
        boolean start = m.group(2).equals("start");
        if (start && open != null) {
          problems.add(
              Problem.at(
                  file, i + 1, "playground:" + kind + "-start inside a " + open + " region"));
          return new Shown(code, "", "", List.of());
        }
        if (!start && !kind.equals(open)) {
          problems.add(Problem.at(file, i + 1, "playground:" + kind + "-end without its -start"));
          return new Shown(code, "", "", List.of());
        }
        if (!start && kind.equals("readonly") && shown.size() > openedAt) {
          readOnly.add(new Range(openedAt + 1, shown.size()));
        }
        open = start ? kind : null;
        openedAt = shown.size();
        continue;
      }
      if ("hide".equals(open)) {
        if (firstShown >= 0 && hiddenBetween < 0) {
          hiddenBetween = i;
        }
        continue;
      }
      if (hiddenBetween >= 0) {
        problems.add(
            Problem.at(
                file,
                hiddenBetween + 1,
                "hidden lines must come before or after all the shown ones, so that an edit can"
                    + " be put back together with them"));
        return new Shown(code, "", "", List.of());
      }
      if (firstShown < 0) {
        firstShown = i;
      }
      lastShown = i;
      shown.add(lines.get(i));
    }
    if (open != null) {
      problems.add(Problem.in(file, "playground:" + open + "-start is never ended"));
      return new Shown(code, "", "", List.of());
    }
    if (firstShown < 0) {
      problems.add(Problem.in(file, "every line is hidden: show at least one"));
      return new Shown(code, "", "", List.of());
    }
    String prelude = join(lines.subList(0, firstShown));
    String epilogue = join(lines.subList(lastShown + 1, lines.size()));
    // The shown text keeps the file's last newline; the epilogue then starts on a line of its own.
    String text = String.join("\n", shown) + "\n";
    return new Shown(text, prelude, epilogue, List.copyOf(readOnly));
  }

  private static String join(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** The program to run for an edit of {@link #text}. */
  public String around(String edit) {
    return prelude + (edit.endsWith("\n") || epilogue.isEmpty() ? edit : edit + "\n") + epilogue;
  }

  public Optional<String> readOnlyAttribute() {
    return readOnly.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join(" ", readOnly.stream().map(Range::toString).toList()));
  }
}
