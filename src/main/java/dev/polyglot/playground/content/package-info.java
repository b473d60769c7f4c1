/**
 * Lessons as data. Reads the {@code snippets/} tree (course.yaml, lesson.md, example folders with
 * one source file per language) into immutable records, and reports every problem with the file and
 * line it comes from, including what a page shows of each file ({@link
 * dev.polyglot.playground.content.Shown}). Nothing here knows about HTTP or HTML.
 */
package dev.polyglot.playground.content;
