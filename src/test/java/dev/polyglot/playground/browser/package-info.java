/** Real-browser tests: headless Chromium driven by Selenium against a real server. */
package dev.polyglot.playground.browser;
