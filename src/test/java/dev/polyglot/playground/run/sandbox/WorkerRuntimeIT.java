package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime children run on: jlinked once from the server's JDK, with exactly its modules. */
class WorkerRuntimeIT {
  @TempDir Path work;

  @Test
  void itHoldsTheListedModulesAndIsMadeOnce() throws Exception {
    Path home = WorkerRuntime.prepare(work, Optional.empty());
    assertThat(home).startsWith(work);
    assertThat(home.resolve("bin/java")).isExecutable();

    var process = new ProcessBuilder(home.resolve("bin/java").toString(), "--list-modules").start();
    List<String> listed =
        Arrays.stream(
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n"))
            .filter(line -> !line.isBlank())
            .map(line -> line.strip().split("@")[0])
            .toList();
    assertThat(process.waitFor()).isZero();
    assertThat(listed).containsAll(WorkerRuntime.modules()).contains("java.compiler");
    assertThat(listed).as("far fewer than a whole JDK").hasSizeLessThan(20);

    long made = Files.getLastModifiedTime(home).toMillis();
    assertThat(WorkerRuntime.prepare(work, Optional.empty())).isEqualTo(home);
    assertThat(Files.getLastModifiedTime(home).toMillis())
        .as("reused, not made again")
        .isEqualTo(made);
  }

  @Test
  void aRuntimeMadeAheadIsUsedAndNoneIsLinkedInTheWorkFolder(@TempDir Path ahead) throws Exception {
    Files.setPosixFilePermissions(ahead, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path made = WorkerRuntime.prepare(ahead, Optional.empty());
    assertThat(made).startsWith(ahead);

    assertThat(WorkerRuntime.prepare(work, Optional.of(ahead))).isEqualTo(made);
    assertThat(work).as("nothing linked in the work folder").isEmptyDirectory();

    // Half made (a jlink that did not finish): not used.
    Files.delete(made.resolve(".complete"));
    assertThat(WorkerRuntime.prepare(work, Optional.of(ahead))).startsWith(work);
  }

  @Test
  void aRuntimeMadeAheadWhereSandboxedUsersCannotReachIsNotUsed(@TempDir Path ahead)
      throws Exception {
    Files.setPosixFilePermissions(ahead, PosixFilePermissions.fromString("rwx------"));
    Path made = WorkerRuntime.prepare(ahead, Optional.empty());
    assertThat(made).startsWith(ahead);

    assertThat(WorkerRuntime.prepare(work, Optional.of(ahead))).startsWith(work);
  }
}
