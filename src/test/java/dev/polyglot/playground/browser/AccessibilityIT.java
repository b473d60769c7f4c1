package dev.polyglot.playground.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * WCAG 2.1 AA in a real Chromium: axe-core (from the npm registry, {@code src/test/a11y}) runs on
 * every page the server renders, in the light and the dark theme, before and after a run (the
 * console, the timeline, a comparison and compiler messages), and must find nothing in the rule
 * sets wcag2a, wcag2aa, wcag21aa and best-practice. Then a learner with only a keyboard runs an
 * example, reads its result and opens the editor. Skipped without axe-core's node_modules, except
 * in CI ({@code -Dci=true}), where that is a failure.
 */
class AccessibilityIT {
  static final Path AXE = Path.of("src/test/a11y/node_modules/axe-core/axe.min.js");
  static final List<String> RULE_SETS = List.of("wcag2a", "wcag2aa", "wcag21aa", "best-practice");
  static final String LESSON = "/lessons/why-and-model";
  static final String EXAMPLE = "three-waits";
  static final String WIDGET = "/embed/why-and-model/three-waits?langs=python,java";

  @TempDir static Path work;
  static TestServer server;
  static Browser browser;
  static String axe;

  @RegisterExtension
  static final TestWatcher SHOTS = Browser.screenshotsOnFailure(() -> AccessibilityIT.browser);

  /**
   * How the page gets its colours: the system's preference (which the widget page follows too), or
   * the site's toggle, which saves its choice in localStorage and applies it before first paint.
   */
  enum Scheme {
    LIGHT("light", null),
    DARK("dark", null),
    DARK_BY_TOGGLE("light", "dark");

    final String system;
    final String saved;

    Scheme(String system, String saved) {
      this.system = system;
      this.saved = saved;
    }
  }

