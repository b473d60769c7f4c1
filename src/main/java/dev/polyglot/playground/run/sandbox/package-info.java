/**
 * The real {@link dev.polyglot.playground.run.Runner}: a pool of pre-warmed child JVMs, each
 * started inside bubblewrap as its own unprivileged uid, used for exactly one run and then
 * discarded. A {@link dev.polyglot.playground.run.sandbox.Supervisor} per run turns the child's
 * protocol lines into {@link dev.polyglot.playground.run.RunEvent}s and enforces the limits the
 * child cannot be trusted to enforce itself (wall time, compile time, output size). Edited code is
 * compiled by the {@link dev.polyglot.playground.run.sandbox.CompileService}, one long-lived JVM in
 * the same sandbox that keeps javac warm and never runs what it compiles.
 */
package dev.polyglot.playground.run.sandbox;
