package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Challenge;
import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.Example;
import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.content.Lesson;
import dev.polyglot.playground.content.Loaded;
import dev.polyglot.playground.content.Variant;
import dev.polyglot.playground.render.Views.ChallengeView;
import dev.polyglot.playground.render.Views.CheckView;
import dev.polyglot.playground.render.Views.ExampleView;
import dev.polyglot.playground.render.Views.HintView;
import dev.polyglot.playground.render.Views.LanguageView;
import dev.polyglot.playground.render.Views.LessonCard;
import dev.polyglot.playground.render.Views.LessonView;
import dev.polyglot.playground.render.Views.LinkView;
import dev.polyglot.playground.render.Views.PaneView;
import dev.polyglot.playground.render.Views.ProblemView;
import dev.polyglot.playground.render.Views.SiteView;
import dev.polyglot.playground.render.Views.TrackRef;
import dev.polyglot.playground.render.Views.TrackView;
import dev.polyglot.playground.render.Views.VariantView;
import dev.polyglot.playground.search.SearchIndex;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders a loaded course into a {@link Site}: every HTML page, every JSON document, and the error
 * pages. Templates are compiled once, by the constructor; {@link #render} is called at start-up and
 * again whenever dev mode sees lessons change. It is CPU work: run it off the event loop.
 */
public final class SiteRenderer {
  private final Templates templates = new Templates();
  private final SiteOptions options;
  private final Markdown markdown;

  public SiteRenderer(SiteOptions options) {
    this.options = options;
    this.markdown = new Markdown(options.basePath());
  }

  /** The whole site: {@link #first} and then {@link #rest}. */
  public Site render(Loaded loaded, Instant now) {
    return rest(first(loaded, now), loaded);
  }

  /**
   * The pages a reader lands on: the index and every lesson, and the error pages. A starting server
   * listens with these, and the JSON documents, the widget pages, the embed guide, the cheat sheets
   * and the search index follow from {@link #rest}: they were more than half of the render, and the
   * first lesson page waited for them.
   */
  public Site first(Loaded loaded, Instant now) {
    Course course = loaded.course();
    Map<String, Page> pages = new HashMap<>();
    Instant updated = course.updated(now);
    pages.put("/", Page.of(200, Page.HTML, templates.index(indexModel(loaded)), updated));
    for (Lesson lesson : course.lessons()) {
      pages.put(
          lessonPath(lesson),
          Page.of(200, Page.HTML, templates.lesson(lessonModel(course, lesson)), lesson.updated()));
    }
    return new Site(
        course,
        loaded.problems(),
        pages,
        errorPage(
            course,
            404,
            "Page not found",
            "There is no page at this address. The lesson may have moved or been renamed.",
            now),
        Page.of(404, Page.JSON, new JsonObject().put("error", "not found").encode(), now),
        errorPage(
            course,
            500,
            "Something went wrong",
            "The server could not answer this request. Please try again in a moment.",
            now),
        SearchIndex.EMPTY,
        now,
        false);
  }

  /** The site {@code first} began, whole: its pages and the rest, and the search index. */
  public Site rest(Site first, Loaded loaded) {
    Course course = loaded.course();
    Map<String, Page> pages = new HashMap<>(first.pages());
    Instant updated = course.updated(first.loadedAt());
    pages.put(
        "/api/lessons", Page.of(200, Page.JSON, ApiDocuments.lessons(course).encode(), updated));
    for (Lesson lesson : course.lessons()) {
      pages.put(
          "/api/lessons/" + lesson.id(),
          Page.of(200, Page.JSON, ApiDocuments.lesson(lesson).encode(), lesson.updated()));
      for (Example example : lesson.examples()) {
        pages.put(
            embedPath(lesson, example),
            Page.of(
                200,
                Page.HTML,
                templates.embed(embedModel(course, lesson, example)),
                lesson.updated()));
      }
    }
    pages.put(
        "/embed", Page.of(200, Page.HTML, templates.embedDocs(embedDocsModel(course)), updated));
    for (Cheatsheets.Pair pair : Cheatsheets.pairs()) {
      pages.put(
          pair.path(),
          Page.of(200, Page.HTML, templates.cheatsheet(cheatsheetModel(course, pair)), updated));
    }
    return new Site(
        course,
        first.problems(),
        pages,
        first.notFound(),
        first.notFoundJson(),
        first.serverError(),
        SearchIndex.of(course),
        first.loadedAt(),
        true);
  }

  private String lessonPath(Lesson lesson) {
    return "/lessons/" + lesson.id();
  }

  /** The widget page for one example; the query options are applied in the browser. */
  public static String embedPath(Lesson lesson, Example example) {
    return "/embed/" + lesson.id() + "/" + example.id();
  }

  private Map<String, Object> embedModel(Course course, Lesson lesson, Example example) {
    Map<String, Object> model = common(course, example.title(), embedPath(lesson, example));
    model.put("lesson", lessonView(lesson, "", List.of(), List.of()));
    model.put("example", example(example, paneOrder(lesson)));
    model.put("lessonUrl", options.basePath() + lessonPath(lesson));
    return model;
  }

  /** The docs page for embedders, with a real example to copy from. */
  private Map<String, Object> embedDocsModel(Course course) {
    Map<String, Object> model = common(course, "Embed in your docs", "/embed");
    course.lessons().stream()
        .flatMap(l ->
            l.examples().stream()
                .filter(e -> e.variants(Language.JAVA).size() > 1)
                .map(e -> Map.of("lesson", l.id(), "example", e.id(), "title", e.title())))
        .findFirst()
        .ifPresent(sample -> model.put("sample", sample));
    return model;
  }

  private Map<String, Object> cheatsheetModel(Course course, Cheatsheets.Pair pair) {
    String title =
        "Cheatsheet: %s → %s".formatted(pair.from().displayName(), pair.to().displayName());
    Map<String, Object> model = common(course, title, pair.path());
    model.put("from", LanguageView.of(pair.from()));
    model.put("to", LanguageView.of(pair.to()));
    model.put("rows", Cheatsheets.rows(course, pair, options.basePath()));
    model.put(
        "pairs",
        Cheatsheets.pairs().stream()
            .map(p ->
                Map.of(
                    "url", options.basePath() + p.path(),
                    "fromName", p.from().displayName(),
                    "toName", p.to().displayName(),
                    "current", p.equals(pair)))
            .toList());
    return model;
  }

  private Map<String, Object> common(Course course, String pageTitle, String path) {
    Map<String, Object> model = new HashMap<>();
    model.put("site", new SiteView(course.title(), course.tagline()));
    model.put("base", options.basePath());
    model.put("version", options.assetVersion());
    model.put("webjars", WebJars.model());
    model.put("maxSource", options.maxSourceBytes());
    model.put("languages", Arrays.stream(Language.values()).map(LanguageView::of).toList());
    model.put("pageTitle", pageTitle);
    model.put("canonical", options.basePath() + path);
    return model;
  }

  private Map<String, Object> indexModel(Loaded loaded) {
    Course course = loaded.course();
    Map<String, Object> model = common(course, course.title(), "/");
    List<TrackView> tracks = new ArrayList<>();
    for (var track : course.tracks()) {
      List<LessonCard> cards = course.lessonsIn(track).stream().map(this::card).toList();
      if (!cards.isEmpty()) {
        tracks.add(new TrackView(track.id(), track.title(), track.summary(), cards));
      }
    }
    model.put("tracks", tracks);
    model.put("isIndex", true);
    if (options.dev()) {
      model.put(
          "problems", loaded.problems().stream().map(p -> new ProblemView(p.toString())).toList());
    }
    return model;
  }

  private LessonCard card(Lesson lesson) {
    return new LessonCard(
        lesson.id(),
        lesson.title(),
        lesson.summary(),
        options.basePath() + lessonPath(lesson),
        LanguageView.of(lesson.from()),
        LanguageView.of(lesson.to()),
        lesson.examples().size());
  }

  private Map<String, Object> lessonModel(Course course, Lesson lesson) {
    Map<String, Object> model = common(course, lesson.title(), lessonPath(lesson));
    List<Language> order = paneOrder(lesson);
    model.put(
        "lesson",
        lessonView(
            lesson,
            markdown.toHtml(lesson.prose()),
            lesson.examples().stream().map(e -> example(e, order)).toList(),
            lesson.challenges().stream().map(this::challenge).toList()));
    course.previous(lesson).ifPresent(p -> model.put("prev", link(p)));
    course.next(lesson).ifPresent(n -> model.put("next", link(n)));
    return model;
  }

  private static LessonView lessonView(
      Lesson lesson, String html, List<ExampleView> examples, List<ChallengeView> challenges) {
    return new LessonView(
        lesson.id(),
        lesson.title(),
        lesson.summary(),
        html,
        new TrackRef(lesson.track().id(), lesson.track().title()),
        LanguageView.of(lesson.from()),
        LanguageView.of(lesson.to()),
        examples,
        challenges);
  }

  private ChallengeView challenge(Challenge c) {
    List<HintView> hints = new ArrayList<>();
    for (int i = 0; i < c.hints().size(); i++) {
      hints.add(new HintView(i + 1, markdown.toHtml(c.hints().get(i))));
    }
    return new ChallengeView(
        c.id(),
        c.title(),
        markdown.toHtml(c.goal()),
        LanguageView.of(c.language(), options.toolchains().get(c.language())),
        c.checks().stream().map(k -> new CheckView(k.kind(), k.goal())).toList(),
        hints,
        variant(c.start()),
        variant(c.solution()));
  }

  /** The reader's known language first, then the one being learned, then the rest. */
  private static List<Language> paneOrder(Lesson lesson) {
    return Stream.concat(Stream.of(lesson.from(), lesson.to()), Arrays.stream(Language.values()))
        .distinct()
        .toList();
  }

  private ExampleView example(Example example, List<Language> order) {
    List<PaneView> panes = new ArrayList<>();
    for (Language language : order) {
      List<VariantView> variants =
          example.variants(language).stream().map(SiteRenderer::variant).toList();
      panes.add(
          new PaneView(
              LanguageView.of(language, options.toolchains().get(language)),
              variants.size() > 1,
              variants));
    }
    return new ExampleView(
        example.id(),
        example.title(),
        markdown.toHtml(example.intro()),
        markdown.toHtml(example.differs()),
        example.concepts(),
        panes);
  }

  private static VariantView variant(Variant v) {
    return new VariantView(
        v.id(),
        v.label(),
        v.flavour(),
        v.file(),
        v.shown().text(),
        v.expectedOutput().orElse(""),
        v.shown().readOnlyAttribute().orElse(""),
        // How long a timing example takes: the page offers these as answers to "predict first".
        v.expectedSeconds().map(s -> Double.toString(s)).orElse(""));
  }

  private LinkView link(Lesson lesson) {
    return new LinkView(options.basePath() + lessonPath(lesson), lesson.title());
  }

  private Page errorPage(Course course, int status, String title, String message, Instant now) {
    Map<String, Object> model = common(course, title, "/");
    model.put("status", status);
    model.put("title", title);
    model.put("message", message);
    return Page.of(status, Page.HTML, templates.error(model), now);
  }
}
