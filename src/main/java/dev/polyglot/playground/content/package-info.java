/**
 * Lessons as data. Reads the {@code snippets/} tree (course.yaml, lesson.md, example folders with
 * one source file per language) into immutable records, and reports every problem with the file and
 * line it comes from. Nothing here knows about HTTP or HTML.
 */
package dev.polyglot.playground.content;
