package dev.polyglot.playground.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program's output, made comparable with what its lesson says it prints. The lessons print times
 * rounded to a tenth or a hundredth of a second, and a few milliseconds of a busy machine turn
 * 1.049 s into 1.051 s, printed 1.0 and 1.1. So each decimal number within one unit of its last
 * printed digit of the recorded one is taken as the recorded one; everything else must match
 * exactly.
 */
public final class PrintedOutput {
  private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

  private PrintedOutput() {}

  /**
   * {@code actual}, with each decimal number that is within one unit of the last digit of the
   * expected number at the same place replaced by that number. Text that differs otherwise, or a
   * different count of numbers, is left alone, so that an assertion shows the whole difference.
   */
  public static String aligned(String actual, String expected) {
    List<String> actualNumbers = numbers(actual);
    List<String> expectedNumbers = numbers(expected);
    if (actualNumbers.size() != expectedNumbers.size()
        || !DECIMAL
            .matcher(actual)
            .replaceAll("#")
            .equals(DECIMAL.matcher(expected).replaceAll("#"))) {
      return actual;
    }
    var out = new StringBuilder();
    Matcher m = DECIMAL.matcher(actual);
    int i = 0;
    while (m.find()) {
      String want = expectedNumbers.get(i++);
      m.appendReplacement(out, oneUnitApart(m.group(), want) ? want : m.group());
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> numbers(String text) {
    List<String> found = new ArrayList<>();
    for (Matcher m = DECIMAL.matcher(text); m.find(); ) {
      found.add(m.group());
    }
    return found;
  }

  private static boolean oneUnitApart(String actual, String expected) {
    var a = new BigDecimal(actual);
    var e = new BigDecimal(expected);
    return a.scale() == e.scale() && a.subtract(e).abs().compareTo(e.ulp()) <= 0;
  }
}
