package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers get only the snippet libraries, in one jar. */
class WorkerFilesTest {
  static final SnippetLibraries LIBRARIES =
      SnippetLibraries.parse(
          """
          # a comment
          io/vertx/core/   # Vert.x
          com/fasterxml/jackson/core/
          """);

  @TempDir Path dir;

  @Test
  void keepsOnlyTheAllowedEntriesFromJarsAndFoldersInOneStoredJar() throws IOException {
    Path app =
        jar(
            "app.jar",
            Map.of(
                "io/vertx/core/Vertx.class", "vertx",
                "com/github/jknack/handlebars/Handlebars.class", "templates",
                "META-INF/services/io.vertx.core.spi.VertxServiceProvider",
                    "# header\nio.vertx.core.impl.Kept\nio.vertx.micrometer.Gone\n",
                "io/vertx/core/impl/Kept.class", "kept",
                "META-INF/versions/17/com/fasterxml/jackson/core/Json.class", "mr",
                "META-INF/versions/9/module-info.class", "module"));
    Path folder = dir.resolve("classes");
    write(folder.resolve("io/vertx/core/Vertx.class"), "later, loses");
    write(folder.resolve("dev/polyglot/playground/Main.class"), "server");
    write(folder.resolve("com/fasterxml/jackson/core/Json.class"), "json");

    var files = WorkerFiles.prepare(dir.resolve("work"), List.of(app, folder), LIBRARIES);

    Map<String, String> jar = read(files.lib().resolve(WorkerFiles.JAR));
    assertThat(jar)
        .containsOnlyKeys(
            "META-INF/MANIFEST.MF",
            "io/vertx/core/Vertx.class",
            "io/vertx/core/impl/Kept.class",
            "com/fasterxml/jackson/core/Json.class",
            "META-INF/versions/17/com/fasterxml/jackson/core/Json.class",
            "META-INF/services/io.vertx.core.spi.VertxServiceProvider");
    assertThat(jar.get("io/vertx/core/Vertx.class")).isEqualTo("vertx");
    assertThat(jar.get("META-INF/MANIFEST.MF")).contains("Multi-Release: true");
    try (var file = new JarFile(files.lib().resolve(WorkerFiles.JAR).toFile())) {
      assertThat(Collections.list(file.entries()))
          .filteredOn(e -> !e.getName().equals("META-INF/MANIFEST.MF"))
          .allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED));
    }
    assertThat(jar.get("META-INF/services/io.vertx.core.spi.VertxServiceProvider"))
        .isEqualTo("# header\nio.vertx.core.impl.Kept\n");

    assertThat(files.classPath(true)).isEqualTo("/app/lib/worker.jar");
  }

  @Test
  void everythingIsReadableByOtherUsersAndAnEarlierCopyIsReplaced() throws IOException {
    Path app = jar("app.jar", Map.of("io/vertx/core/Old.class", "old"));
    Path work = dir.resolve("work");
    WorkerFiles.prepare(work, List.of(app), LIBRARIES);
    Path next = jar("next.jar", Map.of("io/vertx/core/deep/New.class", "new"));

    var files = WorkerFiles.prepare(work, List.of(next), LIBRARIES);

    assertThat(read(files.lib().resolve(WorkerFiles.JAR)))
        .containsKey("io/vertx/core/deep/New.class")
        .doesNotContainKey("io/vertx/core/Old.class");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(files.lib().resolve(WorkerFiles.JAR))))
        .isEqualTo("rw-r--r--");
    for (Path d : List.of(work, files.lib())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d)))
          .isEqualTo("rwxr-xr-x");
    }
  }

  @Test
  void aRestartFromTheSameJarsKeepsTheJarWithoutMakingItAgain() throws IOException {
    Path app = jar("app.jar", Map.of("io/vertx/core/Old.class", "old"));
    Path work = dir.resolve("work");
    var files = WorkerFiles.prepare(work, List.of(app), LIBRARIES);
    Path made = files.lib().resolve(WorkerFiles.JAR);
    // A jar made at this start would hold Old.class again: this one shows it was not remade.
    Files.write(made, new byte[] {1, 2, 3});

    WorkerFiles.prepare(work, List.of(app), LIBRARIES);
    assertThat(Files.readAllBytes(made)).containsExactly(1, 2, 3);

    jar("app.jar", Map.of("io/vertx/core/Old.class", "old", "io/vertx/core/New.class", "new"));
    WorkerFiles.prepare(work, List.of(app), LIBRARIES);
    assertThat(read(made)).containsKeys("io/vertx/core/Old.class", "io/vertx/core/New.class");
  }

  @Test
  void aClassPathWithAFolderIsMadeAgainAtEveryStart() throws IOException {
    Path folder = dir.resolve("classes");
    write(folder.resolve("io/vertx/core/Vertx.class"), "first");
    Path work = dir.resolve("work");
    var files = WorkerFiles.prepare(work, List.of(folder), LIBRARIES);
    write(folder.resolve("io/vertx/core/Vertx.class"), "second");

    WorkerFiles.prepare(work, List.of(folder), LIBRARIES);

    assertThat(read(files.lib().resolve(WorkerFiles.JAR)))
        .containsEntry("io/vertx/core/Vertx.class", "second");
    assertThat(files.lib().resolve(WorkerFiles.STAMP)).doesNotExist();
  }

  @Test
  void theShippedListHasVertxAndTheWebClientButNotTheServersLibraries() {
    var shipped = SnippetLibraries.bundled();
    assertThat(shipped.allows("io/vertx/core/Future.class")).isTrue();
    assertThat(shipped.allows("io/vertx/ext/web/client/WebClient.class")).isTrue();
    assertThat(shipped.allows("dev/polyglot/playground/run/worker/Timeline.class")).isTrue();
    assertThat(shipped.allows("io/netty/buffer/ByteBuf.class")).isTrue();
    assertThat(shipped.allows("io/vertx/ext/web/Router.class")).isFalse();
    assertThat(shipped.allows("dev/polyglot/playground/Main.class")).isFalse();
    assertThat(shipped.allows("com/github/jknack/handlebars/Handlebars.class")).isFalse();
    assertThat(shipped.allows("META-INF/services/javax.script.ScriptEngineFactory")).isFalse();
    assertThat(shipped.allows("webjars/codemirror/lib/codemirror.js")).isFalse();
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        var zip = new JarOutputStream(out)) {
      for (var e : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new JarEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Map<String, String> read(Path jar) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (var file = new JarFile(jar.toFile())) {
      for (JarEntry e : Collections.list(file.entries())) {
        entries.put(
            e.getName(), new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
