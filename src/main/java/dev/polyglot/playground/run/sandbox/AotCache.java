package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.worker.Compiler;
import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDK 25 AOT cache for worker JVMs (JEP 483/514/515). At start-up one training worker, in the
 * same sandbox and with the same class path as every other, does what a pool's worker does: its
 * javac warm-ups, if any, then a typical lesson program ({@link TrainingProgram}); the JVM writes
 * the cache as it exits. From then on workers start with it: their classes come loaded and linked,
 * with profiles from the training run. Until it is ready, or if training fails, workers simply
 * start without it.
 *
 * <p>A cache recorded by an earlier start is kept when it was recorded for the same workers: the
 * same JVM command (flags, class path), the same worker jar and the same runtime, and its bytes are
 * those the server saw written. The key file, written by the server alone, says so. A restart then
 * skips the training, seconds of CPU.
 *
 * <p>{@code polyglot-playground.jar prepare} records one ahead of time beside the jar, where the
 * machine that builds the jar has the sandbox. A server whose workers it fits copies it into its
 * work folder, so a first start skips the training too. Inside a sandbox the JVM command names the
 * sandbox's paths only, never the work folder's, so the key is the same in any work folder.
 */
final class AotCache {
  private static final System.Logger LOG = System.getLogger(AotCache.class.getName());

  /** Outside the pool's slots, so the training uid is never a run's uid. */
  static final int TRAINING_SLOT = 999;

  /** Where the cache stands, as /health reports it. */
  enum State {
    TRAINING,
    READY,
    UNAVAILABLE;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private volatile State state = State.TRAINING;

  boolean ready() {
    return state == State.READY;
  }

  State state() {
    return state;
  }

  /**
   * Makes the cache ready in the background: keeps the one in {@code dir} if it was recorded for
   * {@code key} and is intact, else copies the one recorded ahead of time in {@code madeAhead} if
   * that one is, else records it afresh with one training child. The future says whether a cache is
   * ready.
   */
  Future<Boolean> train(
      Vertx vertx,
      Path dir,
      String key,
      ChildLauncher launcher,
      Training training,
      Optional<Path> madeAhead) {
    return vertx
        .executeBlocking(
            () -> {
              Files.createDirectories(dir);
              if (intact(dir, key)) {
                return Optional.of("kept from an earlier start");
              }
              Files.deleteIfExists(dir.resolve(KEY_FILE));
              Files.deleteIfExists(dir.resolve(Sandbox.AOT_FILE));
              if (madeAhead.isPresent() && intact(madeAhead.get(), key)) {
                // Runs read it as their own uids, whatever the server's umask.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                copy(madeAhead.get(), dir);
                if (intact(dir, key)) {
                  return Optional.of("recorded at build in " + madeAhead.get());
                }
              }
              // The training run writes here as its own unprivileged uid; runs only ever read it.
              Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
              return Optional.<String>empty();
            },
            false)
        .compose(found ->
            found.isPresent()
                ? Future.succeededFuture(found)
                : record(vertx, dir, key, launcher, training)
                    .map(ok -> ok ? Optional.of("recorded now") : Optional.<String>empty()))
        .onComplete(ar -> {
          state = ar.succeeded() && ar.result().isPresent() ? State.READY : State.UNAVAILABLE;
          if (ready()) {
            LOG.log(
                Level.INFO,
                "AOT cache ready (" + ar.result().get() + "): workers now start with it");
          } else {
            LOG.log(
                Level.WARNING,
                "no AOT cache, workers start without it: "
                    + (ar.failed() ? ar.cause().getMessage() : "training left no cache"));
          }
        })
        .map(Optional::isPresent);
  }

