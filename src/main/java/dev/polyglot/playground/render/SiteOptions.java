package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.Limits;
import java.util.Map;

/**
 * What rendering needs besides the lessons: the base path every link starts with ("" or e.g.
 * "/course"), the asset version used to bust caches, whether dev mode shows content problems on the
 * index, the largest edited source a page may send for a run, and the toolchain versions on this
 * server ({@link Toolchains}), shown beside the panes.
 */
public record SiteOptions(
    String basePath,
    String assetVersion,
    boolean dev,
    int maxSourceBytes,
    Map<Language, String> toolchains) {
  /** With the default limit on edited source, and no toolchain versions. */
  public SiteOptions(String basePath, String assetVersion, boolean dev) {
    this(basePath, assetVersion, dev, Limits.DEFAULTS.sourceBytes(), Map.of());
  }
}
