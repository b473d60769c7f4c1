package dev.polyglot.playground.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyglot.playground.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live playground as a learner uses it, in a real Chromium, against the bundled lessons and
 * real sandboxed child JVMs: runs stream into the console and the timeline, variants compare, edits
 * compile (or fail to, at the right line), cancel kills the process, output stays text, permalinks
 * restore an edit, and the keyboard alone is enough.
 */
class LivePlaygroundBrowserIT {
  static final String LESSON = "/lessons/why-and-model";
  static final String EXAMPLE = "three-waits";

  /**
   * The line the program prints for its first one-second sleep, which it measures itself: on a busy
   * machine the sleep may end a few hundredths late and round up to 1.1 s.
   */
  static final String ONE_SECOND_WAIT = "  wait 1  0\\.0-1\\.[01] s.*";

  @TempDir static Path work;

  @org.junit.jupiter.api.extension.RegisterExtension
  static final org.junit.jupiter.api.extension.TestWatcher SHOTS =
      Browser.screenshotsOnFailure(() -> LivePlaygroundBrowserIT.browser);

  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.start(1400, 1000);
    // No warm pool: every run has a child of its own, so "no process is left" can be checked.
    server =
        TestServer.startWithJvm(
            "--snippets",
            "snippets",
            "--pool",
            "0",
            "--warmups",
            "0",
            "--max-runs",
            "2",
            "--max-queue",
            "8",
            "--work-dir",
            work.toString());
    server.awaitAotTraining();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @AfterEach
  void nothingLeftAndNoErrors() throws Exception {
    assertThat(TestServer.processesLeft()).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private WebDriverWait waiting(int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }

  /** Opens the lesson with the Java pane of the three-waits example showing `variant`. */
  private WebElement openJavaPane(String variant) {
    // A fresh page each time: the same URL with a fragment would only scroll the old one.
    browser.driver.get("about:blank");
    browser.driver.get(server.url(LESSON + "#" + EXAMPLE));
    WebElement pane = javaPane();
    waiting(10).until(d -> !pane.findElements(By.cssSelector(".run-bar")).isEmpty());
    if (variant != null) {
      pane.findElement(By.cssSelector("[role=tab][data-variant='" + variant + "']")).click();
    }
    return pane;
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

  private void edit(WebElement pane, String code) {
    pane.findElement(By.cssSelector(".edit-button")).click();
    waiting(10).until(d -> !pane.findElements(By.cssSelector(".CodeMirror")).isEmpty());
    browser.js(
        "arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])", pane, code);
  }

  private List<String> consoleLines() {
    return panel().findElements(By.cssSelector(".console-text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static double secondsIn(String text) {
    Matcher m = Pattern.compile("(\\d+\\.\\d+) s").matcher(text);
    assertThat(m.find()).as("a time in seconds in '%s'", text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void pythonGatherDrawsThreeMostlyWaitingLanesAndCompareLanguagesStacksEveryLanguage() {
    browser.driver.get("about:blank");
    browser.driver.get(server.url(LESSON + "#" + EXAMPLE));
    WebElement pane =
        browser.driver.findElement(
            By.cssSelector(".panes[data-example='" + EXAMPLE + "'] .pane[data-lang=python]"));
    waiting(10).until(d -> !pane.findElements(By.cssSelector(".run-bar")).isEmpty());
    pane.findElement(By.cssSelector("[role=tab][data-variant='gather']")).click();
    pane.findElement(By.cssSelector(".run-button")).click();
    WebElement python = browser.driver.findElement(By.id(EXAMPLE + "-python-run"));
    waiting(60)
        .until(d ->
            List.of("finished", "failed", "error").contains(python.getAttribute("data-phase")));
    assertThat(python.getAttribute("data-phase")).isEqualTo("finished");
    assertThat(secondsIn(python.findElement(By.cssSelector(".run-total")).getText()))
        .isBetween(0.9, 1.6);
    // Per lane of a wait: where its bar starts and ends, and how much of it is solid (running).
    @SuppressWarnings("unchecked")
    List<List<Number>> lanes =
        (List<List<Number>>)
            browser.js(
                """
                return Array.from(arguments[0].querySelectorAll('.tl-lane[data-lane^="wait"]'))
                  .map(g => {
                    const bar = g.querySelector('.tl-bar.is-waiting');
                    const x = Number(bar.getAttribute('x')), w = Number(bar.getAttribute('width'));
                    const ran = Array.from(g.querySelectorAll('.tl-run'))
                      .reduce((sum, r) => sum + Number(r.getAttribute('width')), 0);
                    return [x, x + w, ran];
                  });
                """,
                python);
    assertThat(lanes).hasSize(3);
    for (List<Number> lane : lanes) {
      double start = lane.get(0).doubleValue();
      double end = lane.get(1).doubleValue();
      assertThat(lane.get(2).doubleValue())
          .as("running part of %s", lane)
          .isLessThan(0.2 * (end - start));
      // Overlapping: every lane spans the others' middle.
      for (List<Number> other : lanes) {
        double middle = (other.get(0).doubleValue() + other.get(1).doubleValue()) / 2;
        assertThat(middle).isBetween(start, end);
      }
    }
    assertThat(python.findElement(By.cssSelector(".tl-legend")).isDisplayed()).isTrue();

    WebElement compare =
        browser.driver.findElement(By.cssSelector(".compare-bar .compare-languages-button"));
    browser.js("arguments[0].scrollIntoView({block: 'center'})", compare);
    compare.click();
    WebElement all = browser.driver.findElement(By.id(EXAMPLE + "-compare-run"));
    waiting(120)
        .until(
            d -> List.of("finished", "failed", "error").contains(all.getAttribute("data-phase")));
    List<WebElement> blocks = all.findElements(By.cssSelector(".timeline-block"));
    // Language by language, in the order the panes stand (the reader's pair may move them).
    List<String> paneOrder =
        browser
            .driver
            .findElements(
                By.cssSelector(".panes[data-example='" + EXAMPLE + "'] .pane[data-runnable]"))
            .stream()
            .map(p -> p.getAttribute("data-lang"))
            .toList();
    assertThat(paneOrder).containsExactlyInAnyOrder("python", "javascript", "java");
    assertThat(blocks.stream().map(b -> b.getAttribute("data-lang")).distinct())
        .containsExactlyElementsOf(paneOrder);
    assertThat(blocks).hasSize(6);
    // One time axis: every block's last tick is the same time.
    assertThat(
            blocks.stream()
                .map(b -> b.findElements(By.cssSelector(".tl-tick")).getLast().getText())
                .distinct())
        .hasSize(1);
    assertThat(blocks)
        .allSatisfy(
            b -> assertThat(b.findElement(By.cssSelector(".run-total")).getText()).endsWith(" s"));
  }

  @Test
  void concurrentWaitsStreamLiveAndDrawThreeBarsInAboutOneSecond() {
    WebElement pane = openJavaPane("concurrent");
    browser.recordArrivals("#three-waits-run");
    pane.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(phase()).isEqualTo("finished");
    assertThat(panel().findElement(By.cssSelector(".run-phase")).getText()).contains("exit code 0");

    assertThat(browser.arrivals()).hasSizeGreaterThanOrEqualTo(5).contains("running");
    assertThat(consoleLines()).first().isEqualTo("concurrent, virtual threads:");
    assertThat(panel().findElements(By.cssSelector(".tl-bar"))).hasSize(3);
    assertThat(panel().findElements(By.cssSelector(".tl-axis"))).hasSize(1);
    double total = secondsIn(panel().findElement(By.cssSelector(".run-total")).getText());
    assertThat(total).isBetween(0.99, 1.3);
    // Lanes named as the program's thread factory names them, alive at the same time.
    assertThat(
            panel().findElements(By.cssSelector(".tl-lane")).stream()
                .map(g -> g.getAttribute("data-lane")))
        .containsExactly("main", "wait 1", "wait 2", "wait 3");
    @SuppressWarnings("unchecked")
    List<List<Number>> bars =
        (List<List<Number>>)
            browser.js(
                """
                return Array.from(arguments[0].querySelectorAll('.tl-bar')).map(b =>
                  [Number(b.getAttribute('x')), Number(b.getAttribute('x')) + Number(b.getAttribute('width'))]);
                """,
                panel());
    double latestStart = bars.stream().mapToDouble(b -> b.get(0).doubleValue()).max().orElseThrow();
    double earliestEnd = bars.stream().mapToDouble(b -> b.get(1).doubleValue()).min().orElseThrow();
    assertThat(latestStart).as("the three overlap").isLessThan(earliestEnd);
    // Hovering a bar tells its story.
    String tip =
        (String)
            browser.js("return arguments[0].querySelector('.tl-bar title').textContent", panel());
    assertThat(tip).contains("thread:", "start:", "end:", "duration:");

    // On a phone the panel still fits the screen.
    browser.resize(390, 900);
    try {
      waiting(5)
          .until(d ->
              ((Number) browser.js("return document.documentElement.scrollWidth")).intValue()
                  <= 390);
      assertThat(
              ((Number) browser.js("return arguments[0].querySelector('svg').clientWidth", panel()))
                  .intValue())
          .isLessThanOrEqualTo(390);
    } finally {
      browser.resize(1400, 1000);
    }
  }

  @Test
  void theSequentialRunWaitsThreeTimesOnMainAndTheScrubberReplaysIt() {
    WebElement pane = openJavaPane("sequential");
    pane.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(phase()).isEqualTo("finished");
    // One lane, main, waiting three times: each wait a clear segment between running moments.
    WebElement main = panel().findElement(By.cssSelector(".tl-lane[data-lane='main']"));
    double width = ((Number) browser.js("return arguments[0].clientWidth", panel())).doubleValue();
    List<WebElement> waits = main.findElements(By.cssSelector(".tl-seg.is-waiting"));
    assertThat(waits.stream().filter(w -> Double.parseDouble(w.getAttribute("width")) > width / 8))
        .as("long waiting segments on main")
        .hasSize(3);
    assertThat(main.findElements(By.cssSelector(".tl-seg.is-running"))).isNotEmpty();

    // The scrubber at 0.5 s: only the line printed before the first wait ended.
    WebElement range = panel().findElement(By.cssSelector(".scrub-range"));
    assertThat(range.isDisplayed()).isTrue();
    browser.js("arguments[0].value = 500; arguments[0].dispatchEvent(new Event('input'))", range);
    assertThat(visibleConsoleLines()).containsExactly("sequential, plain loop:");
    assertThat(panel().findElement(By.cssSelector(".scrub-position")).getText())
        .startsWith("0.500 s of ");
    assertThat(panel().findElements(By.cssSelector(".tl-cursor"))).hasSize(1);
    assertThat(panel().findElement(By.cssSelector(".tl-detail")).getText())
        .matches("At 0\\.500 s: main waiting at line \\d+\\.");
    // In the code, main is marked beside the line it waits at: the one with Thread.sleep.
    @SuppressWarnings("unchecked")
    List<String> marked =
        (List<String>)
            browser.js(
                """
                const pre = arguments[0].querySelector('.variant:not([hidden]) pre.code');
                const mark = pre.querySelector('.code-mark');
                mark.scrollIntoView({block: 'center'});
                const r = mark.getBoundingClientRect(), p = pre.getBoundingClientRect();
                const at = document.caretRangeFromPoint(p.left + 40, r.top + r.height / 2);
                const upTo = document.createRange();
                upTo.setStart(pre.querySelector('code'), 0);
                upTo.setEnd(at.startContainer, at.startOffset);
                const line = upTo.toString().split('\\n').length;
                return [mark.textContent, pre.textContent.split('\\n')[line - 1]];
                """,
                pane);
    assertThat(marked.get(0)).isEqualTo("◀ main waits here");
    assertThat(marked.get(1)).contains("Thread.sleep(1000)");
    // Right steps from event to event: the first wait's end, then its line.
    for (int i = 0; i < 6 && visibleConsoleLines().size() < 2; i++) {
      range.sendKeys(Keys.ARROW_RIGHT);
    }
    assertThat(visibleConsoleLines()).hasSize(2);
    assertThat(visibleConsoleLines().getLast()).matches(ONE_SECOND_WAIT);
    assertThat(secondsIn(panel().findElement(By.cssSelector(".scrub-position")).getText()))
        .isBetween(0.99, 1.2);
    // Play at 4× runs to the end and shows every line again.
    new org.openqa.selenium.support.ui.Select(panel().findElement(By.cssSelector(".scrub-speed")))
        .selectByVisibleText("4×");
    panel().findElement(By.cssSelector(".scrub-play")).click();
    waiting(5).until(d -> visibleConsoleLines().size() == 5);
    assertThat(panel().findElement(By.cssSelector(".scrub-play")).getText()).isEqualTo("Play");

    // From the keyboard: the timeline is one tab stop, and arrows walk main's segments.
    WebElement host = panel().findElement(By.cssSelector(".timeline-host"));
    browser.js("arguments[0].focus()", host);
    host.sendKeys(Keys.ARROW_RIGHT);
    host.sendKeys(Keys.ARROW_RIGHT);
    assertThat(panel().findElement(By.cssSelector(".tl-detail")).getText())
        .matches(
            "main: (running|waiting) from \\d\\.\\d{3} s to \\d\\.\\d{3} s, for \\d\\.\\d{3} s");
    assertThat(panel().findElements(By.cssSelector(".tl-seg.is-selected"))).hasSize(1);
  }

  @Test
  void aChallengeFailsIsFixedAndThenPassesAndIsRemembered() throws Exception {
    browser.driver.get("about:blank");
    browser.driver.get(server.url(LESSON + "#challenge-ping-ten-servers"));
    WebElement section = browser.driver.findElement(By.id("challenge-ping-ten-servers"));
    WebElement pane = section.findElement(By.cssSelector(".pane[data-runnable]"));
    waiting(10).until(d -> !pane.findElements(By.cssSelector(".run-bar")).isEmpty());
    WebElement challengePanel = browser.driver.findElement(By.id("challenge-ping-ten-servers-run"));
    java.util.function.Supplier<List<String>> marks =
        () ->
            section.findElements(By.cssSelector(".checks > .check")).stream()
                .map(li -> li.getAttribute("class").replace("check", "").strip())
                .toList();
    assertThat(marks.get()).containsOnly("");

    // The starting code runs one ping after another: it prints the right line, too slowly.
    pane.findElement(By.cssSelector(".run-button")).click();
    waiting(60).until(d -> marks.get().stream().noneMatch(String::isEmpty));
    assertThat(marks.get()).containsExactly("is-passed", "is-failed", "is-failed");
    assertThat(section.findElements(By.cssSelector(".check-measured")).get(1).getText())
        .matches("Not yet: took 2\\.\\d\\d s");
    assertThat(challengePanel.findElement(By.cssSelector(".run-summary")).getText())
        .isEqualTo("1 of 3 checks pass. Change the code and run it again.");

    // The learner's fix: the solution's shown code, typed into the editor.
    String solution =
        new io.vertx.core.json.JsonObject(
                java.net.http.HttpClient.newHttpClient()
                    .send(
                        java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(server.url("/api/lessons/why-and-model")))
                            .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body())
            .getJsonArray("challenges")
            .getJsonObject(0)
            .getJsonObject("solution")
            .getString("shown");
    pane.findElement(By.cssSelector(".edit-button")).click();
    waiting(10).until(d -> !pane.findElements(By.cssSelector(".CodeMirror")).isEmpty());
    browser.js(
        "arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])",
        pane,
        solution);
    pane.findElement(By.cssSelector(".run-button")).click();
    waiting(60)
        .until(d ->
            challengePanel
                .findElement(By.cssSelector(".run-summary"))
                .getText()
                .startsWith("Challenge"));
    assertThat(marks.get()).containsOnly("is-passed");
    assertThat(challengePanel.findElement(By.cssSelector(".run-summary")).getText())
        .isEqualTo("Challenge complete: all 3 checks pass.");
    assertThat(section.findElement(By.cssSelector(".passed-badge")).getText()).isEqualTo("Passed");

    // Remembered in this browser: the badge comes back on reload, and the index counts it.
    browser.driver.navigate().refresh();
    waiting(10)
        .until(d ->
            !d.findElements(By.cssSelector("#challenge-ping-ten-servers .passed-badge")).isEmpty());
    browser.driver.get(server.url("/"));
    waiting(10)
        .until(d ->
            d.findElement(By.cssSelector(".lesson-card[data-lesson='why-and-model']"))
                .getText()
                .contains("challenge passed"));
    browser.js("localStorage.removeItem('pp.progress')");
  }

  private List<String> visibleConsoleLines() {
    @SuppressWarnings("unchecked")
    List<String> lines =
        (List<String>)
            browser.js(
                "return Array.from(arguments[0].querySelectorAll('.console-line:not([hidden]) .console-text'), n => n.textContent)",
                panel());
    return lines;
  }

  @Test
  void aPredictionIsSetBesideTheRunAndProgressSurvivesAReloadUntilReset() {
    browser.driver.get(server.url("/"));
    browser.js("localStorage.removeItem('pp.progress')");
    WebElement pane = openJavaPane("concurrent");
    // Predict first: the example's own timings are the answers; guess the sequential one.
    List<String> answers =
        pane.findElements(By.cssSelector(".predict label")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(answers).containsExactly("about 1 s", "about 3 s");
    pane.findElement(By.cssSelector(".predict input[value='3']")).click();
    pane.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(phase()).isEqualTo("finished");
    WebElement verdict = panel().findElement(By.cssSelector(".run-prediction"));
    assertThat(verdict.getText())
        .matches("You predicted about 3 s; it took 1\\.\\d\\d s, about 1 s\\.");
    assertThat(pane.findElements(By.cssSelector(".predict input:checked"))).isEmpty();
    assertThat(browser.driver.findElement(By.cssSelector("#" + EXAMPLE + " .ran-badge")).getText())
        .isEqualTo("Ran");

    browser.driver.get(server.url("/"));
    By card = By.cssSelector(".lesson-card[data-lesson='why-and-model'] .lesson-progress");
    waiting(10).until(d -> !d.findElements(card).isEmpty());
    String total =
        browser
            .driver
            .findElement(By.cssSelector(".lesson-card[data-lesson='why-and-model'] .example-count"))
            .getAttribute("data-count");
    assertThat(browser.driver.findElement(card).getText())
        .isEqualTo("1 of " + total + " run · 1 predicted");

    browser.driver.navigate().refresh();
    waiting(10).until(d -> !d.findElements(card).isEmpty());
    assertThat(browser.driver.findElement(card).getText())
        .isEqualTo("1 of " + total + " run · 1 predicted");

    browser.driver.findElement(By.cssSelector(".progress-reset")).click();
    browser.driver.switchTo().alert().accept();
    waiting(10).until(d -> d.findElements(card).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector(".progress-reset"))).isEmpty();
    assertThat(browser.js("return localStorage.getItem('pp.progress')")).isNull();
  }

  @Test
  void comparingDrawsBothTimelinesOnOneScaleAndTheSpeedUp() {
    WebElement pane = openJavaPane(null);
    pane.findElement(By.cssSelector(".compare-button")).click();
    waiting(90).until(d -> panel().findElement(By.cssSelector(".run-summary")).isDisplayed());
    assertThat(panel().findElements(By.cssSelector(".timeline-block"))).hasSize(2);
    assertThat(panel().findElements(By.cssSelector(".timeline-block svg"))).hasSize(2);
    String summary = panel().findElement(By.cssSelector(".run-summary")).getText();
    Matcher m =
        Pattern.compile(
                "(\\d+\\.\\d\\d) s vs (\\d+\\.\\d\\d) s: Concurrent is (\\d+\\.\\d)× faster")
            .matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isBetween(2.99, 3.3);
    assertThat(Double.parseDouble(m.group(2))).isBetween(0.99, 1.3);
    assertThat(Double.parseDouble(m.group(3))).isBetween(2.4, 3.1);
    // One time scale: both axes end at the same time.
    @SuppressWarnings("unchecked")
    List<String> lastTicks =
        (List<String>)
            browser.js(
                "return Array.from(arguments[0].querySelectorAll('.timeline-block svg'),"
                    + " s => Array.from(s.querySelectorAll('.tl-tick')).at(-1).textContent)",
                panel());
    assertThat(lastTicks).hasSize(2).containsOnly(lastTicks.getFirst());
  }

  @Test
  void aCompileErrorIsMarkedOnItsLine() {
    WebElement pane = openJavaPane("concurrent");
    edit(pane, "void main() {\n    IO.println(\"one\");\n    IO.println(\"two\")\n}\n");
    pane.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "failed", "error", "finished");
    assertThat(panel().findElement(By.cssSelector(".run-phase")).getText())
        .contains("Did not compile: 1 error");
    WebElement mark = pane.findElement(By.cssSelector(".cm-diag-error"));
    assertThat(mark.getAttribute("data-line")).isEqualTo("3");
    assertThat(pane.findElement(By.cssSelector(".diagnostic")).getText())
        .contains("Line 3", "';' expected");
  }

  @Test
  void hiddenLinesStillRunAndReadOnlyLinesCannotBeChanged() {
    WebElement pane = openJavaPane("concurrent");
    // The helper that draws the # marks is hidden from the page, but the program calls it.
    assertThat(pane.findElement(By.cssSelector(".variant:not([hidden]) pre.code")).getText())
        .doesNotContain("void show(")
        .contains("show(i + 1, span[0], span[1]);");
    pane.findElement(By.cssSelector(".edit-button")).click();
    waiting(10).until(d -> !pane.findElements(By.cssSelector(".CodeMirror")).isEmpty());
    String before = (String) browser.js(CM + "return cm.getValue()", pane);
    // Typing on a read-only line (the loop that prints) changes nothing...
    int loop = before.lines().toList().indexOf("        for (int i = 0; i < spans.size(); i++) {");
    assertThat(loop).isPositive();
    browser.js(CM + "cm.focus(); cm.setCursor({line: arguments[1], ch: 8})", pane, loop);
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("XYZ").perform();
    assertThat(browser.js(CM + "return cm.getValue()", pane)).isEqualTo(before);
    // ...while the rest is the reader's: two waits instead of three.
    browser.js(
        CM
            + "const text = cm.getValue().replace('List.of(wait, wait, wait)', 'List.of(wait, wait)');"
            + " cm.setValue(text)",
        pane);
    pane.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(phase()).isEqualTo("finished");
    assertThat(consoleLines()).hasSize(4).first().isEqualTo("concurrent, virtual threads:");
    assertThat(consoleLines().get(1)).matches(ONE_SECOND_WAIT);
    assertThat(panel().findElements(By.cssSelector(".tl-bar"))).hasSize(2);
  }

  static final String CM = "const cm = arguments[0].querySelector('.CodeMirror').CodeMirror; ";

  @Test
  void cancellingALongRunSaysSoAndLeavesNoProcess() throws Exception {
    WebElement pane = openJavaPane("concurrent");
    edit(
        pane,
        "void main() throws Exception {\n  IO.println(\"waiting\");\n  Thread.sleep(60_000);\n}\n");
    pane.findElement(By.cssSelector(".run-button")).click();
    waiting(60).until(d -> consoleLines().contains("waiting"));
    assertThat(phase()).isEqualTo("running");
    pane.findElement(By.cssSelector(".cancel-button")).click();
    awaitPhase(10, "cancelled");
    assertThat(panel().findElement(By.cssSelector(".run-phase")).getText()).contains("Cancelled");
    assertThat(TestServer.processesLeft()).isEmpty();
  }

  @Test
  void programOutputIsTextNeverMarkup() {
    WebElement pane = openJavaPane("concurrent");
    edit(pane, "void main() {\n  IO.println(\"<img src=x onerror=alert(1)>\");\n}\n");
    pane.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(consoleLines()).containsExactly("<img src=x onerror=alert(1)>");
    assertThat(panel().findElements(By.tagName("img"))).isEmpty();
    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void aPermalinkBringsTheEditBack() {
    WebElement pane = openJavaPane("concurrent");
    String code = "void main() {\n  IO.println(\"from a shared link, ünïcödé\");\n}\n";
    edit(pane, code);
    pane.findElement(By.cssSelector(".share-button")).click();
    waiting(5).until(d -> ((String) browser.js("return location.hash")).startsWith("#edit/"));
    String link = (String) browser.js("return location.href");

    browser.driver.get("about:blank");
    browser.driver.get(link);
    WebElement restored = javaPane();
    waiting(10).until(d -> !restored.findElements(By.cssSelector(".CodeMirror")).isEmpty());
    assertThat(
            browser.js(
                "return arguments[0].querySelector('.CodeMirror').CodeMirror.getValue()", restored))
        .isEqualTo(code);
    assertThat(
            restored
                .findElement(By.cssSelector("[role=tab][data-variant=concurrent]"))
                .getAttribute("aria-selected"))
        .isEqualTo("true");
    restored.findElement(By.cssSelector(".run-button")).click();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(consoleLines()).containsExactly("from a shared link, ünïcödé");
  }

  @Test
  void theKeyboardAloneRunsCode() {
    openJavaPane(null);
    WebElement run = javaPane().findElement(By.cssSelector(".run-button"));
    browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
    int presses = 0;
    while (!run.equals(browser.driver.switchTo().activeElement()) && presses < 300) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
      presses++;
    }
    assertThat(browser.driver.switchTo().activeElement()).isEqualTo(run);
    // Where the keyboard is can be seen.
    assertThat(browser.js("return getComputedStyle(arguments[0]).outlineStyle", run))
        .isNotEqualTo("none");
    new Actions(browser.driver)
        .keyDown(Keys.CONTROL)
        .sendKeys(Keys.ENTER)
        .keyUp(Keys.CONTROL)
        .perform();
    awaitPhase(60, "finished", "failed", "error");
    assertThat(phase()).isEqualTo("finished");
    assertThat(consoleLines()).first().isEqualTo("sequential, plain loop:");
    // Focus went to Cancel while the run was going, and came back to Run.
    assertThat(browser.driver.switchTo().activeElement()).isEqualTo(run);
  }
}
