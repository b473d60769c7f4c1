package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A program's classes, loaded from its job's bytes in a loader of their own. */
class LauncherTest {
  @Test
  void theProgramsOwnClassesComeFromItsBytesEvenWhereTheClassPathHasOneOfTheName()
      throws Exception {
    // The worker's own Timeline is on the class path; the program's class of that name is used.
    String source =
        """
        package dev.polyglot.playground.run.worker;

        public class Main {
          record Pair(String a, String b) {}

          public static void main(String[] args) {
            var pair = new Pair(Timeline.who(), Main.class.getClassLoader().getName());
            System.setProperty("launcher.test", pair.a() + " " + pair.b());
          }
        }

        class Timeline {
          static String who() {
            return "the program's";
          }
        }
        """;
    var compiled = Compiler.compile("Main", source, CompilerTest.CLASS_PATH);
    assertThat(compiled.ok()).as(compiled.messages().toString()).isTrue();
    assertThat(compiled.classes()).containsKeys("dev.polyglot.playground.run.worker.Timeline");

    Launcher.prepare(compiled.classes(), compiled.mainClass()).run();

    assertThat(System.getProperty("launcher.test")).isEqualTo("the program's playground");
  }
}
