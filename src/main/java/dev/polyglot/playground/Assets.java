package dev.polyglot.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache-busting version of the front end: a hash of the assets the pages link to. It changes
 * exactly when one of them does, so browsers may keep them for a year.
 */
final class Assets {
  /** Every file under webroot/; AssetsTest keeps this list complete. */
  static final List<String> LINKED =
      List.of(
          "embed.js",
          "embed-options.js",
          "favicon.svg",
          "progress.js",
          "search.js",
          "shortcuts.js",
          "site.css",
          "site.js",
          "storage.js",
          "theme.js",
          "live/checks.js",
          "live/code-marks.js",
          "live/console.js",
          "live/editor.js",
          "live/phase.js",
          "live/playground.js",
          "live/predict.js",
          "live/replay.js",
          "live/runpane.js",
          "live/scale.js",
          "live/scrub.js",
          "live/scrubber.js",
          "live/segments.js",
          "live/share.js",
          "live/socket.js",
          "live/socket-worker.js",
          "live/timeline.js",
          "live/timeline-focus.js",
          "live/timeline-text.js");

  private Assets() {}

  static String version(String appVersion) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(appVersion.getBytes(StandardCharsets.UTF_8));
      for (String name : LINKED) {
        try (InputStream in = Assets.class.getResourceAsStream("/webroot/" + name)) {
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
