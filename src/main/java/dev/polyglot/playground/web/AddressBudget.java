package dev.polyglot.playground.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The fair share of {@code /api/run} callers, counted per IP address and shared by every event
 * loop: at most {@link ClientLimits#perAddress()} runs running or queued, and {@link
 * ClientLimits#perMinute()} started a minute. Forgets an address once it has no runs and its rate
 * allowance is whole again, so the map holds only recent callers.
 */
public final class AddressBudget {
  private final ClientLimits limits;
  private final Map<String, Caller> callers = new HashMap<>();

  private static final class Caller {
    final RateLimit rate;
    int running;

    Caller(int perMinute) {
      rate = new RateLimit(perMinute);
    }
  }

  /** What became of a request to start a run. */
  sealed interface Verdict {}

  /** Started: call {@code release} exactly once when the run has ended. */
  record Granted(Runnable release) implements Verdict {}

  /** Too many runs going from this address. */
  record TooMany(int running) implements Verdict {}

  /** Too many runs started in the last minute; the next may start in {@code retryAfter} s. */
  record TooFast(long retryAfter) implements Verdict {}

  public AddressBudget(ClientLimits limits) {
    this.limits = limits;
  }

  ClientLimits limits() {
    return limits;
  }

  synchronized Verdict tryStart(String address) {
    Caller caller = callers.computeIfAbsent(address, a -> new Caller(limits.perMinute()));
    if (caller.running >= limits.perAddress()) {
      return new TooMany(caller.running);
    }
    if (!caller.rate.tryTake()) {
      return new TooFast(Math.max(1, caller.rate.secondsToNext()));
    }
    caller.running++;
    sweep();
    return new Granted(() -> release(caller));
  }

  private synchronized void release(Caller caller) {
    caller.running--;
  }

  /** Holds the monitor. Drops callers with nothing going and a full allowance. */
  private void sweep() {
    if (callers.size() > 64) {
      callers.values().removeIf(c -> c.running == 0 && c.rate.full());
    }
  }

  synchronized int addresses() {
    return callers.size();
  }
}
