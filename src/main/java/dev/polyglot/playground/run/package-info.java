/**
 * Running code, independent of how: the {@link dev.polyglot.playground.run.Runner} seam, the one
 * typed event protocol to clients ({@link dev.polyglot.playground.run.RunEvent}, written down in
 * {@code docs/protocol.md}), limits, how a client's request names what to run ({@link
 * dev.polyglot.playground.run.RunTargets}), and the FIFO {@link
 * dev.polyglot.playground.run.Scheduler} that bounds how many runs execute at once and shuts them
 * down in order. Transports (NDJSON, WebSocket) only ever see {@code RunEvent}s.
 */
package dev.polyglot.playground.run;
