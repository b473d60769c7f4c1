package dev.polyglot.playground.cluster;

import java.util.Locale;

/** What a node does. */
public enum Role {
  /** Everything on one machine, with no cluster: the default. */
  ALL,
  /** Pages, the API and {@code /ws}; runs go to executors over the clustered event bus. */
  WEB,
  /** The sandbox, the worker pool and the compile service; serves only /health and /metrics. */
  EXECUTOR;

  public static Role parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "all" -> ALL;
      case "web" -> WEB;
      case "executor" -> EXECUTOR;
      default ->
          throw new IllegalArgumentException(
              "role must be all, web or executor, not '" + text + "'");
    };
  }

  public boolean clustered() {
    return this != ALL;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
