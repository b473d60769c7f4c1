package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.Limits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An interpreter that runs one language's programs through our harness: where it is, what folders
 * of its own the sandbox must show it, and whether this server has it. Each comes from {@code
 * runtimes.json}, so that adding a runtime is data; its harness and the demo API's data are copied
 * beside the workers' class path, which sandboxes see at {@code /app/lib}.
 *
 * @param executable the interpreter, its real path (bound at the same path in the sandbox)
 * @param binds folders of the runtime's own (its standard library, its packages), bound read-only
 * @param uidOffset where its pool's uids start beyond {@link Sandbox#UID_BASE}: a pool of its own
 *     must not share uids (and so RLIMIT_NPROC) with another's
 * @param version what the interpreter says its version is; null when it is missing
 * @param problem why this server cannot run the language; null when it can
 * @param outOfMemory text on the interpreter's stderr that means it ran out of memory
 */
record ScriptRuntime(
    Language language,
    Path executable,
    List<String> arguments,
    String harness,
    List<Path> binds,
    int uidOffset,
    String version,
    String problem,
    String outOfMemory) {

  static final String RESOURCES = "/dev/polyglot/playground/run/script/";

  /** The demo API's routes' data, which every harness serves inside its sandbox. */
  static final String DEMO_API = "demo-api.json";

  private static final String DEMO_API_RESOURCE = "/dev/polyglot/playground/run/worker/" + DEMO_API;

  boolean available() {
    return problem == null;
  }

  private ScriptRuntime withProblem(String why) {
    return new ScriptRuntime(
        language, executable, arguments, harness, binds, uidOffset, version, why, outOfMemory);
  }

  /** The interpreter and its arguments, with the run's limits filled in. */
  List<String> command(Limits limits) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    for (String a : arguments) {
      cmd.add(a.replace("{heapMb}", String.valueOf(limits.heapMb())));
    }
    return cmd;
  }

  /**
   * Finds each runtime of {@code runtimes.json} on this machine, asks it its version, and copies
   * the harnesses into {@code lib}. Blocking: call it off the event loop.
   */
  static Map<Language, ScriptRuntime> prepare(Path lib) {
    JsonObject all = new JsonObject(resource("runtimes.json"));
    Map<Language, ScriptRuntime> runtimes = new LinkedHashMap<>();
    int offset = 1000;
    try {
      copy(DEMO_API_RESOURCE, lib.resolve(DEMO_API));
      for (String id : all.fieldNames()) {
        JsonObject spec = all.getJsonObject(id);
        Language language =
            Language.byId(id)
                .orElseThrow(() -> new IllegalStateException("runtimes.json: no language " + id));
        boolean harness =
            ScriptRuntime.class.getResource(RESOURCES + spec.getString("harness")) != null;
        if (harness) {
          copy(RESOURCES + spec.getString("harness"), lib.resolve(spec.getString("harness")));
        }
        ScriptRuntime found = find(language, spec, offset);
        runtimes.put(
            language,
            harness
                ? found
                : found.withProblem(
                    "This build has no harness for %s (%s)."
                        .formatted(language.displayName(), spec.getString("harness"))));
        offset += 1000;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the harnesses to " + lib, e);
    }
    return runtimes;
  }

  private static ScriptRuntime find(Language language, JsonObject spec, int uidOffset) {
    List<String> arguments = strings(spec.getJsonArray("arguments"));
    String harness = spec.getString("harness");
    String outOfMemory = spec.getString("outOfMemory");
    Path executable =
        strings(spec.getJsonArray("executables")).stream()
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    if (executable == null) {
      return new ScriptRuntime(
          language,
          null,
          arguments,
          harness,
          List.of(),
          uidOffset,
          null,
          "%s is not installed on this server (it needs %s)."
              .formatted(language.displayName(), spec.getString("install")),
          outOfMemory);
    }
    try {
      Path real = executable.toRealPath();
      List<Path> binds = new ArrayList<>(List.of(real));
      for (String glob : strings(spec.getJsonArray("binds"))) {
        binds.addAll(expand(glob));
      }
      String version = version(real);
      return new ScriptRuntime(
          language, real, arguments, harness, binds, uidOffset, version, null, outOfMemory);
    } catch (IOException e) {
      return new ScriptRuntime(
          language,
          executable,
          arguments,
          harness,
          List.of(),
          uidOffset,
          null,
          "%s does not start on this server: %s".formatted(language.displayName(), e.getMessage()),
          outOfMemory);
    }
  }

  /** A path whose last part may hold a glob, such as {@code /usr/lib/python3*}. */
  private static List<Path> expand(String glob) throws IOException {
    Path pattern = Path.of(glob);
    Path parent = pattern.getParent();
    if (!glob.contains("*") || parent == null) {
      return Files.isDirectory(pattern) ? List.of(pattern) : List.of();
    }
    var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
    try (Stream<Path> entries = Files.list(parent)) {
      return entries
          .filter(p -> matcher.matches(p.getFileName()) && Files.isDirectory(p))
          .sorted()
          .toList();
    }
  }

  /** The first line the interpreter prints for {@code --version}, such as "Python 3.11.2". */
  private static String version(Path executable) throws IOException {
    Process process =
        new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
    try (InputStream out = process.getInputStream()) {
      String text = new String(out.readNBytes(4096), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("`" + executable + " --version` failed: " + text);
      }
      return text.lines().findFirst().orElse("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted");
    }
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  private static String resource(String name) {
    try (InputStream in = ScriptRuntime.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = ScriptRuntime.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      Files.write(target, in.readAllBytes());
    }
    Files.setPosixFilePermissions(
        target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }
}
