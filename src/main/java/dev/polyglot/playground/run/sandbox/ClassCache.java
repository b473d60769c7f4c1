package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.RunRequest;
import dev.polyglot.playground.run.worker.Compiler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lessons' own Java variants, compiled once in the server (they are trusted) and kept by
 * content hash, so a run of an unmodified variant never waits for javac. Edited code never comes
 * here: it is compiled inside the sandbox.
 */
final class ClassCache {
  private final Vertx vertx;
  private final String classPath;
  private final Map<String, Future<Compiler.Result>> compiled = new ConcurrentHashMap<>();

  ClassCache(Vertx vertx, String classPath) {
    this.vertx = vertx;
    this.classPath = classPath;
  }

  /**
   * The compiled variant. Once compiled, it is kept as a future of no context: a run composing on
   * it goes on in its own thread, and does not hop to the event loop that compiled it and back.
   */
  Future<Compiler.Result> get(RunRequest request) {
    return compiled.computeIfAbsent(
        request.sourceHash(),
        key ->
            vertx
                .executeBlocking(
                    () -> Compiler.compile(request.fileClassName(), request.source(), classPath),
                    false)
                .onSuccess(result -> compiled.put(key, Future.succeededFuture(result))));
  }
}
