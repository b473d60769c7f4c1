package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** With --dev, saving a lesson file changes the page without a restart. */
@ExtendWith(VertxExtension.class)
class DevReloadTest {
  @TempDir Path root;
  TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void editedLessonIsServedAfterReload(VertxTestContext ctx) {
    Fixtures.copyValid(root);
    server = TestServer.start("--snippets", root.toString(), "--dev");
    server
        .get("/lessons/first-lesson")
        .send()
        .compose(before -> {
          assertThat(before.bodyAsString()).contains("First lesson");
          Fixtures.edit(
              root, "first-lesson/lesson.md", "title: First lesson", "title: Renamed lesson");
          return waitForTitle(server, "Renamed lesson", 40);
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  /** Polls every 250 ms, at most {@code tries} times; the reloader itself polls once a second. */
  private static Future<Void> waitForTitle(TestServer server, String title, int tries) {
    return server
        .get("/lessons/first-lesson")
        .send()
        .compose(r -> {
          if (r.bodyAsString().contains(title)) {
            return Future.succeededFuture();
          }
          if (tries == 0) {
            return Future.failedFuture("page never showed " + title);
          }
          Promise<Void> later = Promise.promise();
          server
              .playground()
              .vertx()
              .setTimer(250, t -> waitForTitle(server, title, tries - 1).onComplete(later));
          return later.future();
        });
  }
}