  @BeforeAll
  static void start() {
    boolean present = Files.isRegularFile(AXE);
    if (!present && Boolean.getBoolean("ci")) {
      throw new IllegalStateException(
          "CI needs axe-core: npm ci --prefix src/test/a11y (see .ci/run)");
    }
    assumeTrue(present, "src/test/a11y/node_modules missing; accessibility checks skipped");
    try {
      axe = Files.readString(AXE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    browser = Browser.start(1400, 900);
    server =
        TestServer.startWithJvm(
            "--snippets",
            "snippets",
            "--pool",
            "1",
            "--warmups",
            "1",
            "--work-dir",
            work.toString());
    server.awaitAotTraining();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  // ---------- the audits ----------

  @Test
  void everyPageHasNoViolationsInEitherTheme() {
    List<String> pages = new ArrayList<>();
    pages.add("/");
    for (Object lesson : lessons()) {
      pages.add("/lessons/" + ((JsonObject) lesson).getString("id"));
    }
    pages.addAll(
        List.of(
            "/embed",
            WIDGET,
            "/embed/why-and-model/three-waits",
            "/embed/why-and-model/three-waits?theme=dark",
            "/lessons/nope",
            "/embed/nope/nope",
            "/cheatsheet/python/csharp"));
    List<String> found = new ArrayList<>();
    for (Scheme scheme : List.of(Scheme.LIGHT, Scheme.DARK)) {
      for (String page : pages) {
        open(page, scheme);
        found.addAll(audit(scheme + " " + page));
      }
    }
    // The toggle's dark theme is the same palette as the system's; check it on each kind of page.
    for (String page : List.of("/", LESSON, "/embed", "/lessons/nope")) {
      open(page, Scheme.DARK_BY_TOGGLE);
      assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo("dark");
      found.addAll(audit(Scheme.DARK_BY_TOGGLE + " " + page));
    }
    assertThat(found).as(report(found)).isEmpty();
  }

  @Test
  void theLivePartsHaveNoViolationsAfterARunInEitherTheme() {
    List<String> found = new ArrayList<>();
    for (Scheme scheme : List.of(Scheme.LIGHT, Scheme.DARK)) {
      // A run: the phase, the console and the timeline with its table.
      open(LESSON, scheme);
      WebElement pane = javaPane();
      pane.findElement(By.cssSelector("[role=tab][data-variant=concurrent]")).click();
      pane.findElement(By.cssSelector(".run-button")).click();
      awaitPhase(60, "finished", "failed", "error", "stopped");
      assertThat(phase()).isEqualTo("finished");
      found.addAll(audit(scheme + " " + LESSON + " after a run"));

      // Compare: two timelines on one scale, and the speed-up.
      pane.findElement(By.cssSelector(".compare-button")).click();
      waiting(90).until(d -> panel().findElement(By.cssSelector(".run-summary")).isDisplayed());
      found.addAll(audit(scheme + " " + LESSON + " after Compare"));

      // An edit that does not compile: the editor, its marks and the compiler's messages.
      pane.findElement(By.cssSelector(".edit-button")).click();
      waiting(10).until(d -> !pane.findElements(By.cssSelector(".CodeMirror")).isEmpty());
      browser.js(
          "arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])",
          pane,
          "void main() {\n    IO.println(\"one\");\n    IO.println(\"two\")\n}\n");
      pane.findElement(By.cssSelector(".run-button")).click();
      awaitPhase(60, "failed", "error", "finished", "stopped");
      assertThat(panel().findElement(By.cssSelector(".run-phase")).getText())
          .contains("Did not compile");
      found.addAll(audit(scheme + " " + LESSON + " after a compile error"));

      // The widget, after its run.
      open(WIDGET, scheme);
      browser.driver.findElement(By.cssSelector(".pane[data-lang=java] .run-button")).click();
      waiting(60)
          .until(d ->
              List.of("finished", "failed", "error", "stopped")
                  .contains(d.findElement(By.id(EXAMPLE + "-run")).getAttribute("data-phase")));
      found.addAll(audit(scheme + " " + WIDGET + " after a run"));
    }
    assertThat(found).as(report(found)).isEmpty();
  }

  // ---------- the keyboard ----------

  @Test
  void theKeyboardAloneRunsAnExampleReadsItsResultAndOpensTheEditor() {
    open(LESSON, Scheme.LIGHT);
    // Long lines wrap by default; with wrapping off, code that does not fit scrolls sideways.
    WebElement wrap = browser.driver.findElement(By.cssSelector("input[name=wrap]"));
    if (wrap.isSelected()) {
      wrap.click();
    }
    WebElement pane = javaPane();
    WebElement run = pane.findElement(By.cssSelector(".run-button"));
    browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");

    // On the way to the Java pane, a code block that scrolls sideways takes the focus, and the
    // arrow keys scroll it.
    WebElement code = tabUntil(false, e -> isScrolling(e) || e.equals(run));
    assertThat(isScrolling(code)).as("a block that scrolls, before the Run button").isTrue();
    assertThat(browser.js("return getComputedStyle(arguments[0]).outlineStyle", code))
        .isNotEqualTo("none");
    new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
    waiting(5)
        .until(d -> ((Number) browser.js("return arguments[0].scrollLeft", code)).intValue() > 0);

    // Run, with Enter.
    tabUntil(false, run::equals);
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    awaitPhase(60, "finished", "failed", "error", "stopped");
    assertThat(phase()).isEqualTo("finished");
    assertThat(active()).isEqualTo(run);

    // The result: the phase link beside the toolbar says it, and Enter on it goes to the output.
    WebElement jump = tabUntil(false, e -> classes(e).contains("run-jump"));
    assertThat(jump.getText()).contains("Finished", "exit code 0");
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    waiting(5).until(d -> active().equals(panel()));
    assertThat(panel().findElement(By.cssSelector(".run-phase")).getText()).contains("exit code 0");
    // The timeline, in words.
    String table =
        (String)
            browser.js("return arguments[0].querySelector('.timeline-text').textContent", panel());
    assertThat(table).contains("Timeline", "total", "Duration", "main (the program)");

    // The editor: back to Edit, Enter; then Ctrl+Enter runs from inside it.
    WebElement edit = pane.findElement(By.cssSelector(".edit-button"));
    tabUntil(true, edit::equals);
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    waiting(10)
        .until(d ->
            (Boolean)
                browser.js(
                    "return !!document.activeElement.closest('.CodeMirror')"
                        + " && arguments[0].contains(document.activeElement)",
                    pane));
    browser.js(
        """
        const panel = arguments[0];
        window.__phases = [];
        new MutationObserver(() => window.__phases.push(panel.dataset.phase))
          .observe(panel, {attributes: true, attributeFilter: ['data-phase']});
        """,
        panel());
    new Actions(browser.driver)
        .keyDown(Keys.CONTROL)
        .sendKeys(Keys.ENTER)
        .keyUp(Keys.CONTROL)
        .perform();
    waiting(60)
        .until(d -> {
          @SuppressWarnings("unchecked")
          List<String> seen = (List<String>) browser.js("return window.__phases");
          return seen.contains("running") && List.of("finished", "failed").contains(phase());
        });
    assertThat(phase()).isEqualTo("finished");
  }

  // ---------- helpers ----------

  private static JsonArray lessons() {
    try {
      JsonArray list =
          server
              .get("/api/lessons")
              .send()
              .toCompletionStage()
              .toCompletableFuture()
              .get()
              .bodyAsJsonArray();
      assertThat(list).isNotEmpty();
      return list;
    } catch (Exception e) {
      throw new IllegalStateException("could not list the lessons", e);
    }
  }

  /** Opens `path` in `scheme`, and waits until the page's scripts have done their work. */
  private void open(String path, Scheme scheme) {
    var driver = browser.driver;
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme.system))));
    // The saved theme belongs to the site's origin: set it from one of its pages, then load.
    driver.get("about:blank");
    driver.get(server.url("/health"));
    browser.js(
        "if (arguments[0]) localStorage.setItem('pp.theme', arguments[0]);"
            + " else localStorage.removeItem('pp.theme');",
        scheme.saved);
    driver.get(server.url(path));
    waiting(15)
        .until(d ->
            (Boolean)
                browser.js(
                    """
                    const root = document.documentElement;
                    if (document.readyState !== 'complete' || !root.classList.contains('js')) return false;
                    if (root.classList.contains('embed-frame') && root.dataset.langs
                        && !root.classList.contains('is-arranged')) return false;
                    // The live runner loads after the page: wait for its toolbars.
                    const runnable = document.querySelectorAll('.pane[data-runnable]').length;
                    return document.querySelectorAll('.run-bar:not(.compare-bar)').length === runnable;
                    """));
  }

  /**
   * Runs axe on the page as it is, and returns one line per violation: where, the rule, its impact
   * and the nodes it found.
   */
  @SuppressWarnings("unchecked")
  private List<String> audit(String where) {
    browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    browser.js(axe);
    Object result =
        browser.driver.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, iframes: false})
              .then(r => done(r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')) }))))
              .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
            """,
            RULE_SETS);
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      List<String> targets = (List<String>) v.get("targets");
      lines.add(
          "%s: %s [%s] %s: %d node(s): %s"
              .formatted(
                  where,
                  v.get("id"),
                  v.get("impact"),
                  v.get("help"),
                  targets.size(),
                  String.join(" | ", targets.subList(0, Math.min(targets.size(), 8)))));
    }
    return lines;
  }

  private static String report(List<String> found) {
    return found.size() + " accessibility violation(s):\n  " + String.join("\n  ", found);
  }

  private WebDriverWait waiting(int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }

  private WebElement javaPane() {
    return browser.driver.findElement(
        By.cssSelector(".panes[data-example='" + EXAMPLE + "'] .pane[data-lang=java]"));
  }

  private WebElement panel() {
    return browser.driver.findElement(By.id(EXAMPLE + "-run"));
  }

  private String phase() {
    return panel().getAttribute("data-phase");
  }

  private void awaitPhase(int seconds, String... phases) {
    waiting(seconds).until(d -> List.of(phases).contains(phase()));
  }

  private WebElement active() {
    return browser.driver.switchTo().activeElement();
  }

  /** Presses Tab (or Shift+Tab) until the focused element passes `wanted`, and returns it. */
  private WebElement tabUntil(boolean backwards, Predicate<WebElement> wanted) {
    for (int presses = 0; presses < 300; presses++) {
      if (backwards) {
        new Actions(browser.driver)
            .keyDown(Keys.SHIFT)
            .sendKeys(Keys.TAB)
            .keyUp(Keys.SHIFT)
            .perform();
      } else {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
      }
      WebElement focused = active();
      if (wanted.test(focused)) {
        return focused;
      }
    }
    throw new AssertionError("300 presses did not reach the element; focus is on " + describe());
  }

  /** A code block or table that scrolls sideways, and so joined the tab order. */
  private boolean isScrolling(WebElement element) {
    return (Boolean)
        browser.js(
            "const e = arguments[0]; return e.matches('pre, table')"
                + " && e.scrollWidth > e.clientWidth && e.tabIndex === 0",
            element);
  }

  private static String classes(WebElement element) {
    String value = element.getAttribute("class");
    return value == null ? "" : value;
  }

  private String describe() {
    return (String)
        browser.js(
            "const e = document.activeElement; return e ? e.outerHTML.slice(0, 200) : 'nothing'");
  }
}
