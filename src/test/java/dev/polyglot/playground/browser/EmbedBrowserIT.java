package dev.polyglot.playground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.polyglot.playground.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A docs author's page on another origin (another port) embeds one widget by script tag and one by
 * iframe, under a stylesheet that tries to restyle everything. Both render the chosen languages,
 * stream a real run, and grow with their output; a site that is not allowed cannot frame them.
 */
class EmbedBrowserIT {
  static final String EXAMPLE = "why-and-model/three-waits";

  @TempDir static Path work;
  static TestServer server;
  static Browser browser;
  static HttpServer allowedHost;
  static HttpServer otherHost;

  @RegisterExtension
  static final TestWatcher SHOTS = Browser.screenshotsOnFailure(() -> EmbedBrowserIT.browser);

  @BeforeAll
  static void start() {
    browser = Browser.start(1300, 1000);
    allowedHost = host(port -> docsPage(port));
    otherHost =
        host(port ->
            "<!doctype html><title>Not allowed</title><iframe id=frame src=\"http://127.0.0.1:"
                + port
                + "/embed/"
                + EXAMPLE
                + "\"></iframe>");
    server =
        TestServer.startWithJvm(
            "--snippets",
            "snippets",
            "--pool",
            "1",
            "--warmups",
            "1",
            "--work-dir",
            work.toString(),
            "--allowed-origins",
            origin(allowedHost));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
    if (server != null) server.close();
    if (allowedHost != null) allowedHost.stop(0);
    if (otherHost != null) otherHost.stop(0);
  }

  static String origin(HttpServer host) {
    return "http://127.0.0.1:" + host.getAddress().getPort();
  }

  /** The docs author's page: hostile CSS, a script-tag widget, and an iframe it sizes itself. */
  static String docsPage(int playground) {
    String at = "http://127.0.0.1:" + playground;
    return """
    <!doctype html>
    <html><head><title>Someone's docs</title>
    <style>* { font-size: 40px !important; color: red !important; font-family: serif !important; }
    div, iframe { border: 3px solid lime; }</style>
    <script src="%1$s/assets/embed.js" defer></script>
    </head><body>
    <h1>Async in four languages</h1>
    <div id="by-script" data-playground="%2$s" data-langs="python,java"></div>
    <iframe id="by-frame" src="%1$s/embed/%2$s?langs=javascript,java&amp;id=docs-1"
            style="width: 100%%; height: 300px; border: 0"></iframe>
    <script>
      addEventListener("message", (e) => {
        if (e.origin === "%1$s" && e.data.type === "polyglot-playground:resize" && e.data.id === "docs-1")
          document.getElementById("by-frame").style.height = e.data.height + "px";
      });
    </script>
    </body></html>
    """
        .formatted(at, EXAMPLE);
  }

