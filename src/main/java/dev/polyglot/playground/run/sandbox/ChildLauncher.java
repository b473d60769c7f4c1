package dev.polyglot.playground.run.sandbox;

import io.vertx.core.Future;

/**
 * Starts {@link Child} processes: the seam between the run engine and the operating system. The
 * real one ({@link SandboxLauncher}) starts JVMs in bubblewrap; tests start fakes, the way the Go
 * playground swaps {@code execCommand}.
 */
interface ChildLauncher {
  /**
   * Starts a child for {@code role} as pool slot {@code slot} (each slot its own uid), which does
   * {@code warmups} javac compiles before it says ready; a worker started for a waiting run gets
   * {@link WorkerPool#COLD} and does no warm-up at all. Never blocks the caller.
   */
  Future<Child> start(Sandbox.Role role, int slot, int warmups);

  /** Kills every child still alive, and every one started from now on. */
  void close();
}
