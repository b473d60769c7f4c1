/**
 * HTTP: every route in one place ({@link dev.polyglot.playground.web.Routes}), conditional and
 * compressed serving of pre-rendered pages, the operational endpoints, the two run transports
 * (NDJSON over {@code POST /api/run}, and the {@code /ws} WebSocket with its origin check), and
 * what embedding needs: widget pages, oEmbed and recorded runs for replay.
 */
package dev.polyglot.playground.web;
