package dev.polyglot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AssetsTest {
  /** A file left out of the hash would be cached for a year after it changed. */
  @Test
  void theVersionCoversEveryFileTheFrontEndServes() throws IOException {
    Path root = Path.of("webroot");
    try (var files = Files.walk(root)) {
      var served =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .toList();
      assertThat(Assets.LINKED).containsExactlyInAnyOrderElementsOf(served);
    }
  }

  @Test
  void theVersionChangesWithTheApplicationVersion() {
    assertThat(Assets.version("1.0")).hasSize(12).isNotEqualTo(Assets.version("1.1"));
  }
}
