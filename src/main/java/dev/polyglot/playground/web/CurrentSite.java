package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Site;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The site being served now, and the whole of it once rendered. At start-up the HTTP servers listen
 * with the lessons alone ({@link Site#complete()} is false); a request that needs the rest (a
 * widget page, a cheat sheet, the search) waits for it here rather than being told there is no such
 * page.
 */
public final class CurrentSite implements Supplier<Site> {
  private final Supplier<Site> current;
  private final Future<Site> whole;

  /**
   * @param current the snapshot being served now
   * @param whole completes with the first whole snapshot, or fails if it could not be rendered
   */
  public CurrentSite(Supplier<Site> current, Future<Site> whole) {
    this.current = current;
    this.whole = whole;
  }

  @Override
  public Site get() {
    return current.get();
  }

  /**
   * Calls {@code then} with a whole site: at once, or on this request's context once the render is
   * done. If the rest of the site could not be rendered, the request gets the error page.
   */
  void whole(RoutingContext ctx, Consumer<Site> then) {
    Site site = current.get();
    if (site.complete()) {
      then.accept(site);
      return;
    }
    // Each connection writes on its own event loop (strict thread mode): come back to it.
    Context here = ctx.vertx().getOrCreateContext();
    whole.onComplete(rendered ->
        here.runOnContext(v -> {
          if (ctx.response().closed()) {
            return;
          }
          if (rendered.succeeded()) {
            then.accept(rendered.result());
          } else {
            Pages.send(ctx, site.serverError());
          }
        }));
  }
}
