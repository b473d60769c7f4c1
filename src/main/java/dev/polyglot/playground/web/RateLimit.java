package dev.polyglot.playground.web;

/**
 * A token bucket: {@code perMinute} starts, refilled evenly over the minute, so a client may spend
 * the minute's allowance in a burst (a page of widgets run together) but not keep it up. Not
 * thread-safe: each owner guards its own.
 */
final class RateLimit {
  private final int perMinute;
  private double tokens;
  private long updated = System.nanoTime();

  RateLimit(int perMinute) {
    this.perMinute = perMinute;
    this.tokens = perMinute;
  }

  /** Takes a token; false when there is none (the client is over its rate). */
  boolean tryTake() {
    refill();
    if (perMinute <= 0) {
      return true;
    }
    if (tokens < 1) {
      return false;
    }
    tokens--;
    return true;
  }

  /** Whole seconds until the next token, for {@code Retry-After}. */
  long secondsToNext() {
    refill();
    return tokens >= 1 || perMinute <= 0 ? 0 : (long) Math.ceil((1 - tokens) * 60.0 / perMinute);
  }

  /** True when the bucket is full again: its client may be forgotten. */
  boolean full() {
    refill();
    return tokens >= perMinute;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(perMinute, tokens + (now - updated) / 60e9 * perMinute);
    updated = now;
  }
}
