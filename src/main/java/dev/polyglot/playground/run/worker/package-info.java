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
 *
 * <p>Code a worker runs on its way to {@code ready} and through a run has no lambdas, method
 * references, stream pipelines of its own or pattern switches: classes and loops instead. Workers
 * deny native access, which keeps the AOT cache from holding the classes such call sites spin, so
 * each one would be made at every worker's start: about half a millisecond of CPU apiece, and a
 * pattern switch's bootstrap more. {@code WorkerCallSitesTest} keeps it so.
 */
package dev.polyglot.playground.run.worker;
