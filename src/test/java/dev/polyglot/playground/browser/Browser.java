package dev.polyglot.playground.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with the flags it needs as root in a container. Where Chromium is
 * missing the tests are skipped, except in CI ({@code -Dci=true}), where that is a failure.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start(int width, int height) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && Boolean.getBoolean("ci")) {
      throw new IllegalStateException(
          "CI needs chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    }
    assumeTrue(present, "chromium and chromium-driver are not installed; browser tests skipped");
    try {
      Path profile = Files.createTempDirectory("chromium-profile");
      var options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-dev-shm-usage",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          // Smooth scrolling would still be moving the page when Selenium clicks.
          "--force-prefers-reduced-motion",
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      var service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      var driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /**
   * From now on, notes the phase of the run panel at {@code panelSelector} each time a console line
   * arrives, to tell output that streams from output that lands all at once.
   */
  void recordArrivals(String panelSelector) {
    js(
        """
        const panel = document.querySelector(arguments[0]);
        window.__arrivals = [];
        new MutationObserver(() => {
          for (const line of panel.querySelectorAll('.console-line:not([data-seen])')) {
            line.dataset.seen = '1';
            window.__arrivals.push(panel.dataset.phase);
          }
        }).observe(panel, {subtree: true, childList: true});
        """,
        panelSelector);
  }

  /** The phases noted by {@link #recordArrivals}, one per console line, in order. */
  @SuppressWarnings("unchecked")
  List<String> arrivals() {
    return (List<String>) js("return window.__arrivals");
  }

  /** Saves what the browser shows under target/browser-shots, to see why a test failed. */
  void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser-shots"));
      byte[] png = driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_") + ".png"), png);
    } catch (IOException | RuntimeException e) {
      // A missing screenshot must not hide the failure itself.
    }
  }

  /** A JUnit extension that takes a screenshot of each failing test. */
  static org.junit.jupiter.api.extension.TestWatcher screenshotsOnFailure(
      java.util.function.Supplier<Browser> browser) {
    return new org.junit.jupiter.api.extension.TestWatcher() {
      @Override
      public void testFailed(
          org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
        Browser b = browser.get();
        if (b != null) {
          b.screenshot(context.getDisplayName());
        }
      }
    };
  }

  /** Everything the page logged at error level since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}
