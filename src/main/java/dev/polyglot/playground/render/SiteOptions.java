package dev.polyglot.playground.render;

/**
 * What rendering needs besides the lessons: the base path every link starts with ("" or e.g.
 * "/course"), the asset version used to bust caches, and whether dev mode shows content problems on
 * the index.
 */
public record SiteOptions(String basePath, String assetVersion, boolean dev) {}
