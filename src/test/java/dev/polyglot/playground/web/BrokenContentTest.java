package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A broken lesson file never becomes a broken page: the server serves everything else. */
@ExtendWith(VertxExtension.class)
class BrokenContentTest {
  @TempDir Path root;
  TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {}
  }

  @Test
  void brokenLessonIsLeftOutAndReported(VertxTestContext ctx) {
    Fixtures.copyValid(root);
    Fixtures.delete(root, "first-lesson/hello/main.js");
    server = TestServer.start("--snippets", root.toString());
    Future.all(
            server.get("/").send(),
            server.get("/lessons/first-lesson").send(),
            server.get("/health").send())
        .onComplete(
            ctx.succeeding(all ->
                ctx.verify(() -> {
                  var index = all.<io.vertx.ext.web.client.HttpResponse<?>>resultAt(0);
                  assertThat(index.statusCode()).isEqualTo(200);
                  assertThat(index.bodyAsString())
                      .contains("Second lesson")
                      .doesNotContain("First lesson");
                  assertThat(all.<io.vertx.ext.web.client.HttpResponse<?>>resultAt(1).statusCode())
                      .isEqualTo(404);
                  var health =
                      all.<io.vertx.ext.web.client.HttpResponse<?>>resultAt(2).bodyAsJsonObject();
                  assertThat(health.getString("status")).isEqualTo("UP");
                  assertThat(health.getJsonObject("content").getInteger("problems")).isEqualTo(1);
                  ctx.completeNow();
                })));
  }

  @Test
  void devModeShowsProblemsOnTheIndex(VertxTestContext ctx) {
    Fixtures.copyValid(root);
    Fixtures.edit(root, "first-lesson/lesson.md", "track: from-python", "track: nowhere");
    server = TestServer.start("--snippets", root.toString(), "--dev");
    server
        .get("/")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.bodyAsString())
                      .contains("first-lesson/lesson.md:4: unknown track &#x27;nowhere&#x27;");
                  ctx.completeNow();
                })));
  }
}
