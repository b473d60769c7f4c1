package dev.polyglot.playground.run;

import dev.polyglot.playground.content.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One program to run, in {@code language}. {@code source} is the code; {@code bundled} says whether
 * it is a lesson's own variant (trusted; Java's is compiled once and cached) or code a reader
 * edited (untrusted, compiled inside the sandbox). {@code label} names it in logs, e.g. {@code
 * lesson/example/variant}.
 */
public record RunRequest(String label, String source, boolean bundled, Language language) {

  public RunRequest {
    java.util.Objects.requireNonNull(language, "language");
  }

  public static RunRequest bundled(String label, String source) {
    return new RunRequest(label, source, true, Language.JAVA);
  }

  public static RunRequest edited(String label, String source) {
    return new RunRequest(label, source, false, Language.JAVA);
  }

  /** The name the program's file has where it runs, as its tracebacks show it: main.py, main.js. */
  public String fileName() {
    return language == Language.JAVA ? fileClassName() + ".java" : "main." + language.extension();
  }

  /** A SHA-256 of the source: what caches of compiled classes and recorded runs are keyed by. */
  public String sourceHash() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The class name javac should see for this source: its public top-level type, else Main. */
  public String fileClassName() {
    var matcher =
        java.util.regex.Pattern.compile(
                "(?m)^\\s*public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp|static)\\s+)*"
                    + "(?:class|record|interface|enum)\\s+([A-Za-z_$][\\w$]*)")
            .matcher(source);
    return matcher.find() ? matcher.group(1) : "Main";
  }
}
