package dev.polyglot.playground.web;

/**
 * A fair share per client, so that nobody waits longer because one client sends many runs.
 *
 * @param perSocket runs one WebSocket (one browser: its tabs and widgets share it) may have running
 *     or queued at once
 * @param perAddress runs one IP address may have running or queued at once over {@code /api/run}; a
 *     whole class behind one NAT shares an address, hence the larger default
 * @param perMinute runs one client (a socket, or an address over {@code /api/run}) may start in a
 *     minute; 0 for no limit
 * @param trustProxy take an {@code /api/run} caller's address from the last entry of {@code
 *     X-Forwarded-For}, which the server's own proxy appends; only behind such a proxy
 */
public record ClientLimits(int perSocket, int perAddress, int perMinute, boolean trustProxy) {
  public static final ClientLimits DEFAULTS = new ClientLimits(4, 32, 60, false);
}
