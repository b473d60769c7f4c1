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

    // Wide: four highlighted panes in one row.
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
