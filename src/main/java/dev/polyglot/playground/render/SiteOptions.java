package dev.polyglot.playground.render;

import dev.polyglot.playground.run.Limits;

/**
 * What rendering needs besides the lessons: the base path every link starts with ("" or e.g.
 * "/course"), the asset version used to bust caches, and whether dev mode shows content problems on
 * the index, and the largest edited source a page may send for a run.
 */
public record SiteOptions(String basePath, String assetVersion, boolean dev, int maxSourceBytes) {
  /** With the default limit on edited source. */
  public SiteOptions(String basePath, String assetVersion, boolean dev) {
    this(basePath, assetVersion, dev, Limits.DEFAULTS.sourceBytes());
  }
}
