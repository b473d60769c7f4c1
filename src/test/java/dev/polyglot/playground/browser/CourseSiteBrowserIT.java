package dev.polyglot.playground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A learner's first visit, in a real Chromium, against the bundled lessons. */
class CourseSiteBrowserIT {
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.start(1600, 1000);
    server = TestServer.start("--snippets", "snippets");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void slashSearchesLessonsAndCodeAndEnterOpensTheResult() {
    var driver = browser.driver;
    browser.resize(1400, 900);
    driver.get(server.url("/"));
    WebElement input = driver.findElement(By.id("site-search-input"));
    browser.waiting().until(d -> input.isDisplayed());

    // "/" from anywhere on the page focuses the box.
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("site-search-input");

    input.sendKeys("gather");
    WebElement results = driver.findElement(By.id("site-search-results"));
    browser.waiting().until(d -> !results.findElements(By.cssSelector("[role=option]")).isEmpty());
    assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
    List<WebElement> options = results.findElements(By.cssSelector("[role=option]"));
    assertThat(options.getFirst().getAttribute("aria-selected")).isEqualTo("true");
    assertThat(results.getText()).contains("Three one-second waits").contains("Python: gather");
    assertThat(results.findElements(By.cssSelector("mark")))
        .extracting(WebElement::getText)
        .contains("gather");

    // C#'s name for it finds the same kind of example.
    input.clear();
    input.sendKeys("WhenAll");
    browser.waiting().until(d -> results.getText().contains("C#: WhenAll"));

    // Arrow down, then Enter: the second result's page, at its example.
    int count = results.findElements(By.cssSelector("[role=option]")).size();
    assertThat(count).isGreaterThan(1);
    String second =
        results.findElements(By.cssSelector("[role=option] a")).get(1).getAttribute("href");
    input.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    assertThat(input.getAttribute("aria-activedescendant")).isEqualTo("search-option-1");
    input.sendKeys(org.openqa.selenium.Keys.ENTER);
    browser.waiting().until(ExpectedConditions.urlToBe(second));

    // Nothing found says so; Escape closes.
    WebElement again = driver.findElement(By.id("site-search-input"));
    again.click();
    again.sendKeys("zzqxj");
    WebElement list = driver.findElement(By.id("site-search-results"));
    browser.waiting().until(d -> list.getText().contains("No lesson or example matches"));
    again.sendKeys(org.openqa.selenium.Keys.ESCAPE);
    assertThat(list.isDisplayed()).isFalse();
  }

  @Test
  void jAndKMoveBetweenExamplesAndQuestionMarkListsTheShortcuts() {
    var driver = browser.driver;
    browser.resize(1400, 900);
    driver.get(server.url("/lessons/why-and-model"));
    browser.waiting().until(d -> driver.findElement(By.id("site-search-input")).isDisplayed());
    List<String> ids =
        driver.findElements(By.cssSelector("section.example[id]")).stream()
            .map(e -> e.getAttribute("id"))
            .toList();
    assertThat(ids).hasSizeGreaterThan(2);
    WebElement body = driver.findElement(By.tagName("body"));

    body.sendKeys("j");
    browser.waiting().until(ExpectedConditions.urlContains("#" + ids.get(0)));
    assertThat(browser.js("return document.activeElement.closest('section.example').id"))
        .isEqualTo(ids.get(0));
    // Keys to whatever has focus, as a reader types them (WebDriver's element keys would scroll).
    var keys = new org.openqa.selenium.interactions.Actions(driver);
    keys.sendKeys("j").perform();
    browser.waiting().until(ExpectedConditions.urlContains("#" + ids.get(1)));
    keys.sendKeys("k").perform();
    browser.waiting().until(ExpectedConditions.urlContains("#" + ids.get(0)));

    keys.sendKeys("?").perform();
    WebElement dialog = driver.findElement(By.cssSelector("dialog.shortcuts-dialog"));
    assertThat(dialog.getAttribute("open")).isNotNull();
    assertThat(dialog.getText()).contains("Next example").contains("Search lessons and code");
    keys.sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
    browser.waiting().until(d -> dialog.getAttribute("open") == null);
  }

