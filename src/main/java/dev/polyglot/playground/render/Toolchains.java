package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The versions of the toolchains on this server, shown beside each language's pane, so that a
 * lesson that depends on a version ("Node 22.7 and 20.19 run a .js file with module syntax as a
 * module") can be read against what this server has. Asked once, at start-up; blocking.
 */
public final class Toolchains {
  private Toolchains() {}

  /** Language to a version such as "Node v20.20.2"; a toolchain that is missing is left out. */
  public static Map<Language, String> versions() {
    var versions = new EnumMap<Language, String>(Language.class);
    Runtime.Version jdk = Runtime.version();
    versions.put(
        Language.JAVA, "JDK %d.%d.%d".formatted(jdk.feature(), jdk.interim(), jdk.update()));
    // All started at once, then read: one after another, they were a fifth of a second of the
    // server's start.
    var asked = new EnumMap<Language, Process>(Language.class);
    for (Language language : Language.values()) {
      if (!language.versionCommand().isEmpty()) {
        start(language).ifPresent(p -> asked.put(language, p));
      }
    }
    asked.forEach((language, process) -> {
      String printed = read(process);
      if (!printed.isEmpty()) {
        versions.put(language, printed.startsWith("v") ? "Node " + printed : printed);
      }
    });
    return versions;
  }

  private static Optional<Process> start(Language language) {
    try {
      return Optional.of(
          new ProcessBuilder(language.versionCommand()).redirectErrorStream(true).start());
    } catch (IOException e) {
      return Optional.empty(); // not installed
    }
  }

  private static String read(Process p) {
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return "";
      }
      return out.lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
