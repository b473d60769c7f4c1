package dev.polyglot.playground.run.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workers' AOT cache recorded ahead of time, beside the jar ({@code polyglot-playground.jar
 * prepare}), as {@link WorkerRuntime} links their runtime there. A first start then copies it
 * instead of training one: the training was 1.75-5.90 s of a first start's way to ready, on both
 * cores.
 *
 * <p>Recording needs the sandbox, as every worker runs in one: a machine without it (a {@code
 * docker build}) records nothing, and the server trains at its first start as before. The cache is
 * for the settings {@code prepare} was given; a server with other limits or warm-ups has another
 * key and trains its own.
 */
final class AotAhead {
  private static final System.Logger LOG = System.getLogger(AotAhead.class.getName());

  private AotAhead() {}

  /** Where the cache recorded ahead lives: beside the runtimes linked ahead. */
  static Optional<Path> dir() {
    return WorkerRuntime.besideJar().map(runtimes -> runtimes.resolve("aot"));
  }

  /**
   * Records the cache beside the jar for workers with these settings, or keeps the one there if it
   * fits them. Works in a work folder of its own, deleted afterwards, so that a server running
   * meanwhile is not disturbed. The future says what was done, for a person to read.
   */
  static Future<String> record(Vertx vertx, RunSettings settings) {
    Path ahead =
        dir().orElseThrow(() -> new IllegalStateException("the server does not run from a jar"));
    // The runtime linked ahead sits beside the cache: where sandboxed runs cannot reach it, the
    // server will not use it, nor a cache recorded with it (WorkerRuntime has said so already).
    return vertx
        .executeBlocking(() -> WorkerFiles.closedAncestor(ahead).isPresent(), false)
        .compose(closed ->
            closed ? Future.succeededFuture(UNREACHABLE) : record(vertx, settings, ahead));
  }

  private static final String UNREACHABLE =
      "not recorded: no runtime linked ahead that sandboxed runs can reach;"
          + " the server records it at its first start";

  private static Future<String> record(Vertx vertx, RunSettings settings, Path ahead) {
    return vertx
        .executeBlocking(
            () -> {
              Path work =
                  Files.createTempDirectory(
                      "playground-prepare-",
                      PosixFilePermissions.asFileAttribute(
                          PosixFilePermissions.fromString("rwxr-xr-x")));
              return new Setup(work, Jail.prepare(settings.withWorkDir(work)));
            },
            false)
        .compose(setup ->
            inWorkFolder(vertx, settings, setup, ahead)
                .eventually(() -> vertx.executeBlocking(setup::close, false)));
  }

  private static Future<String> inWorkFolder(
      Vertx vertx, RunSettings settings, Setup setup, Path ahead) {
    Jail jail = setup.jail();
    if (jail.isolation().mode() != Sandbox.Mode.SANDBOXED) {
      return Future.succeededFuture(
          "not recorded: no sandbox here (bubblewrap is missing or cannot create namespaces);"
              + " the server records it at its first start");
    }
    if (jail.sandbox().javaHome().startsWith(setup.work())) {
      return Future.succeededFuture(UNREACHABLE);
    }
    return vertx
        .executeBlocking(
            () -> {
              String key = AotCache.key(jail, settings.warmups());
              return new Wanted(key, AotCache.intact(ahead, key));
            },
            false)
        .compose(wanted -> {
          if (wanted.there()) {
            return Future.succeededFuture("kept " + ahead.resolve(Sandbox.AOT_FILE));
          }
          var aot = new AotCache();
          var launcher = new SandboxLauncher(vertx, jail.sandbox(), jail.files().root(), aot);
          Path trained = jail.sandbox().aotDir();
          return aot.train(
                  vertx,
                  trained,
                  wanted.key(),
                  launcher,
                  new AotCache.Training(settings.warmups()),
                  Optional.empty())
              .compose(ok ->
                  ok
                      ? vertx.executeBlocking(
                          () -> {
                            AotCache.copy(trained, ahead);
                            return "recorded " + ahead.resolve(Sandbox.AOT_FILE);
                          },
                          false)
                      : Future.failedFuture("the training left no cache"));
        });
  }

  /** The key of the cache these workers need, and whether the one beside the jar has it. */
  private record Wanted(String key, boolean there) {}

  /** The work folder of one {@code prepare}, and what it made there. */
  private record Setup(Path work, Jail jail) {
    Void close() {
      jail.close();
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        LOG.log(Level.WARNING, "could not delete " + work + ": " + e.getMessage());
      }
      return null;
    }
  }
}
