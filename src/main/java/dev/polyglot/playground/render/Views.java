package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Language;
import java.util.List;

/**
 * What the templates see. Small records, read by Handlebars through their accessor methods; the
 * field names are the template contract and are documented beside each template.
 */
final class Views {
  private Views() {}

  record SiteView(String title, String tagline) {}

  /** {@code toolchain}: the version on this server, such as "Node v20.20.2", or null. */
  record LanguageView(String id, String name, String hljs, boolean runnable, String toolchain) {
    static LanguageView of(Language language) {
      return of(language, null);
    }

    static LanguageView of(Language language, String toolchain) {
      return new LanguageView(
          language.id(),
          language.displayName(),
          language.highlightClass(),
          language.runnable(),
          toolchain);
    }
  }

  record LinkView(String url, String title) {}

  record LessonCard(
      String id,
      String title,
      String summary,
      String url,
      LanguageView from,
      LanguageView to,
      int exampleCount) {}

  record TrackView(String id, String title, String summary, List<LessonCard> lessons) {}

  record VariantView(
      String id,
      String label,
      String flavour,
      String file,
      String code,
      String expectedOutput,
      String readOnlyLines,
      String seconds) {}

  record PaneView(LanguageView language, boolean multi, List<VariantView> variants) {}

  record ExampleView(
      String id,
      String title,
      String introHtml,
      String differsHtml,
      List<String> concepts,
      List<PaneView> panes) {}

  /** A check's goal in words; {@code kind} is its wire name, such as {@code wall-under}. */
  record CheckView(String kind, String goal) {}

  /** A hint, numbered from 1, as HTML. */
  record HintView(int number, String html) {}

  record ChallengeView(
      String id,
      String title,
      String goalHtml,
      LanguageView language,
      List<CheckView> checks,
      List<HintView> hints,
      VariantView start,
      VariantView solution) {}

  record TrackRef(String id, String title) {}

  record LessonView(
      String id,
      String title,
      String summary,
      String html,
      TrackRef track,
      LanguageView from,
      LanguageView to,
      List<ExampleView> examples,
      List<ChallengeView> challenges) {}

  record ProblemView(String text) {}
}
