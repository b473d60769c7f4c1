package dev.polyglot.playground.content;

/** A group of lessons on the index, such as "Coming from Python". */
public record Track(String id, String title, String summary) {}