  @Test
  void learnerReadsALessonChoosesLanguagesAndTheme() {
    var driver = browser.driver;
    browser.resize(1600, 1000);
    driver.get(server.url("/"));
    assertThat(driver.getTitle()).contains("Polyglot Playground");

    // Follow the first lesson link, as a reader would.
    WebElement link = driver.findElement(By.cssSelector("a.lesson-link"));
    String lessonTitle = link.getText();
    link.click();
    browser.waiting().until(ExpectedConditions.urlContains("/lessons/"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(lessonTitle);

    // Wide, by default: the reader's pair side by side at full width, the others in a row under
    // it, every pane highlighted.
    List<Map<String, Object>> pair = panes();
    assertThat(pair).hasSize(4);
    assertThat(pair).allSatisfy(p -> assertThat(p.get("highlighted")).isEqualTo(true));
    assertThat(((Number) pair.get(0).get("top")).doubleValue())
        .isCloseTo(
            ((Number) pair.get(1).get("top")).doubleValue(),
            org.assertj.core.data.Offset.offset(2.0));
    assertThat(((Number) pair.get(2).get("top")).doubleValue())
        .isGreaterThan(((Number) pair.get(0).get("top")).doubleValue());

    // "All in one row": four panes in one row, and it is remembered.
    driver.findElement(By.cssSelector("input[name=layout][value=row]")).click();
    browser
        .waiting()
        .until(d ->
            Math.abs(
                    ((Number) panes().get(3).get("top")).doubleValue()
                        - ((Number) panes().get(0).get("top")).doubleValue())
                < 2);
    List<Map<String, Object>> wide = panes();
    assertThat(wide).hasSize(4);
    assertThat(wide).allSatisfy(p -> assertThat(p.get("highlighted")).isEqualTo(true));
    assertThat(wide)
        .extracting(p -> ((Number) p.get("top")).doubleValue())
        .allSatisfy(top ->
            assertThat(top)
                .isCloseTo(
                    ((Number) wide.getFirst().get("top")).doubleValue(),
                    org.assertj.core.data.Offset.offset(2.0)));
    assertThat(wide)
        .extracting(p -> ((Number) p.get("left")).doubleValue())
        .isSorted()
        .doesNotHaveDuplicates();

    // Narrow (a phone): the same panes stacked, and no sideways scrolling of the page.
    browser.resize(390, 900);
    browser
        .waiting()
        .until(d ->
            ((Number) panes().get(1).get("top")).doubleValue()
                > ((Number) panes().get(0).get("top")).doubleValue());
    List<Map<String, Object>> narrow = panes();
    assertThat(narrow)
        .extracting(p -> ((Number) p.get("top")).doubleValue())
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(narrow)
        .extracting(p -> ((Number) p.get("left")).doubleValue())
        .containsOnly(((Number) narrow.getFirst().get("left")).doubleValue());
    assertThat(
            (Boolean)
                browser.js(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        .isTrue();
    browser.resize(1600, 1000);

    // "I know Java, I'm learning Python": Java moves first, Python second, and it is remembered.
    new Select(driver.findElement(By.id("lang-known"))).selectByValue("java");
    new Select(driver.findElement(By.id("lang-learning"))).selectByValue("python");
    browser.waiting().until(d -> visualOrder().subList(0, 2).equals(List.of("java", "python")));
    driver.navigate().refresh();
    browser.waiting().until(d -> visualOrder().subList(0, 2).equals(List.of("java", "python")));
    // The "What differs" notes about that pair come first, in every example.
    assertThat(
            (Boolean)
                browser.js(
                    """
                    const about = (li) => /(^|[^A-Za-z])(Java|Python)(?![A-Za-z#])/.test(li.textContent);
                    return [...document.querySelectorAll('.differs > ul')].every(ul => {
                      const flags = [...ul.children].map(about);
                      return flags.indexOf(false) < 0 || flags.lastIndexOf(true) < flags.indexOf(false);
                    });
                    """))
        .isTrue();

    // Dark mode: the toggle flips the theme and the page's colours, and survives a reload.
    String before = (String) browser.js("return getComputedStyle(document.body).backgroundColor");
    String themeBefore =
        (String) browser.js("return document.documentElement.dataset.theme || 'system-light'");
    browser.js("window.scrollTo({top: 0, behavior: 'instant'})");
    driver.findElement(By.id("theme-toggle")).click();
    String expected = themeBefore.equals("dark") ? "light" : "dark";
    browser
        .waiting()
        .until(d -> expected.equals(browser.js("return document.documentElement.dataset.theme")));
    // The colours follow the theme within a frame or two (sooner or later on a loaded machine).
    browser
        .waiting()
        .until(d ->
            !before.equals(browser.js("return getComputedStyle(document.body).backgroundColor")));
    driver.navigate().refresh();
    assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo(expected);

    // Keyboard: the first Tab lands on the skip link, and focus is visible.
    driver.navigate().refresh();
    driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
    assertThat(browser.js("return document.activeElement.className")).isEqualTo("skip-link");
    assertThat(browser.js("return getComputedStyle(document.activeElement).outlineStyle"))
        .isNotEqualTo("none");

    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void atLaptopWidthTheChosenPairShowsEveryLineOfCodeOnEveryLesson() {
    var driver = browser.driver;
    browser.resize(1400, 900);
    driver.get(server.url("/"));
    browser.js("localStorage.removeItem('pp.langs')");
    List<String> lessons =
        driver.findElements(By.cssSelector("a.lesson-link")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(lessons).hasSizeGreaterThan(5);
    for (String lesson : lessons) {
      driver.get(lesson);
      browser.waiting().until(d -> d.findElement(By.cssSelector("form.lang-picker")).isDisplayed());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> clipped =
          (List<Map<String, Object>>)
              browser.js(
                  """
                  const out = [];
                  for (const panes of document.querySelectorAll('.panes')) {
                    const pair = [...panes.querySelectorAll('.pane')].filter(p => !p.hidden).slice(0, 2);
                    for (const pane of pair) {
                      for (const pre of pane.querySelectorAll('pre.code')) {
                        if (pre.closest('[hidden]')) continue;
                        if (pre.scrollWidth > pre.clientWidth + 1) {
                          out.push({example: panes.dataset.example, lang: pane.dataset.lang,
                                    scroll: pre.scrollWidth, client: pre.clientWidth});
                        }
                      }
                    }
                  }
                  return out;
                  """);
      assertThat(clipped).as("code cut off on %s", lesson).isEmpty();
      // The pair is wide enough for 80 columns: measured with the code's own font.
      assertThat(columnsOfThePair())
          .as("columns of the pair on %s", lesson)
          .isGreaterThanOrEqualTo(80);
    }
    // 1280 px is the narrowest laptop screen that still gets the pair with 80 columns each.
    browser.resize(1280, 800);
    try {
      browser.waiting().until(d -> columnsOfThePair() >= 80);
    } finally {
      browser.resize(1400, 900);
    }
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** How many columns of code fit across the first pane, measured in its own font. */
  private double columnsOfThePair() {
    return ((Number)
            browser.js(
                """
                const pre = document.querySelector('.panes .pane:not([hidden]) pre.code');
                const probe = document.createElement('span');
                probe.textContent = 'x'.repeat(80);
                probe.style.whiteSpace = 'pre';
                pre.querySelector('code').append(probe);
                const cs = getComputedStyle(pre);
                const inner = pre.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
                const fits = inner / (probe.getBoundingClientRect().width / 80);
                probe.remove();
                return fits;
                """))
        .doubleValue();
  }

  /** The first example's panes: position and whether highlight.js has run over them. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> panes() {
    return (List<Map<String, Object>>)
        browser.js(
            """
            return [...document.querySelector('.example .panes').querySelectorAll('.pane')]
              .filter(p => !p.hidden)
              .map(p => { const r = p.getBoundingClientRect();
                return {lang: p.dataset.lang, top: r.top, left: r.left,
                        highlighted: !!p.querySelector('code.hljs') && p.querySelectorAll('code span[class^=hljs-]').length > 0}; });
            """);
  }

  /** Language ids of the first example's visible panes, in reading order on screen. */
  @SuppressWarnings("unchecked")
  private List<String> visualOrder() {
    return (List<String>)
        browser.js(
            """
            return [...document.querySelector('.example .panes').querySelectorAll('.pane')]
              .filter(p => !p.hidden)
              .map(p => ({lang: p.dataset.lang, r: p.getBoundingClientRect()}))
              .sort((a, b) => (a.r.top - b.r.top) || (a.r.left - b.r.left))
              .map(p => p.lang);
            """);
  }
}
