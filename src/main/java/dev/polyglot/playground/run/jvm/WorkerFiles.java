package dev.polyglot.playground.run.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A world-readable copy of the application's class path, made once at start-up. Workers run as
 * unprivileged uids that may not read where the jar lives (say {@code /root/.m2}); the sandbox
 * binds this copy read-only at {@link #SANDBOX_LIB}.
 *
 * @param entries file names of the class path entries, in order, inside {@code root/lib}
 */
record WorkerFiles(Path root, List<String> entries) {
  static final String SANDBOX_LIB = "/app/lib";

  Path lib() {
    return root.resolve("lib");
  }

  /** The class path as the worker sees it: inside the sandbox, or on the host. */
  String classPath(boolean sandboxed) {
    String dir = sandboxed ? SANDBOX_LIB : lib().toString();
    return String.join(
        java.io.File.pathSeparator, entries.stream().map(e -> dir + "/" + e).toList());
  }

  static WorkerFiles prepare(Path root) {
    try {
      Path lib = root.resolve("lib");
      Files.createDirectories(lib);
      readable(root);
      readable(lib);
      List<String> entries = new ArrayList<>();
      int i = 0;
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path source = Path.of(entry);
        if (!Files.exists(source)) {
          continue;
        }
        // Folders (target/classes when run from a build) are packed as jars: the JDK's AOT cache
        // accepts only jars on the class path.
        String name =
            "%02d-%s%s"
                .formatted(i++, source.getFileName(), Files.isDirectory(source) ? ".jar" : "");
        copy(source, lib.resolve(name));
        entries.add(name);
      }
      return new WorkerFiles(root, List.copyOf(entries));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare worker files in " + root, e);
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    if (Files.isDirectory(source)) {
      try (Stream<Path> files = Files.walk(source);
          var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(target))) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          jar.putNextEntry(
              new java.util.jar.JarEntry(source.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, jar);
          jar.closeEntry();
        }
      }
    } else {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void readable(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
