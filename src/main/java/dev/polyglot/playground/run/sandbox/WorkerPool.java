package dev.polyglot.playground.run.sandbox;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps warm workers waiting, as many as recent demand: at least {@code minSize}, and up to {@code
 * maxSize} when many workers were in use at once in the last {@link #DEMAND_WINDOW_MS} ms (a class
 * that pressed Run together is likely to press it again). Runs one after another keep it at its
 * minimum, so that refills do not take CPU from the programs that are timing themselves. Each
 * worker serves one run; taking one starts a replacement in the background. When none is ready, a
 * cold one (no javac warm-up, so it is ready sooner) is started for that run alone. Each worker
 * holds a slot, and so a uid of its own, until it exits.
 *
 * <p>The replacement of a worker taken for a run starts {@code refillDelayMs} later: a sandboxed
 * interpreter or JVM starting takes a core for a tenth of a second or more, and on a small machine
 * that would be taken from the run that was just handed out, in the very milliseconds its reader
 * waits for the first line (measured with {@code ./playground bench-scripts}: Python's first line
 * came twice as late).
 *
 * <p>Refills start at most {@code maxStarting} workers at once, so that they do not take the CPU
 * from the cold starts of runs that are waiting for one; while the pool is grown for a burst they
 * also skip the javac warm-ups.
 *
 * <pre>
 *   acquire ─┬─ idle worker ready? ── take it ── refill() a little later
 *            └─ none ────────────── spawn cold ─ wait for ready
 *   refill: spawn warm workers (at most maxStarting at once) until idle + starting = target
 *   resize (periodic): demand fell? kill idle workers beyond the target
 *   an idle worker that exits (killed from outside) is dropped and replaced
 * </pre>
 *
 * <p>Called from several event loops; the lists are guarded by this object's monitor.
 */
