package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.Problem;
import dev.polyglot.playground.search.SearchIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable snapshot of everything the site serves, keyed by path below the base path, and the
 * search index of the same lessons. Dev mode builds a new snapshot when lessons change and swaps it
 * in whole, so a request never sees a half-updated site.
 *
 * <p>At start-up the server listens with the first part of a snapshot ({@link SiteRenderer#first}),
 * which is not {@code complete}: it has the lesson pages but no widget pages, cheat sheets or
 * search index yet. A request for one of those waits for the whole snapshot rather than being told
 * there is no such page.
 */
public record Site(
    Course course,
    List<Problem> problems,
    Map<String, Page> pages,
    Page notFound,
    Page notFoundJson,
    Page serverError,
    SearchIndex search,
    Instant loadedAt,
    boolean complete) {

  public Site {
    problems = List.copyOf(problems);
    pages = Map.copyOf(pages);
  }

  public Optional<Page> page(String path) {
    return Optional.ofNullable(pages.get(path));
  }
}
