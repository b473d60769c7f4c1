package dev.polyglot.playground.run.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * What the AOT training worker runs ({@link AotCache}): a typical lesson program (virtual threads,
 * futures, an HTTP call to the demo API, a Vert.x timer and blocking task), so that the classes
 * lesson programs use come loaded and linked in every worker. Never run by the server: it sends
 * these class files to the training worker as a bundled run's classes are sent. Compiled with the
 * server, so a first start does not wait for javac to compile it.
 */
final class TrainingProgram {
  record User(int id, String name) {}

  void main() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures =
          IntStream.range(0, 4)
              .mapToObj(i ->
                  executor.submit(() -> {
                    Thread.sleep(5);
                    return new User(i, "user " + i);
                  }))
              .toList();
      for (var f : futures) {
        IO.println(f.get());
      }
    }
    var both =
        CompletableFuture.supplyAsync(() -> "a")
            .thenCombine(CompletableFuture.supplyAsync(() -> "b"), String::concat);
    IO.println(both.orTimeout(1, TimeUnit.SECONDS).join() + String.format(" took %.1f s", 0.0));
    // Closed, as the lessons close theirs: a JVM exits a third of a second later while a thread of
    // an open client waits in native code (the JVM's exit gives such threads time to stop), and
    // this JVM's exit is on a first start's way to ready.
    try (var client = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:8765/api/users/1?delay=0")).build();
      IO.println(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join().body());
    }
    var vertx = Vertx.vertx();
    var timer = Promise.<String>promise();
    vertx.setTimer(5, id -> timer.complete("timer"));
    var done = Future.all(timer.future(), vertx.executeBlocking(() -> "blocking"));
    IO.println(done.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).list());
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    // Netty's global executor thread, not a daemon, would keep the JVM up for one more second.
    System.exit(0);
  }
}
