package dev.polyglot.playground.run.jvm;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Keeps {@code size} warm workers waiting. Each serves one run; taking one starts a replacement in
 * the background. When none is ready, a cold one (no javac warm-up, so it is ready sooner) is
 * started for that run alone. Each worker holds a slot, and so a uid of its own, until it exits.
 *
 * <pre>
 *   acquire ─┬─ idle worker ready? ── take it ── refill()
 *            └─ none ────────────── spawn cold ─ wait for ready
 *   refill: spawn warm workers until idle + starting = size
 *   an idle worker that exits (killed from outside) is dropped and replaced
 * </pre>
 *
 * <p>Called from several event loops; the lists are guarded by this object's monitor.
 */
final class WorkerPool {
  private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());

  private final ChildLauncher launcher;
  private final int size;
  private final int warmups;
  private final List<Child> idle = new ArrayList<>();
  private final BitSet slots = new BitSet();
  private int starting;
  private boolean closed;

  WorkerPool(ChildLauncher launcher, int size, int warmups) {
    this.launcher = launcher;
    this.size = size;
    this.warmups = warmups;
  }

  void start() {
    refill();
  }

  Future<Child> acquire() {
    Child worker;
    synchronized (this) {
      worker = idle.isEmpty() ? null : idle.removeFirst();
    }
    refill();
    if (worker != null) {
      return Future.succeededFuture(worker);
    }
    return spawn(0);
  }

  synchronized int idleCount() {
    return idle.size();
  }

  int size() {
    return size;
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
    synchronized (this) {
      missing = closed ? 0 : size - idle.size() - starting;
      starting += Math.max(missing, 0);
    }
    for (int i = 0; i < missing; i++) {
      spawn(warmups)
          .onComplete(ar -> {
            boolean keep;
            synchronized (this) {
              starting--;
              keep = ar.succeeded() && !closed;
              if (keep) {
                idle.add(ar.result());
              }
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
