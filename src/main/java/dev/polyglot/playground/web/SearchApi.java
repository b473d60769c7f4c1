package dev.polyglot.playground.web;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.search.Hit;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /api/search?q=…}: the course's search ({@link dev.polyglot.playground.search}), as
 * JSON that the search box on every page shows as the reader types. A blank or missing query has no
 * hits; a query is read up to {@link #MAX_QUERY} characters.
 */
final class SearchApi {
  static final int MAX_QUERY = 200;
  static final int LIMIT = 20;

  private final CurrentSite site;
  private final String basePath;

  SearchApi(CurrentSite site, String basePath) {
    this.site = site;
    this.basePath = basePath;
  }

  void handle(RoutingContext ctx) {
    String q = Optional.ofNullable(ctx.request().getParam("q")).orElse("").strip();
    if (q.length() > MAX_QUERY) {
      q = q.substring(0, MAX_QUERY);
    }
    String query = q;
    site.whole(ctx, whole -> answer(ctx, whole, query));
  }

  private void answer(RoutingContext ctx, Site whole, String q) {
    var hits = new JsonArray();
    for (Hit hit : whole.search().find(q, LIMIT)) {
      hits.add(json(hit));
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        // Answers change only when the lessons do, but a reader types fast: let the browser keep
        // none, and the server answer each from memory.
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("query", q).put("hits", hits).encode());
  }

  private JsonObject json(Hit hit) {
    var code = new JsonArray();
    for (Hit.CodeMatch m : hit.code()) {
      code.add(
          new JsonObject()
              .put("language", m.language())
              .put(
                  "languageName",
                  Language.byId(m.language()).map(Language::displayName).orElse(m.language()))
              .put("identifier", m.identifier()));
    }
    var out =
        new JsonObject()
            .put("kind", hit.kind())
            .put("lesson", hit.lesson())
            .put("lessonTitle", hit.lessonTitle());
    if (hit.example() != null) {
      out.put("example", hit.example());
    }
    return out.put("title", hit.title())
        .put("url", basePath + hit.path())
        .put("context", hit.context())
        .put("code", code);
  }
}
