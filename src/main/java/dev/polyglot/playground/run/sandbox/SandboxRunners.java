package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.ByLanguage;
import dev.polyglot.playground.run.Runner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The real runners of a node: Java in child JVMs, and each runtime of {@code runtimes.json} in its
 * interpreter, all in one {@link Jail}, behind one {@link ByLanguage}.
 */
public final class SandboxRunners {
  private SandboxRunners() {}

  /**
   * Links the runtime that Java runs on beside the jar, where every start of it finds the runtime
   * instead of linking one ({@code polyglot-playground.jar prepare}). Blocking.
   */
  public static Path prepareRuntime() throws IOException, InterruptedException {
    return WorkerRuntime.makeBesideJar();
  }

  /**
   * Records the workers' AOT cache beside the jar for a server with these settings, where this
   * machine has the sandbox ({@code prepare}, after {@link #prepareRuntime}). The future says what
   * was done.
   */
  public static Future<String> prepareAotCache(Vertx vertx, RunSettings settings) {
    return AotAhead.record(vertx, settings);
  }

  public static Future<Runner> create(Vertx vertx, RunSettings settings) {
    return vertx
        .executeBlocking(
            () -> Jail.prepare(settings), false) // beside the site's render, not after it
        .compose(jail ->
            JvmRunner.create(vertx, settings, jail)
                .map(jvm -> {
                  Map<Language, Runner> runners = new EnumMap<>(Language.class);
                  Map<Language, String> versions = new EnumMap<>(Language.class);
                  runners.put(Language.JAVA, jvm);
                  versions.put(Language.JAVA, "Java " + Runtime.version().feature());
                  jail.runtimes()
                      .forEach((language, runtime) ->
                          runners.put(
                              language,
                              new ScriptRunner(
                                      vertx,
                                      settings,
                                      jail.isolation(),
                                      runtime,
                                      SandboxLauncher.of(
                                          vertx, jail.sandbox(), jail.files().root(), runtime))
                                  .start()));
                  return (Runner) new ByLanguage(runners, versions, jail::close);
                }));
  }
}
