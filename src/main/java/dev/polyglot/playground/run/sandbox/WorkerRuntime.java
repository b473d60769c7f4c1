package dev.polyglot.playground.run.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Java runtime that children run on: the server's JDK cut down by jlink to the modules in
 * {@code worker-modules.txt}, made once per JDK and module list: ahead of time beside the jar
 * ({@code polyglot-playground.jar prepare}, which the Dockerfile and {@code ./playground run} do at
 * build time), or else at start-up in the work folder.
 *
 * <p>Why: workers deny native access ({@code --illegal-native-access=deny}), and with that flag JDK
 * 25 does not use the AOT cache's archived module graph, so each worker resolves its module graph
 * at start-up, and that costs in proportion to the modules in the runtime. A runtime of ten modules
 * instead of seventy gives back what the flag costs. It also leaves less of the JDK to reader code.
 * ({@code --limit-modules} on the whole JDK would need no jlink, but the JVM will not record an AOT
 * cache with it.)
 *
 * <p>When jlink is missing (a JRE) or fails, children run on the server's own JDK, as before.
 */
final class WorkerRuntime {
  private static final System.Logger LOG = System.getLogger(WorkerRuntime.class.getName());
  private static final Path JDK = Path.of(System.getProperty("java.home"));
  private static final Path JLINK = JDK.resolve("bin/jlink");
  private static final String COMPLETE = ".complete";

  private WorkerRuntime() {}

  /**
   * The runtime's home: one made ahead of time beside the jar ({@link #makeBesideJar}), else a
   * folder in {@code workDir}, or the server's JDK when one cannot be made.
   */
  static Path prepare(Path workDir) {
    return prepare(workDir, besideJar());
  }

  static Path prepare(Path workDir, Optional<Path> madeAhead) {
    if (!Files.isExecutable(JLINK)) {
      LOG.log(Level.WARNING, "no jlink in " + JDK + ": children run on the whole JDK");
      return JDK;
    }
    String name = name();
    Optional<Path> ahead =
        madeAhead
            .map(dir -> dir.resolve(name))
            .filter(home -> Files.exists(home.resolve(COMPLETE)))
            .filter(WorkerRuntime::reachable);
    if (ahead.isPresent()) {
      return ahead.get();
    }
    try {
      return make(workDir, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JlinkException e) {
      LOG.log(Level.WARNING, "jlink failed, children run on the whole JDK: " + e.getMessage());
      return JDK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JDK;
    }
  }

  /**
   * Makes the runtime beside the jar, where every start finds it, so that a first start, say each
   * new container of an image, does not link one (a second of its way to ready). Blocking.
   *
   * @throws IllegalStateException when the server does not run from a jar or jlink fails
   */
  static Path makeBesideJar() throws IOException, InterruptedException {
    Path dir =
        besideJar()
            .orElseThrow(() -> new IllegalStateException("the server does not run from a jar"));
    if (!Files.isExecutable(JLINK)) {
      throw new IllegalStateException("no jlink in " + JDK);
    }
    Files.createDirectories(dir);
    try {
      Path home = make(dir, name());
      reachable(home); // says so now, while someone reads what this command prints
      return home;
    } catch (JlinkException e) {
      throw new IllegalStateException("jlink failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether sandboxed children, who run as users of their own, can reach {@code home}: a runtime
   * linked beside a jar in a home folder that only its owner may enter is of no use to them.
   */
  private static boolean reachable(Path home) {
    var closed = WorkerFiles.closedAncestor(home);
    closed.ifPresent(dir ->
        LOG.log(
            Level.WARNING,
            ("the runtime linked ahead in %s is inside %s, which other users may not enter,"
                    + " and sandboxed runs are other users: the server links one in its work"
                    + " folder instead")
                .formatted(home, dir)));
    return closed.isEmpty();
  }

  /** A folder beside the server's jar, when it runs from one. */
  static Optional<Path> besideJar() {
    try {
      var source = WorkerRuntime.class.getProtectionDomain().getCodeSource();
      Path location = source == null ? null : Path.of(source.getLocation().toURI());
      return location != null && Files.isRegularFile(location)
          ? Optional.of(location.resolveSibling(MADE_AHEAD))
          : Optional.empty();
    } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The folder beside the jar that holds runtimes made ahead of time. */
  static final String MADE_AHEAD = "worker-runtimes";

  private static Path make(Path dir, String name)
      throws IOException, InterruptedException, JlinkException {
    Path home = dir.resolve(name);
    if (Files.exists(home.resolve(COMPLETE))) {
      return home;
    }
    Path building = Files.createTempDirectory(dir, "runtime-building-");
    Path output = building.resolve("image");
    var command =
        List.of(
            // A first start's readers, whose pages are served meanwhile, should win the CPU; when
            // none come, jlink took 1.55-1.65 s of a first start at nice 10 and without it alike.
            "nice",
            "-n",
            "10",
            JLINK.toString(),
            // A tool that runs for a second: C2 would not pay (alone, 0.96-0.98 s with C1 only,
            // 1.08-1.09 s with C2).
            "-J-XX:TieredStopAtLevel=1",
            "--add-modules",
            String.join(",", modules()),
            "--output",
            output.toString(),
            "--no-header-files",
            "--no-man-pages");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new JlinkException(said.strip());
    }
    Files.createFile(output.resolve(COMPLETE));
    try {
      Files.move(output, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      // Another server on this work folder made it first: theirs is as good.
      if (!Files.exists(home.resolve(COMPLETE))) {
        throw raced;
      }
    }
    Files.deleteIfExists(building);
    return home;
  }

  /** jlink said no; what it said is the message. */
  private static final class JlinkException extends Exception {
    JlinkException(String message) {
      super(message);
    }
  }

  static List<String> modules() {
    try (InputStream in = WorkerRuntime.class.getResourceAsStream("worker-modules.txt")) {
      List<String> modules = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String module = line.strip();
        if (!module.isEmpty() && !module.startsWith("#")) {
          modules.add(module);
        }
      }
      return modules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names a runtime by the JDK it was cut from and its modules, so a new JDK makes a new one. */
  private static String name() {
    return "runtime-" + key(modules());
  }

  private static String key(List<String> modules) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (Runtime.version() + "\n" + JDK + "\n" + modules).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
