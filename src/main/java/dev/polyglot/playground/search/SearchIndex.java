package dev.polyglot.playground.search;

import dev.polyglot.playground.content.Concept;
import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.Example;
import dev.polyglot.playground.content.Lesson;
import dev.polyglot.playground.content.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The course's search index: one document per lesson (title, summary, prose) and one per example
 * (title, concepts, its text, and the identifiers of its code in every language). Every word of a
 * query must match a document, as a whole word or the start of one; where it matches counts: titles
 * most, then concepts, code identifiers, and prose. Built once per loaded course, and immutable, so
 * it is shared by every request.
 */
public final class SearchIndex {
  /** The most words of a query that count; the rest are ignored. */
  static final int MAX_TERMS = 8;

  private static final double TITLE = 10;
  private static final double CONCEPT = 6;
  private static final double CODE = 5;
  private static final double LESSON_TITLE = 2;
  private static final double PROSE = 1;
  private static final double PREFIX = 0.6;
  private static final int CONTEXT_BEFORE = 50;
  private static final int CONTEXT_AFTER = 110;

  /** An index of nothing: what a site has while its search index is still being built. */
  public static final SearchIndex EMPTY = new SearchIndex(List.of());

  private final List<Doc> docs;

  private SearchIndex(List<Doc> docs) {
    this.docs = List.copyOf(docs);
  }

  private record Doc(
      int order,
      String kind,
      Lesson lesson,
      Example example,
      String title,
      Set<String> titleWords,
      Set<String> conceptWords,
      Set<String> lessonTitleWords,
      Set<String> proseWords,
      String prose,
      Map<String, List<Hit.CodeMatch>> code) {}

  public static SearchIndex of(Course course) {
    Map<String, String> conceptTitles =
        course.concepts().stream()
            .collect(Collectors.toMap(Concept::id, Concept::title, (a, b) -> a));
    List<Doc> docs = new ArrayList<>();
    for (Lesson lesson : course.lessons()) {
      String prose = Words.plain(lesson.summary() + " " + lesson.prose());
      docs.add(
          new Doc(
              docs.size(),
              "lesson",
              lesson,
              null,
              lesson.title(),
              words(lesson.title()),
              Set.of(),
              Set.of(),
              words(prose),
              prose,
              Map.of()));
      for (Example example : lesson.examples()) {
        Set<String> concepts = new HashSet<>();
        for (String id : example.concepts()) {
          concepts.addAll(Words.of(id));
          concepts.addAll(Words.of(conceptTitles.getOrDefault(id, "")));
        }
        String text = Words.plain(example.intro() + " " + example.differs());
        docs.add(
            new Doc(
                docs.size(),
                "example",
                lesson,
                example,
                example.title(),
                words(example.title()),
                concepts,
                words(lesson.title()),
                words(text),
                text,
                code(example.variants())));
      }
    }
    return new SearchIndex(docs);
  }

  private static Set<String> words(String text) {
    return new HashSet<>(Words.of(text));
  }

  /** Each searchable word of the code, with the identifiers (and languages) it stands for. */
  private static Map<String, List<Hit.CodeMatch>> code(List<Variant> variants) {
    Map<String, List<Hit.CodeMatch>> out = new HashMap<>();
    for (Variant v : variants) {
      for (String identifier : Words.identifiers(v.code())) {
        var match = new Hit.CodeMatch(v.language().id(), identifier);
        for (String word : Words.ofIdentifier(identifier)) {
          List<Hit.CodeMatch> list = out.computeIfAbsent(word, w -> new ArrayList<>());
          if (!list.contains(match)) {
            list.add(match);
          }
        }
      }
    }
    return out;
  }

