/**
 * Turns a loaded {@link dev.polyglot.playground.content.Course} into finished responses: HTML pages
 * from Handlebars templates compiled once, and JSON documents. Everything is rendered ahead of time
 * into immutable {@link dev.polyglot.playground.render.Page}s, so serving a request never renders.
 */
package dev.polyglot.playground.render;
