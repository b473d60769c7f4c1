/**
 * The real {@link dev.polyglot.playground.run.Runner}: a pool of pre-warmed child JVMs, each
 * started inside bubblewrap as its own unprivileged uid, used for exactly one run and then
 * discarded. A {@link dev.polyglot.playground.run.jvm.Supervisor} per run turns the child's
 * protocol lines into {@link dev.polyglot.playground.run.RunEvent}s and enforces the limits the
 * child cannot be trusted to enforce itself (wall time, compile time, output size).
 */
package dev.polyglot.playground.run.jvm;
