package dev.polyglot.playground.run.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * What the workers' class path holds, made once at start-up from the server's own class path: only
 * the {@link SnippetLibraries}, in one world-readable jar, because workers run as unprivileged uids
 * that may not read where the server's jars live (say {@code /root/.m2}). The sandbox binds it
 * read-only at {@link #SANDBOX_LIB}. The same jar is what javac compiles lesson code against, in
 * the workers, in the compile service and in the server.
 */
record WorkerFiles(Path root) {
  static final String JAR = "worker.jar";

  /** Where the sandbox shows {@link #lib()}. */
  static final String SANDBOX_LIB = "/app/lib";

  Path lib() {
    return root.resolve("lib");
  }

  /** The class path as the worker sees it: inside the sandbox, or on the host. */
  String classPath(boolean sandboxed) {
    return (sandboxed ? SANDBOX_LIB : lib().toString()) + "/" + JAR;
  }

  /** From the server's own class path. Blocking: call it off the event loop. */
  static WorkerFiles prepare(Path root) {
    List<Path> classPath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .map(Path::of)
            .toList();
    return prepare(root, classPath, SnippetLibraries.bundled());
  }

  static WorkerFiles prepare(Path root, List<Path> classPath, SnippetLibraries libraries) {
    var files = new WorkerFiles(root);
    try {
      Files.createDirectories(files.lib());
      readable(root);
      readable(files.lib());
      Path jar = files.lib().resolve(JAR);
      Path stamp = files.lib().resolve(STAMP);
      Optional<String> sources = sources(classPath, libraries);
      if (sources.isPresent()
          && Files.isRegularFile(jar)
          && Files.isRegularFile(stamp)
          && Files.readString(stamp).equals(sources.get())) {
        return files;
      }
      Files.deleteIfExists(stamp);
      Map<String, byte[]> entries = collect(classPath, libraries);
      keepKnownProviders(entries);
      writeJar(jar, entries);
      if (sources.isPresent()) {
        Files.writeString(stamp, sources.get());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare worker files in " + root, e);
    }
  }

  /**
   * Beside the jar: what it was made from, so that a restart from the same jars skips making it.
   */
  static final String STAMP = JAR + ".sources";

  /**
   * What the jar is made from: the allowed packages, and each jar of the class path by path, size
   * and modification time. Reading and inflating the server's jar costs a restart half a second of
   * CPU, while it renders the site. Empty when the class path has a folder (a development build),
   * whose files may change under the same folder: then the jar is made at every start.
   */
  private static Optional<String> sources(List<Path> classPath, SnippetLibraries libraries)
      throws IOException {
    var sources = new StringBuilder(String.join("\n", libraries.prefixes())).append('\n');
    for (Path element : classPath) {
      if (Files.isDirectory(element)) {
        return Optional.empty();
      }
      if (Files.isRegularFile(element)) {
        sources
            .append(element.toAbsolutePath())
            .append(' ')
            .append(Files.size(element))
            .append(' ')
            .append(Files.getLastModifiedTime(element).toMillis())
            .append('\n');
      }
    }
    return Optional.of(sources.toString());
  }

  /** Allowed entries by name; like class loading, the first class path entry that has one wins. */
  private static Map<String, byte[]> collect(List<Path> classPath, SnippetLibraries libraries)
      throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    for (Path element : classPath) {
      if (Files.isDirectory(element)) {
        try (Stream<Path> walk = Files.walk(element)) {
          for (Path p : walk.filter(Files::isRegularFile).toList()) {
            String name = element.relativize(p).toString().replace(File.separatorChar, '/');
            if (libraries.allows(name) && !entries.containsKey(name)) {
              entries.put(name, Files.readAllBytes(p));
            }
          }
        }
      } else if (Files.isRegularFile(element)) {
        try (var jar = new JarFile(element.toFile())) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (!e.isDirectory() && libraries.allows(e.getName())) {
              if (!entries.containsKey(e.getName())) {
                try (InputStream in = jar.getInputStream(e)) {
                  entries.put(e.getName(), in.readAllBytes());
                }
              }
            }
          }
        }
      }
    }
    return entries;
  }

  /**
   * A service file merged from several jars may name providers that stay behind; ServiceLoader
   * would fail on them, so only the ones that came along are kept.
   */
  private static void keepKnownProviders(Map<String, byte[]> entries) {
    for (var e : entries.entrySet()) {
      if (e.getKey().startsWith(SnippetLibraries.SERVICES)) {
        String kept =
            new String(e.getValue(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> {
                  String provider = line.replaceFirst("#.*", "").strip();
                  return provider.isEmpty()
                      || entries.containsKey(SnippetLibraries.classFile(provider));
                })
                .collect(Collectors.joining("\n", "", "\n"));
        e.setValue(kept.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Writes the jar, the same bytes for the same entries, and leaves the file alone when it already
   * holds them: an AOT cache recorded by an earlier start is only valid for the jar it was recorded
   * with, down to its modification time.
   */
  private static void writeJar(Path target, Map<String, byte[]> entries) throws IOException {
    var manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (entries.keySet().stream().anyMatch(n -> n.startsWith("META-INF/versions/"))) {
      manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    }
    var manifestBytes = new java.io.ByteArrayOutputStream();
    manifest.write(manifestBytes);
    var bytes = new java.io.ByteArrayOutputStream();
    // Stored, not compressed: it is only ever read from this disk.
    try (var jar = new JarOutputStream(bytes)) {
      put(jar, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
      for (var e : entries.entrySet()) {
        if (!e.getKey().equals(JarFile.MANIFEST_NAME)) {
          put(jar, e.getKey(), e.getValue());
        }
      }
    }
    byte[] written = bytes.toByteArray();
    if (!Files.isRegularFile(target)
        || !java.util.Arrays.equals(Files.readAllBytes(target), written)) {
      Files.write(target, written);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Entries carry a fixed time, so that the same entries make the same jar at every start. */
  private static final long ENTRY_TIME =
      java.time.LocalDateTime.of(2000, 1, 1, 0, 0)
          .toInstant(java.time.ZoneOffset.UTC)
          .toEpochMilli();

  private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    var entry = new JarEntry(name);
    var crc = new CRC32();
    crc.update(bytes);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    entry.setCrc(crc.getValue());
    entry.setTime(ENTRY_TIME);
    jar.putNextEntry(entry);
    jar.write(bytes);
    jar.closeEntry();
  }

  /**
   * The first folder above {@code root} that other users may not enter, if any. Sandboxed workers
   * run as users of their own, so they could not reach their class path below it.
   */
  static java.util.Optional<Path> closedAncestor(Path root) {
    for (Path dir = root.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(dir)
            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          return java.util.Optional.of(dir);
        }
      } catch (IOException | UnsupportedOperationException e) {
        return java.util.Optional.empty(); // not a POSIX file system: nothing to tell
      }
    }
    return java.util.Optional.empty();
  }

  private static void readable(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
