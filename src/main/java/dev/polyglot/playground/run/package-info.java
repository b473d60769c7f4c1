/**
 * Running Java variants: the {@link dev.polyglot.playground.run.Runner} seam, the one typed event
 * protocol ({@link dev.polyglot.playground.run.RunEvent}, design §5), limits, and the FIFO {@link
 * dev.polyglot.playground.run.Scheduler} that bounds how many runs execute at once. Transports
 * (NDJSON, WebSocket) only ever see {@code RunEvent}s.
 */
package dev.polyglot.playground.run;
