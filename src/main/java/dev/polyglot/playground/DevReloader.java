package dev.polyglot.playground;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Dev mode: polls the lessons folder once a second and rebuilds the site when any file's name, size
 * or modification time changes. Polling is portable (a recursive WatchService is not) and a lessons
 * tree is small. Both the scan and the rebuild run on worker threads.
 */
final class DevReloader {
  private static final System.Logger LOG = System.getLogger(DevReloader.class.getName());
  private static final long PERIOD_MS = 1000;

  private final Vertx vertx;
  private final Path root;
  private final Supplier<Future<?>> rebuild;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile long fingerprint;

  DevReloader(Vertx vertx, Path root, Supplier<Future<?>> rebuild) {
    this.vertx = vertx;
    this.root = root;
    this.rebuild = rebuild;
  }

  void start() {
    fingerprint = fingerprint(root);
    vertx.setPeriodic(PERIOD_MS, id -> poll());
    LOG.log(
        System.Logger.Level.INFO, "dev mode: reloading lessons from " + root + " when they change");
  }

  private void poll() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    vertx
        .executeBlocking(() -> fingerprint(root))
        .compose(now -> {
          if (now == fingerprint) {
            return Future.succeededFuture();
          }
          fingerprint = now;
          LOG.log(System.Logger.Level.INFO, "lessons changed; reloading");
          return rebuild.get();
        })
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "reload failed", e))
        .onComplete(x -> busy.set(false));
  }

  /** A sum over every file's path, size and time; -1 while the folder cannot be read. */
  static long fingerprint(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .mapToLong(p -> {
            try {
              var attrs = Files.readAttributes(p, BasicFileAttributes.class);
              return Objects.hash(p.toString(), attrs.size(), attrs.lastModifiedTime().toMillis());
            } catch (IOException e) {
              return p.hashCode();
            }
          })
          .sum(); // order-independent, so the walk order does not matter
    } catch (IOException | UncheckedIOException e) {
      return -1; // gone or unreadable: the reload reports it as a content problem
    }
  }
}
