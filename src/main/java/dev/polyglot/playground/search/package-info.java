/**
 * Search over the course: an index built once per loaded course, in memory, of lesson titles,
 * prose, concepts and the identifiers in every variant's code, so that {@code gather} finds
 * asyncio's examples and {@code WhenAll} finds C#'s. It knows content, not HTTP.
 */
package dev.polyglot.playground.search;
