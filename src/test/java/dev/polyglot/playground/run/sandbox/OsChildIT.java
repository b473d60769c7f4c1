package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.run.worker.Wire;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes behind {@link OsChild}: their pipes, and the threads that serve them. */
class OsChildIT {
  @TempDir Path work;

  /**
   * An idle child blocks its reader in a pipe read for as long as it waits for a job. On virtual
   * threads those reads held the scheduler's carriers, and once the extra carriers had timed out,
   * the write of the next job found none: the job never left, and the run hit its time limit.
   */
  @Test
  void manyIdleChildrenStillGetTheirJobsOnPlatformThreads() throws Exception {
    int count = 4 * Runtime.getRuntime().availableProcessors() + 2;
    List<OsChild> children = new ArrayList<>();
    var echoed = new CountDownLatch(count);
    try {
      for (int i = 0; i < count; i++) {
        // cat sends each job line back, as a worker would send its events.
        var child = OsChild.spawn(List.of("cat"), work, 1 << 16);
        child.attach(
            new Child.Listener() {
              public void message(Wire.Envelope envelope) {
                echoed.countDown();
              }

              public void stray(String line, boolean stderr) {}

              public void exited(int code) {}
            });
        children.add(child);
      }
      var readers =
          Thread.getAllStackTraces().keySet().stream()
              .map(Thread::getName)
              .filter(n -> n.startsWith("child-") && n.endsWith("-out"))
              .count();
      // getAllStackTraces lists platform threads only: a virtual reader would not be counted.
      assertThat(readers).as("stdout readers on platform threads").isGreaterThanOrEqualTo(count);
      Thread.sleep(200); // every reader is now blocked in its read
      for (OsChild child : children) {
        child.send(7, new Wire.Script("main.py", "print(1)"), false);
      }
      assertThat(echoed.await(10, TimeUnit.SECONDS)).as("every child got its job").isTrue();
    } finally {
      children.forEach(OsChild::kill);
    }
  }
}
