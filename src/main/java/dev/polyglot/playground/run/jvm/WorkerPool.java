package dev.polyglot.playground.run.jvm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * started for that run alone.
 *
 * <pre>
 *   acquire ─┬─ idle worker ready? ── take it ── refill()
 *            └─ none ────────────── spawn cold ─ wait for "ready"
 *   refill: spawn warm workers until idle + starting = size
 * </pre>
 */
final class WorkerPool {
  private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());

  private final Vertx vertx;
  private final Sandbox sandbox;
  private final Path workDir;
  private final int size;
  private final int warmups;
  private final AotCache aot;
  private final List<WorkerProcess> idle = new ArrayList<>();
  private final BitSet slots = new BitSet();
  private int starting;
  private boolean closed;

  WorkerPool(Vertx vertx, Sandbox sandbox, Path workDir, int size, int warmups, AotCache aot) {
    this.vertx = vertx;
    this.aot = aot;
    this.sandbox = sandbox;
    this.workDir = workDir;
    this.size = size;
    this.warmups = warmups;
  }

  void start() {
    refill();
  }

  Future<WorkerProcess> acquire() {
    WorkerProcess worker;
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
    List<WorkerProcess> workers;
    synchronized (this) {
      closed = true;
      workers = new ArrayList<>(idle);
      idle.clear();
    }
    workers.forEach(WorkerProcess::kill);
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
            if (ar.succeeded() && !keep) {
              ar.result().kill();
            } else if (ar.failed()) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "a worker failed to start: " + ar.cause().getMessage());
            }
            if (ar.succeeded()) {
              // An idle worker that dies (killed from outside, say) must not be handed out.
              ar.result().onExit().thenRun(() -> forget(ar.result()));
            }
          });
    }
  }

  private void forget(WorkerProcess worker) {
    boolean removed;
    synchronized (this) {
      removed = idle.remove(worker);
    }
    if (removed) {
      refill();
    }
  }

  private Future<WorkerProcess> spawn(int warmupCompiles) {
    int slot = takeSlot();
    return vertx
        .executeBlocking(
            () -> {
              Path dir = workDir.resolve("slot-" + slot);
              Files.createDirectories(dir);
              var mode = aot.ready() ? Sandbox.Aot.USE : Sandbox.Aot.NONE;
              return WorkerProcess.spawn(slot, sandbox.command(slot, warmupCompiles, mode), dir);
            },
            false)
        .onFailure(e -> releaseSlot(slot))
        .compose(worker -> {
          worker.onExit().thenRun(() -> releaseSlot(slot));
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