  /** Whether {@code dir} holds a cache recorded for {@code key}, with the bytes recorded then. */
  static boolean intact(Path dir, String key) throws IOException {
    Path cache = dir.resolve(Sandbox.AOT_FILE);
    Path keyFile = dir.resolve(KEY_FILE);
    if (!Files.isRegularFile(keyFile, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    // The key first: hashing tens of MB is only worth it for a cache of these workers.
    String recorded = Files.readString(keyFile);
    return recorded.startsWith(key + " ") && recorded.equals(key + " " + sha256(cache));
  }

  /**
   * Copies a cache and its key file from {@code from} into {@code to}, the key file last, so that a
   * reader never finds a key beside a cache that is not yet whole. Blocking.
   */
  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.deleteIfExists(to.resolve(KEY_FILE));
    for (String name : List.of(Sandbox.AOT_FILE, KEY_FILE)) {
      Path part = Files.createTempFile(to, name, ".part");
      Files.copy(from.resolve(name), part, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(part, to.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * What the training worker does, as a pool's workers do: the javac warm-ups they do ({@code
   * WARMUPS}, none by default), then a lesson program ({@link TrainingProgram}), as a bundled
   * run's. So javac is in the cache only where workers run it, and the training takes about 2.8 s
   * instead of 4.7 (outside the sandbox).
   */
  record Training(int warmups) {}

  private static Future<Boolean> record(
      Vertx vertx, Path dir, String key, ChildLauncher launcher, Training training) {
    Path cache = dir.resolve(Sandbox.AOT_FILE);
    Future<Compiler.Result> program = vertx.executeBlocking(AotCache::program, false);
    Future<Child> child =
        launcher
            .start(Sandbox.Role.TRAINING, TRAINING_SLOT, training.warmups())
            .compose(Child::ready);
    return Future.join(program, child)
        .onFailure(e -> {
          if (child.succeeded()) {
            child.result().kill();
          }
        })
        .compose(both -> finish(child.result(), program.result(), cache))
        .compose(ok ->
            vertx.executeBlocking(
                () -> {
                  // Closed again before the key is written: nobody but the server changes it now.
                  Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                  if (ok) {
                    Files.writeString(
                        dir.resolve(KEY_FILE),
                        key + " " + sha256(cache),
                        StandardOpenOption.CREATE_NEW);
                  }
                  return ok;
                },
                false));
  }

  /**
   * The class files of {@link TrainingProgram}, as a compiled lesson's are sent. The server's own
   * build compiled them: compiling the program at start-up took javac in the server 1.8 s of a
   * first start, and the training worker waited for it.
   */
  static Compiler.Result program() throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    for (Class<?> type : TrainingProgram.class.getNestMembers()) {
      try (InputStream in =
          AotCache.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
        if (in == null) {
          throw new IOException("no class file for " + type.getName());
        }
        classes.put(type.getName(), in.readAllBytes());
      }
    }
    return new Compiler.Result(classes, TrainingProgram.class.getName(), List.of());
  }

  /** Next to the cache: what it was recorded for, and its own hash. */
  static final String KEY_FILE = Sandbox.AOT_FILE + ".key";

  /** The key of the cache for the workers of {@code jail}, with {@code warmups} each. */
  static String key(Jail jail, int warmups) throws IOException {
    return key(
        jail.sandbox().jvm(Sandbox.Role.WORKER, warmups, Sandbox.Aot.USE),
        jail.files().lib().resolve(WorkerFiles.JAR),
        jail.sandbox().javaHome());
  }

  /**
   * What a cache is valid for: the workers' JVM command ({@link Sandbox#jvm}), the bytes of their
   * class path, and the runtime they run on. The command names the runtime only as the sandbox sees
   * it ({@code /app/jdk}), so a JDK updated in place, or a runtime made again, would otherwise keep
   * the key of a cache that the JVM then refuses (a cache is for one JDK build), and every worker
   * would start without one. The runtime counts by its {@code release} file and its {@code
   * lib/modules} image's size and time.
   */
  static String key(List<String> command, Path jar, Path javaHome) throws IOException {
    return sha256(String.join("\0", command).getBytes(StandardCharsets.UTF_8))
        + "-"
        + sha256(jar)
        + "-"
        + sha256(runtime(javaHome).getBytes(StandardCharsets.UTF_8));
  }

  private static String runtime(Path javaHome) throws IOException {
    Path release = javaHome.resolve("release");
    Path modules = javaHome.resolve("lib/modules");
    return (Files.isRegularFile(release) ? Files.readString(release) : "no release file")
        + "\0"
        + (Files.isRegularFile(modules)
            ? Files.size(modules) + " " + Files.getLastModifiedTime(modules).toMillis()
            : "no modules image");
  }

  private static String sha256(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      var digest = digest();
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has it
    }
  }

  private static Future<Boolean> finish(Child child, Compiler.Result program, Path cache) {
    if (!program.ok()) {
      child.kill();
      return Future.failedFuture("the training program does not compile: " + program.messages());
    }
    Promise<Boolean> done = Promise.promise();
    var said = new java.util.concurrent.ConcurrentLinkedDeque<String>();
    child.attach(
        new Child.Listener() {
          @Override
          public void message(Wire.Envelope envelope) {
            if (envelope.message() instanceof Wire.Output o) {
              stray(o.text(), o.stderr());
            }
          }

          @Override
          public void stray(String line, boolean stderr) {
            LOG.log(Level.DEBUG, "AOT training: " + line);
            if (!line.contains("Skipping")) {
              said.addLast(line);
              if (said.size() > 5) {
                said.removeFirst();
              }
            }
          }

          @Override
          public void exited(int code) {
            // Blocking, but only a stat on the child's exit thread, never an event loop.
            if (code == 0 && Files.isRegularFile(cache)) {
              done.complete(true);
            } else {
              done.fail("training exited with " + code + ": " + String.join(" | ", said));
            }
          }
        });
    child.send(1, new Wire.Load(program.classes(), program.mainClass()), true);
    return done.future();
  }
}
