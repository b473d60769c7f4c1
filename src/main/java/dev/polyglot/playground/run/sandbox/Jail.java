package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.worker.DemoApi;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What every runner of this server shares: the work folder with the workers' files, how runs are
 * isolated (probed once), the {@link Sandbox} that builds their command lines, and the script
 * runtimes found on this machine.
 */
record Jail(
    WorkerFiles files,
    Sandbox sandbox,
    Isolation isolation,
    Map<Language, ScriptRuntime> runtimes) {
  private static final System.Logger LOG = System.getLogger(Jail.class.getName());

  /**
   * How runs are isolated here: the sandbox mode, whether the seccomp filter is on, and whether the
   * server itself serves the demo API (outside a sandbox, where workers share the host's).
   */
  record Isolation(Sandbox.Mode mode, boolean seccomp, boolean servesDemoApi) {
    /** Edited code where there is no sandbox is refused, in every language alike. */
    java.util.Optional<RunEvent.Error> refusal(RunRequest request) {
      if (request.bundled() || mode != Sandbox.Mode.BUNDLED_ONLY) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          new RunEvent.Error(
              RunEvent.Error.Reason.UNAVAILABLE,
              "This server cannot run edited code: it has no sandbox (bubblewrap). The lessons'"
                  + " own code still runs; press Reset to go back to it."));
    }
  }

  /**
   * Probes for bubblewrap, writes the workers' files, and finds the runtimes. Blocking: call it off
   * the event loop.
   */
  static Jail prepare(RunSettings settings) throws java.io.IOException {
    Path root = WorkerPool.createWorkDir(settings.workDir());
    // jlink, a second on a first start, runs beside the rest: it only needs the work folder.
    var runtime = new FutureTask<>(() -> WorkerRuntime.prepare(root));
    Thread.ofPlatform().name("jlink").daemon().start(runtime);
    WorkerFiles files = WorkerFiles.prepare(root);
    Sandbox.Mode mode =
        Sandbox.available()
            ? Sandbox.Mode.SANDBOXED
            : settings.allowUnsandboxed() ? Sandbox.Mode.UNSAFE : Sandbox.Mode.BUNDLED_ONLY;
    if (mode == Sandbox.Mode.SANDBOXED) {
      WorkerFiles.closedAncestor(files.root())
          .ifPresent(dir -> {
            throw new IllegalStateException(
                ("WORK_DIR %s is inside %s, which other users may not enter, and sandboxed"
                        + " runs are other users. Choose a WORK_DIR whose parent folders"
                        + " others may enter (chmod o+x), such as the default under /tmp.")
                    .formatted(files.root(), dir));
          });
    }
    // In a sandbox each worker serves the demo API on a loopback of its own; outside one, they
    // would share the host's, so the server serves it once for all of them.
    boolean demoApi = mode != Sandbox.Mode.SANDBOXED && DemoApi.start();
    var runtimes = ScriptRuntime.prepare(files.lib());
    var sandbox = new Sandbox(mode, files, settings.limits(), joined(runtime));
    LOG.log(
        mode == Sandbox.Mode.SANDBOXED ? Level.INFO : Level.WARNING,
        "runs: "
            + mode.description
            + (mode == Sandbox.Mode.SANDBOXED
                ? ""
                : " (bubblewrap is missing or cannot create namespaces here)"));
    runtimes
        .values()
        .forEach(r -> {
          if (r.available()) {
            LOG.log(Level.INFO, r.language().displayName() + ": " + r.version());
          } else {
            LOG.log(Level.WARNING, r.problem());
          }
        });
    return new Jail(files, sandbox, new Isolation(mode, sandbox.filtered(), demoApi), runtimes);
  }

  private static Path joined(FutureTask<Path> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the workers' runtime", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot prepare the workers' runtime", e.getCause());
    }
  }

  /** Stops what {@link #prepare} started beside the runners. */
  void close() {
    if (isolation.servesDemoApi()) {
      DemoApi.stop();
    }
  }
}
