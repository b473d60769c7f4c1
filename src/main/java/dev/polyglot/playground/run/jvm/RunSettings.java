package dev.polyglot.playground.run.jvm;

import dev.polyglot.playground.run.Limits;
import java.nio.file.Path;

/**
 * How the server runs code.
 *
 * @param allowUnsandboxed run edited code even without bubblewrap (an explicit, unsafe opt-in)
 * @param poolSize warm workers kept waiting
 * @param warmups javac compiles each pooled worker does before it says ready
 * @param workDir where the workers' class path copy and scratch folders live
 */
public record RunSettings(
    boolean allowUnsandboxed, int poolSize, int warmups, Limits limits, Path workDir) {}
