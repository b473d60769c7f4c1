/**
 * HTTP: every route in one place ({@link dev.polyglot.playground.web.Routes}), conditional and
 * compressed serving of pre-rendered pages, and the operational endpoints.
 */
package dev.polyglot.playground.web;
