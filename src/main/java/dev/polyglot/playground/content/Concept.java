package dev.polyglot.playground.content;

/** A concept from the curriculum checklist, such as {@code all} ("Run many, wait for all"). */
public record Concept(String id, String title) {}
