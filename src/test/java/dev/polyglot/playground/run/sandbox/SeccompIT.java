package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.playground.Poll;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seccomp filter from inside the sandbox: the probe, the one sandboxed process allowed native
 * calls, makes system calls directly and reports what the kernel answered. Needs bubblewrap on
 * x86-64; skipped elsewhere, and a failure in CI.
 */
class SeccompIT {
  @TempDir Path work;

  @Test
  void deniedCallsFailWithEpermAndOthersWork() throws Exception {
    boolean sandbox = Sandbox.available();
    if (!sandbox && Boolean.getBoolean("ci")) {
      throw new AssertionError("CI needs bubblewrap: apt-get install -y bubblewrap");
    }
    assumeTrue(sandbox, "bubblewrap is not installed; sandbox tests skipped");
    assumeTrue(SeccompFilter.forThisMachine().isPresent(), "no seccomp table for this machine");

    Vertx vertx = Vertx.vertx();
    try {
      var files = WorkerFiles.prepare(work);
      var box =
          new Sandbox(Sandbox.Mode.SANDBOXED, files, Limits.DEFAULTS, WorkerRuntime.prepare(work));
      var launcher = new SandboxLauncher(vertx, box, files.root(), new AotCache());
      List<String> lines = new CopyOnWriteArrayList<>();
      var exit = new java.util.concurrent.CompletableFuture<Integer>();
      Child probe = launcher.start(Sandbox.Role.PROBE, 997, 0).await();
      probe.attach(
          new Child.Listener() {
            @Override
            public void message(Wire.Envelope envelope) {}

            @Override
            public void stray(String line, boolean stderr) {
              lines.add((stderr ? "stderr: " : "") + line);
            }

            @Override
            public void exited(int code) {
              exit.complete(code);
            }
          });
      Poll.until("the probe ends", Duration.ofSeconds(30), exit::isDone);
      assertThat(exit.get()).as("probe output: %s", lines).isZero();
      assertThat(lines).contains("seccomp 2");
      assertThat(lines).anyMatch(l -> l.matches("getpid [1-9]\\d* 0"));
      assertThat(lines).contains("ptrace -1 1", "keyctl -1 1", "unshare -1 1");
      launcher.close();
    } finally {
      vertx.close().await();
    }
  }
}
