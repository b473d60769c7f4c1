package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Future;

/**
 * A child JVM that speaks {@link Wire}: a worker, the compile service or the AOT training run. The
 * real one is an operating-system process ({@link OsChild}); tests use fakes, so the run path can
 * be tested without bubblewrap or a JVM.
 *
 * <p>Listener calls come on the child's own threads, never on an event loop; a listener moves them
 * to its Vert.x context. The exit is reported last, after every line the child wrote.
 */
interface Child {
  long pid();

  /** Completes when the child says it is ready; fails if it exits first. */
  Future<Child> ready();

  /**
   * Where messages, stray lines and the exit go from now on. An exit that already happened is
   * reported at once.
   */
  void attach(Listener listener);

  /**
   * Writes a job to the child's stdin on a thread of its own, so that a full pipe never blocks the
   * caller (an event loop). {@code last} closes stdin after it. Writing to a child that is gone
   * does nothing: its exit says what happened.
   */
  void send(long job, Wire.Job message, boolean last);

  /** Kills the child and everything it started. Safe to call more than once. */
  void kill();

  /** Completes with the exit code once the child is gone and its pipes are drained. */
  Future<Integer> exit();

  /** What a child says. */
  interface Listener {
    void message(Wire.Envelope envelope);

    /** A line that is not a protocol message: from the JVM itself, or printed by the program. */
    void stray(String line, boolean stderr);

    void exited(int code);
  }
}