final class WorkerPool {
  private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());

  /** The warm-ups of a worker started for one waiting run: none, not even of the run path. */
  static final int COLD = -1;

  /** How long after a worker is taken its replacement starts, in production. */
  static final long REFILL_DELAY_MS = 100;

  /** How far back the workers in use at once count as demand. */
  static final long DEMAND_WINDOW_MS = 30_000;

  private final ChildLauncher launcher;
  private final int minSize;
  private final int maxSize;
  private final int maxStarting;
  private final int warmups;
  private final Executor refills;
  private final List<Child> idle = new ArrayList<>();
  private final BitSet slots = new BitSet();
  // When a worker was taken, and how many were in use then, newest last.
  private final ArrayDeque<long[]> taken = new ArrayDeque<>();
  private int inUse;
  private int starting;
  private boolean closed;

  WorkerPool(
      ChildLauncher launcher,
      int minSize,
      int maxSize,
      int maxStarting,
      int warmups,
      long refillDelayMs) {
    this.launcher = launcher;
    this.minSize = minSize;
    this.maxSize = Math.max(minSize, maxSize);
    this.maxStarting = Math.max(1, maxStarting);
    this.warmups = warmups;
    this.refills =
        refillDelayMs > 0
            ? CompletableFuture.delayedExecutor(refillDelayMs, TimeUnit.MILLISECONDS)
            : Runnable::run;
  }

  /**
   * The pool a runner keeps, sized by the operator's settings, with the production refill delay.
   *
   * @param warmups javac warm-up compiles per warm worker; 0 for an interpreter's harness
   */
  static WorkerPool of(ChildLauncher launcher, RunSettings settings, int warmups) {
    return new WorkerPool(
        launcher,
        settings.poolSize(),
        settings.poolMax(),
        settings.maxStarting(),
        warmups,
        REFILL_DELAY_MS);
  }

  /** A pool that refills at once. */
  WorkerPool(ChildLauncher launcher, int minSize, int maxSize, int maxStarting, int warmups) {
    this(launcher, minSize, maxSize, maxStarting, warmups, 0);
  }

  /** A pool of a fixed size. */
  WorkerPool(ChildLauncher launcher, int size, int warmups) {
    this(launcher, size, size, Math.max(1, size), warmups);
  }

  void start() {
    refill();
  }

  Future<Child> acquire() {
    Child worker;
    synchronized (this) {
      worker = idle.isEmpty() ? null : idle.removeFirst();
      taken.addLast(new long[] {System.nanoTime(), ++inUse});
    }
    refills.execute(this::refill);
    Future<Child> taking = worker != null ? Future.succeededFuture(worker) : spawn(COLD);
    return taking.onSuccess(w -> w.exit().onComplete(x -> released())).onFailure(e -> released());
  }

  private synchronized void released() {
    inUse--;
  }

  /** Warm workers being started for the pool now. */
  synchronized int startingCount() {
    return starting;
  }

  synchronized int idleCount() {
    return idle.size();
  }

  /** The workers kept waiting now: the most in use at once in the last window, within bounds. */
  synchronized int size() {
    long since = System.nanoTime() - DEMAND_WINDOW_MS * 1_000_000;
    while (!taken.isEmpty() && taken.peekFirst()[0] - since < 0) {
      taken.removeFirst();
    }
    int peak = 0;
    for (long[] t : taken) {
      peak = Math.max(peak, (int) t[1]);
    }
    return Math.clamp(peak, minSize, maxSize);
  }

  int maxSize() {
    return maxSize;
  }

  /** Follows demand down: idle workers beyond the size are stopped. Called now and then. */
  void resize() {
    List<Child> extra = new ArrayList<>();
    synchronized (this) {
      int size = size();
      while (idle.size() > size) {
        extra.add(idle.removeLast());
      }
    }
    extra.forEach(Child::kill);
    refill();
  }

  int warmups() {
    return warmups;
  }

  void close() {
    List<Child> workers;
    synchronized (this) {
      closed = true;
      workers = new ArrayList<>(idle);
      idle.clear();
    }
    workers.forEach(Child::kill);
  }

  private void refill() {
    int missing;
    int compiles;
    synchronized (this) {
      int size = size();
      missing = closed ? 0 : Math.min(size - idle.size(), maxStarting) - starting;
      starting += Math.max(missing, 0);
      // In a burst a worker soon is worth more than a warmer one later, and javac warm-ups would
      // take the CPU from the cold starts of runs that wait: only the run path is warmed then.
      compiles = size > minSize ? 0 : warmups;
    }
    for (int i = 0; i < missing; i++) {
      spawn(compiles)
          .onComplete(ar -> {
            boolean keep;
            synchronized (this) {
              starting--;
              keep = ar.succeeded() && !closed;
              if (keep) {
                idle.add(ar.result());
              }
            }
            if (ar.succeeded() && keep) {
              refill(); // the next one, if this start was held back by maxStarting
            }
            if (ar.failed()) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "a worker failed to start: " + ar.cause().getMessage());
            } else if (!keep) {
              ar.result().kill();
            } else {
              // An idle worker that dies (killed from outside, say) must not be handed out.
              ar.result().exit().onComplete(x -> forget(ar.result()));
            }
          });
    }
  }

  private void forget(Child worker) {
    boolean removed;
    synchronized (this) {
      removed = idle.remove(worker);
    }
    if (removed) {
      refill();
    }
  }

  private Future<Child> spawn(int warmupCompiles) {
    int slot = takeSlot();
    return launcher
        .start(Sandbox.Role.WORKER, slot, warmupCompiles)
        .onFailure(e -> releaseSlot(slot))
        .compose(worker -> {
          worker.exit().onComplete(x -> releaseSlot(slot));
          return worker.ready();
        });
  }

  private synchronized int takeSlot() {
    int slot = slots.nextClearBit(0);
    slots.set(slot);
    return slot;
  }

  private synchronized void releaseSlot(int slot) {
    slots.clear(slot);
  }

  static Path createWorkDir(Path dir) {
    try {
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
