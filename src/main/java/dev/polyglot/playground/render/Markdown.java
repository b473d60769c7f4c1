package dev.polyglot.playground.render;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GitHub tables. Raw HTML in lessons is shown as text, not interpreted: authors
 * write Markdown, and pages stay safe to embed. Site-absolute links ({@code /lessons/x}) get the
 * base path so they keep working when the site is served under a prefix.
 */
final class Markdown {
  private final Parser parser;
  private final HtmlRenderer renderer;

  Markdown(String basePath) {
    var extensions = List.of(TablesExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> prefixLinks(basePath))
            .build();
  }

  String toHtml(String markdown) {
    return markdown.isBlank() ? "" : renderer.render(parser.parse(markdown));
  }

  private static AttributeProvider prefixLinks(String basePath) {
    return (node, tagName, attributes) -> {
      String key = node instanceof Link ? "href" : node instanceof Image ? "src" : null;
      if (key == null) {
        return;
      }
      String url = attributes.get(key);
      if (url != null && url.startsWith("/") && !url.startsWith("//")) {
        attributes.put(key, basePath + url);
      }
    };
  }
}
