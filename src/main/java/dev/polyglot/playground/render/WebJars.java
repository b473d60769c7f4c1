package dev.polyglot.playground.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of the browser libraries served from WebJars. They are written once, in pom.xml; the
 * build copies them into {@code webjars.properties}, and pages link to them from here.
 */
public final class WebJars {
  private static final Properties VERSIONS = load();

  private WebJars() {}

  public static String highlightjs() {
    return VERSIONS.getProperty("highlightjs");
  }

  public static String codemirror() {
    return VERSIONS.getProperty("codemirror");
  }

  /** For templates: {@code {{webjars.highlightjs}}}. */
  static Map<String, String> model() {
    return Map.of("highlightjs", highlightjs(), "codemirror", codemirror());
  }

  private static Properties load() {
    try (InputStream in = WebJars.class.getResourceAsStream("webjars.properties")) {
      var properties = new Properties();
      properties.load(in);
      if (properties.getProperty("highlightjs", "").startsWith("$")) {
        throw new IllegalStateException("webjars.properties was not filtered by the build");
      }
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
