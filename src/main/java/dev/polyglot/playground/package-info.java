/**
 * Polyglot Playground: a Vert.x server that teaches async/await by showing Python, C#, JavaScript
 * and Java side by side. This package holds only the entry point, the settings and the one wiring
 * function ({@link dev.polyglot.playground.Playground#start}) that {@code main} and the tests
 * share.
 */
package dev.polyglot.playground;
