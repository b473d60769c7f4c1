package dev.polyglot.playground.run.worker;

/**
 * The names the JDK gives threads nobody named: none, {@code Thread-3}, {@code pool-1-thread-2},
 * and a fork-join pool's {@code ForkJoinPool.commonPool-worker-1} or {@code
 * ForkJoinPool-1-worker-1}. Matched by hand: a regular expression spins classes at every worker's
 * start (see the package).
 */
final class DefaultNames {
  private DefaultNames() {}

  static boolean isDefault(String name) {
    if (name.isEmpty()) {
      return true;
    }
    if (name.startsWith("Thread-")) {
      return digits(name, "Thread-".length(), name.length());
    }
    if (name.startsWith("pool-")) {
      int thread = name.indexOf("-thread-", "pool-".length());
      return thread > 0
          && digits(name, "pool-".length(), thread)
          && digits(name, thread + "-thread-".length(), name.length());
    }
    if (name.startsWith("ForkJoinPool")) {
      int worker = name.lastIndexOf("-worker-");
      if (worker < "ForkJoinPool".length()
          || !digits(name, worker + "-worker-".length(), name.length())) {
        return false;
      }
      for (int i = "ForkJoinPool".length(); i < worker; i++) {
        char c = name.charAt(i);
        if (!(c == '-' || c == '.' || c == '_' || Character.isLetterOrDigit(c) && c < 128)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Whether {@code name[from, to)} is one or more ASCII digits. */
  private static boolean digits(String name, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
