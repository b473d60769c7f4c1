package dev.polyglot.playground.run;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One runner per language behind one {@link Runner}: each request goes to its language's. Its
 * status is the Java runner's (the sandbox, the pool), with {@code runtimes} beside it: each
 * language's state, version and pool, so that an operator sees at once which languages run here.
 */
public final class ByLanguage implements Runner {
  private final Map<Language, Runner> runners;
  private final Map<Language, String> versions;
  private final Runnable onClose;

  /**
   * @param runners a runner for Java and for each other language this server knows
   * @param versions the version of each language's runtime, where its runner does not say it
   * @param onClose what to stop once every runner is closed
   */
  public ByLanguage(
      Map<Language, Runner> runners, Map<Language, String> versions, Runnable onClose) {
    if (!runners.containsKey(Language.JAVA)) {
      throw new IllegalArgumentException("a Java runner is required");
    }
    this.runners = new EnumMap<>(runners);
    this.versions = Map.copyOf(versions);
    this.onClose = onClose;
  }

  @Override
  public Run start(RunRequest request, Handler<RunEvent> events) {
    Runner runner = runners.get(request.language());
    if (runner != null) {
      return runner.start(request, events);
    }
    events.handle(
        new RunEvent.Error(
            Reason.UNAVAILABLE,
            request.language().displayName() + " does not run on this playground."));
    Run run = new Run();
    run.finish();
    return run;
  }

  @Override
  public JsonObject status() {
    JsonObject status = runners.get(Language.JAVA).status().copy();
    JsonObject runtimes = new JsonObject();
    runners.forEach((language, runner) -> {
      JsonObject own =
          language == Language.JAVA ? new JsonObject().put("state", "ready") : runner.status();
      if (!own.containsKey("version") && versions.containsKey(language)) {
        own.put("version", versions.get(language));
      }
      runtimes.put(language.id(), own);
    });
    return status.put("runtimes", runtimes);
  }

  @Override
  public int backgroundStarts() {
    return runners.values().stream().mapToInt(Runner::backgroundStarts).sum();
  }

  @Override
  public Future<Void> shutdown(Duration grace) {
    List<Future<Void>> all = new ArrayList<>();
    runners.values().forEach(r -> all.add(r.shutdown(grace)));
    return Future.all(all).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> all = new ArrayList<>();
    runners.values().forEach(r -> all.add(r.close()));
    return Future.join(all)
        .eventually(() -> {
          onClose.run();
          return Future.succeededFuture();
        })
        .mapEmpty();
  }
}