  /** The best matches of a query, at most {@code limit}, best first; none for a blank query. */
  public List<Hit> find(String query, int limit) {
    List<String> terms = Words.of(query).stream().distinct().limit(MAX_TERMS).toList();
    if (terms.isEmpty() || limit < 1) {
      return List.of();
    }
    String phrase = String.join(" ", terms);
    List<Hit> hits = new ArrayList<>();
    for (Doc doc : docs) {
      double score = 0;
      boolean all = true;
      List<Hit.CodeMatch> code = new ArrayList<>();
      for (String term : terms) {
        double best =
            Math.max(
                Math.max(
                    TITLE * quality(doc.titleWords(), term),
                    CONCEPT * quality(doc.conceptWords(), term)),
                Math.max(
                    LESSON_TITLE * quality(doc.lessonTitleWords(), term),
                    PROSE * quality(doc.proseWords(), term)));
        double inCode = CODE * quality(doc.code().keySet(), term);
        if (inCode > 0) {
          codeMatches(doc.code(), term)
              .forEach(m -> {
                if (!code.contains(m)) {
                  code.add(m);
                }
              });
        }
        best = Math.max(best, inCode);
        if (best == 0) {
          all = false;
          break;
        }
        score += best;
      }
      if (!all) {
        continue;
      }
      if (String.join(" ", Words.of(doc.title())).contains(phrase)) {
        score += TITLE / 2;
      }
      hits.add(hit(doc, terms, code, score));
    }
    // A stable sort: equal scores stay in the course's order.
    return hits.stream()
        .sorted(Comparator.comparingDouble(Hit::score).reversed())
        .limit(limit)
        .toList();
  }

  /** 1 for a whole word, {@link #PREFIX} for the start of one (two letters at least), else 0. */
  private static double quality(Set<String> words, String term) {
    if (words.contains(term)) {
      return 1;
    }
    if (term.length() >= 2) {
      for (String w : words) {
        if (w.startsWith(term)) {
          return PREFIX;
        }
      }
    }
    return 0;
  }

  private static List<Hit.CodeMatch> codeMatches(
      Map<String, List<Hit.CodeMatch>> code, String term) {
    List<Hit.CodeMatch> exact = code.get(term);
    if (exact != null) {
      return exact;
    }
    return code.entrySet().stream()
        .filter(e -> term.length() >= 2 && e.getKey().startsWith(term))
        .flatMap(e -> e.getValue().stream())
        .distinct()
        .toList();
  }

  private static Hit hit(Doc doc, List<String> terms, List<Hit.CodeMatch> code, double score) {
    String path = "/lessons/" + doc.lesson().id();
    String example = doc.example() == null ? null : doc.example().id();
    if (example != null) {
      path += "#" + example;
    }
    return new Hit(
        doc.kind(),
        doc.lesson().id(),
        doc.lesson().title(),
        example,
        doc.title(),
        path,
        context(doc.prose(), terms),
        List.copyOf(code),
        score);
  }

  /**
   * About a line of the text around the first word a term starts; the text's opening when no term
   * is in it (the match was in a title or the code).
   */
  static String context(String text, List<String> terms) {
    if (text.isEmpty()) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int at = -1;
    for (String term : terms) {
      int i = wordStart(lower, term);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
      }
    }
    int from = at < 0 ? 0 : Math.max(0, at - CONTEXT_BEFORE);
    int to = Math.min(text.length(), (at < 0 ? 0 : at) + CONTEXT_AFTER);
    // Whole words only at the cut ends.
    if (from > 0) {
      int space = text.indexOf(' ', from);
      from = space < 0 || space >= (at < 0 ? to : at) ? from : space + 1;
    }
    if (to < text.length()) {
      int space = text.lastIndexOf(' ', to);
      to = space > from ? space : to;
    }
    return (from > 0 ? "…" : "")
        + text.substring(from, to).strip()
        + (to < text.length() ? "…" : "");
  }

  /** Where a word starting with {@code term} begins in lower-case text, or -1. */
  private static int wordStart(String lower, String term) {
    int i = lower.indexOf(term);
    while (i >= 0) {
      if (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1))) {
        return i;
      }
      i = lower.indexOf(term, i + 1);
    }
    return -1;
  }
}
