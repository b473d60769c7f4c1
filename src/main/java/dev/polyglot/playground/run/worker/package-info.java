/**
 * Code that runs inside the sandboxed child JVMs, and nothing else: it must stay small and depend
 * on the JDK only. {@link dev.polyglot.playground.run.worker.CompilerMain} is the compile service:
 * it compiles edited code, run after run, and sends back class files. A worker warms javac (in a
 * pooled context that the reader's compile reuses), starts the demo API, says {@code ready}, reads
 * one job from stdin, loads it (or compiles it, when the compile service had none ready), runs
 * {@code main} with stdout/stderr captured line by line (each line stamped with the time and thread
 * that wrote it), reports threads as timeline spans, and exits.
 *
 * <p>Its real stdout carries the protocol: one JSON object per line ({@link
 * dev.polyglot.playground.run.worker.Protocol}). The server treats whatever arrives there as
 * untrusted, because the user's code shares this JVM.
 */
package dev.polyglot.playground.run.worker;
