package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.Limits;
import java.nio.file.Path;

/**
 * How the server runs code.
 *
 * @param allowUnsandboxed run edited code even without bubblewrap (an explicit, unsafe opt-in)
 * @param poolSize warm workers kept waiting when idle
 * @param poolMax warm workers kept waiting after a burst of runs
 * @param maxStarting workers the pool's refills may start at once
 * @param warmups javac compiles each pooled worker does before it says ready
 * @param workDir where the workers' class path copy and scratch folders live
 */
public record RunSettings(
    boolean allowUnsandboxed,
    int poolSize,
    int poolMax,
    int maxStarting,
    int warmups,
    Limits limits,
    Path workDir) {

  /** The same settings in another work folder. */
  public RunSettings withWorkDir(Path dir) {
    return new RunSettings(allowUnsandboxed, poolSize, poolMax, maxStarting, warmups, limits, dir);
  }
}
