/**
 * Code that runs inside the sandboxed child JVM, and nothing else: it must stay small and depend on
 * the JDK only. A worker warms javac (in a pooled context that the reader's compile reuses), starts
 * the demo API, says {@code ready}, reads one job from stdin, compiles or loads it, runs {@code
 * main} with stdout/stderr captured line by line (each line stamped with the time and thread that
 * wrote it), reports threads as timeline spans, and exits.
 *
 * <p>Its real stdout carries the protocol: one JSON object per line ({@link
 * dev.polyglot.playground.run.worker.Protocol}). The server treats whatever arrives there as
 * untrusted, because the user's code shares this JVM.
 */
package dev.polyglot.playground.run.worker;