  /** A page server on a port of its own: another origin than the playground's. */
  static HttpServer host(IntFunction<String> page) {
    try {
      HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      host.createContext(
          "/",
          exchange -> {
            byte[] body = page.apply(server.playground().port()).getBytes(StandardCharsets.UTF_8);
            if (!exchange.getRequestURI().getPath().equals("/")) {
              exchange.sendResponseHeaders(404, -1);
              exchange.close();
              return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      host.start();
      return host;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Clicks a variant's tab in a pane once the widget's script has set the tabs up. A strip of tabs
   * wider than a narrow pane scrolls, and WebDriver counts a tab scrolled out of its strip as not
   * displayed: it is brought into view, as a reader would, before asking.
   */
  private void showTab(WebElement pane, String variant) {
    WebElement tab = pane.findElement(By.cssSelector("[role=tab][data-variant=" + variant + "]"));
    waiting(20)
        .until(d -> {
          browser.js("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'})", tab);
          return tab.isDisplayed();
        });
    tab.click();
  }

  private WebDriverWait waiting(int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }

  private int height(WebElement frame) {
    return ((Number) browser.js("return arguments[0].getBoundingClientRect().height", frame))
        .intValue();
  }

  /** Inside one widget: checks its languages and style, runs the concurrent variant. */
  private void runInside(WebElement frame, List<String> langs) {
    var driver = browser.driver;
    int before = height(frame);
    driver.switchTo().frame(frame);
    try {
      waiting(15)
          .until(
              d -> !d.findElements(By.cssSelector(".pane[data-runnable] .run-button")).isEmpty());
      @SuppressWarnings("unchecked")
      List<String> shown =
          (List<String>)
              browser.js(
                  "return Array.from(document.querySelectorAll('.pane'))"
                      + ".filter(p => !p.hidden && p.offsetParent !== null)"
                      + ".sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)"
                      + ".map(p => p.dataset.lang)");
      assertThat(shown).containsExactlyElementsOf(langs);
      // The host's `* { font-size: 40px }` does not reach in.
      assertThat(
              browser.js("return getComputedStyle(document.querySelector('.pane-title')).fontSize"))
          .isNotEqualTo("40px");
      WebElement java = driver.findElement(By.cssSelector(".pane[data-lang=java]"));
      showTab(java, "concurrent");
      browser.recordArrivals("#three-waits-run");
      java.findElement(By.cssSelector(".run-button")).click();
      waiting(60)
          .until(d ->
              List.of("finished", "failed", "error")
                  .contains(d.findElement(By.id("three-waits-run")).getAttribute("data-phase")));
      assertThat(driver.findElement(By.id("three-waits-run")).getAttribute("data-phase"))
          .isEqualTo("finished");
      assertThat(driver.findElements(By.cssSelector("#three-waits-run " + ".console-text")))
          .extracting(WebElement::getText)
          .startsWith("concurrent, virtual threads:")
          .hasSize(5);
      assertThat(driver.findElements(By.cssSelector("#three-waits-run " + ".tl-bar"))).hasSize(3);
      assertThat(browser.arrivals()).hasSize(5).contains("running");
    } finally {
      driver.switchTo().defaultContent();
    }
    // The output made the widget taller, and the frame followed.
    waiting(5).until(d -> height(frame) > before + 100);
  }

  @Test
  void bothWidgetsRenderTheirLanguagesRunAndGrowWithTheirOutput() throws Exception {
    var driver = browser.driver;
    driver.get(origin(allowedHost) + "/");
    assertThat(browser.js("return getComputedStyle(document.querySelector('h1')).fontSize"))
        .isEqualTo("40px");
    waiting(15).until(d -> !d.findElements(By.cssSelector("#by-script iframe")).isEmpty());
    runInside(driver.findElement(By.cssSelector("#by-script iframe")), List.of("python", "java"));
    runInside(driver.findElement(By.id("by-frame")), List.of("javascript", "java"));
    // Two widgets, one WebSocket: they share it through a SharedWorker.
    var health =
        server
            .get("/health")
            .send()
            .toCompletionStage()
            .toCompletableFuture()
            .get()
            .bodyAsJsonObject();
    assertThat(health.getLong("webSockets")).isEqualTo(1);
  }

  @Test
  void aWidgetReplaysARecordedRunAtItsRealPace() {
    var driver = browser.driver;
    driver.get(origin(allowedHost) + "/");
    waiting(15).until(d -> !d.findElements(By.cssSelector("#by-script iframe")).isEmpty());
    driver.switchTo().frame(driver.findElement(By.cssSelector("#by-script iframe")));
    try {
      waiting(15).until(d -> !d.findElements(By.cssSelector(".replay-button")).isEmpty());
      WebElement java = driver.findElement(By.cssSelector(".pane[data-lang=java]"));
      showTab(java, "concurrent");
      assertThat(java.findElement(By.cssSelector(".run-button")).getText()).contains("Run live");
      browser.js(
          """
          const panel = document.getElementById('three-waits-run');
          window.__phases = [];
          new MutationObserver(() => window.__phases.push(panel.dataset.phase + ':'
              + panel.querySelectorAll('.console-line').length))
            .observe(panel, {subtree: true, childList: true, attributes: true});
          """);
      java.findElement(By.cssSelector(".replay-button")).click();
      waiting(60)
          .until(d ->
              "finished"
                  .equals(d.findElement(By.id("three-waits-run")).getAttribute("data-phase")));
      assertThat(driver.findElement(By.cssSelector("#three-waits-run " + ".run-phase")).getText())
          .contains("Replayed a recorded run");
      assertThat(driver.findElements(By.cssSelector("#three-waits-run " + ".console-text")))
          .extracting(WebElement::getText)
          .startsWith("concurrent, virtual threads:")
          .hasSize(5);
      assertThat(driver.findElements(By.cssSelector("#three-waits-run " + ".tl-bar"))).hasSize(3);
      // Played out over time: the first line was on screen while the replay was still running.
      @SuppressWarnings("unchecked")
      List<String> phases = (List<String>) browser.js("return window.__phases");
      assertThat(phases).contains("running:1");
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  @Test
  void aSiteThatIsNotAllowedCannotFrameAWidget() throws Exception {
    var driver = browser.driver;
    browser.consoleErrors(); // start from a clean log
    driver.get(origin(otherHost) + "/");
    WebElement frame = driver.findElement(By.id("frame"));
    Thread.sleep(2000); // the browser's answer to frame-ancestors is to show nothing
    driver.switchTo().frame(frame);
    try {
      assertThat(driver.findElements(By.cssSelector(".embed-lesson, .pane"))).isEmpty();
    } finally {
      driver.switchTo().defaultContent();
    }
    // And it was refused for the reason we set, not for some other failure.
    assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("frame-ancestors"));
  }
}
