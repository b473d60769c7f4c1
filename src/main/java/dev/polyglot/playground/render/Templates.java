package dev.polyglot.playground.render;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The site's Handlebars templates, compiled once at start-up. Rendering then only walks the
 * compiled trees; it happens when content is loaded, never per request.
 */
final class Templates {
  private final Template index;
  private final Template lesson;
  private final Template error;
  private final Template embed;
  private final Template embedDocs;
  private final Template cheatsheet;

  Templates() {
    // Partials are compiled when first used, and without a cache again at every use: parsing them
    // was most of a start's render time.
    var handlebars =
        new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs"))
            .with(new ConcurrentMapTemplateCache());
    handlebars.setPrettyPrint(true);
    this.index = compile(handlebars, "index");
    this.lesson = compile(handlebars, "lesson");
    this.error = compile(handlebars, "error");
    this.embed = compile(handlebars, "embed");
    this.embedDocs = compile(handlebars, "embed-docs");
    this.cheatsheet = compile(handlebars, "cheatsheet");
  }

  String cheatsheet(Map<String, Object> model) {
    return apply(cheatsheet, model);
  }

  String embed(Map<String, Object> model) {
    return apply(embed, model);
  }

  String embedDocs(Map<String, Object> model) {
    return apply(embedDocs, model);
  }

  String index(Map<String, Object> model) {
    return apply(index, model);
  }

  String lesson(Map<String, Object> model) {
    return apply(lesson, model);
  }

  String error(Map<String, Object> model) {
    return apply(error, model);
  }

  private static Template compile(Handlebars handlebars, String name) {
    try {
      return handlebars.compile(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile template " + name, e);
    }
  }

  private static String apply(Template template, Map<String, Object> model) {
    Context context =
        Context.newBuilder(model)
            .resolver(MapValueResolver.INSTANCE, MethodValueResolver.INSTANCE)
            .build();
    try {
      return template.apply(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      context.destroy();
    }
  }
}
