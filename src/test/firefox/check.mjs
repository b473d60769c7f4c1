// Drives Firefox ESR through the live playground, for FirefoxIT: a run streams into the console
// and timeline, the sequential run shows main waiting three times and scrubs back to 0.5 s, a
// prediction is set beside the run, an edit with a compile error is marked on its line, a
// permalink restores the edit, search finds gather, and a challenge fails, is fixed and passes.
// Prints one JSON object with what it saw; exits 1 on any failure.
//
//   node check.mjs http://127.0.0.1:PORT [/usr/bin/firefox-esr]

import puppeteer from "puppeteer-core";

const [base, firefox = "/usr/bin/firefox-esr"] = process.argv.slice(2);
const pane = ".panes[data-example='three-waits'] .pane[data-lang=java]";
const seen = { errors: [] };

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: firefox,
  headless: true,
  args: ["--width=1400", "--height=1000"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(e.message));
  const finished = () =>
    page.waitForFunction(
      () => ["finished", "failed", "error", "cancelled"].includes(document.querySelector("#three-waits-run")?.dataset.phase),
      { timeout: 60000 },
    );

  await page.goto(`${base}/lessons/why-and-model#three-waits`);
  await page.waitForSelector(`${pane} .run-button`, { timeout: 20000 });
  seen.browser = await browser.version();
  await page.click(`${pane} [role=tab][data-variant=concurrent]`);
  await page.click(`${pane} .run-button`);
  await finished();
  seen.run = {
    phase: await page.$eval("#three-waits-run", (e) => e.dataset.phase),
    bars: await page.$$eval("#three-waits-run .tl-bar", (els) => els.length),
    lines: await page.$$eval("#three-waits-run .console-text", (els) => els.map((e) => e.textContent)),
    total: await page.$eval("#three-waits-run .run-total", (e) => e.textContent),
  };

  // Sequential, with a guess first: main waits three times; the scrubber goes back to 0.5 s.
  await page.click(`${pane} [role=tab][data-variant=sequential]`);
  await page.click(`${pane} .predict input[value="3"]`);
  await page.click(`${pane} .run-button`);
  await finished();
  seen.sequential = await page.evaluate(() => {
    const panel = document.querySelector("#three-waits-run");
    const width = panel.clientWidth;
    const waits = Array.from(panel.querySelectorAll('.tl-lane[data-lane="main"] .tl-seg.is-waiting')).filter(
      (w) => Number(w.getAttribute("width")) > width / 8,
    ).length;
    const range = panel.querySelector(".scrub-range");
    range.value = 500;
    range.dispatchEvent(new Event("input"));
    const visible = Array.from(panel.querySelectorAll(".console-line:not([hidden]) .console-text"), (e) => e.textContent);
    return { waits, visible, prediction: panel.querySelector(".run-prediction").textContent };
  });

  await page.click(`${pane} .edit-button`);
  await page.waitForSelector(`${pane} .CodeMirror`, { timeout: 20000 });
  await page.evaluate(
    (sel) => document.querySelector(`${sel} .CodeMirror`).CodeMirror.setValue('void main() {\n  IO.println("x")\n}\n'),
    pane,
  );
  await page.click(`${pane} .run-button`);
  await finished();
  seen.compileError = {
    phase: await page.$eval("#three-waits-run .run-phase", (e) => e.textContent),
    markedLine: await page.$eval(`${pane} .cm-diag-error`, (e) => e.dataset.line),
  };

  const edit = 'void main() {\n  IO.println("shared from Firefox");\n}\n';
  await page.evaluate((sel, code) => document.querySelector(`${sel} .CodeMirror`).CodeMirror.setValue(code), pane, edit);
  await page.click(`${pane} .share-button`);
  await page.waitForFunction(() => location.hash.startsWith("#edit/"), { timeout: 10000 });
  const link = await page.evaluate(() => location.href);
  await page.goto("about:blank");
  await page.goto(link);
  await page.waitForSelector(`${pane} .CodeMirror`, { timeout: 20000 });
  seen.permalink = {
    restored: (await page.evaluate((sel) => document.querySelector(`${sel} .CodeMirror`).CodeMirror.getValue(), pane)) === edit,
  };

  // Search from the keyboard.
  await page.keyboard.press("Escape");
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("/");
  await page.keyboard.type("gather");
  await page.waitForSelector(".search-results [role=option]", { timeout: 10000 });
  seen.search = await page.$$eval(".search-results [role=option]", (els) => els.length);

  // A challenge: the starting code fails a check; the solution passes them all.
  const challenge = "#challenge-ping-ten-servers";
  await page.goto(`${base}/lessons/why-and-model${challenge}`);
  await page.waitForSelector(`${challenge} .run-button`, { timeout: 20000 });
  const summary = () => page.$eval("#challenge-ping-ten-servers-run .run-summary", (e) => e.textContent).catch(() => "");
  await page.click(`${challenge} .run-button`);
  await page.waitForFunction(
    () => document.querySelector("#challenge-ping-ten-servers-run .run-summary")?.textContent.includes("pass"),
    { timeout: 60000 },
  );
  const failed = await summary();
  const lesson = await (await fetch(`${base}/api/lessons/why-and-model`)).json();
  const solution = lesson.challenges[0].solution.shown;
  await page.click(`${challenge} .edit-button`);
  await page.waitForSelector(`${challenge} .CodeMirror`, { timeout: 20000 });
  await page.evaluate((sel, code) => document.querySelector(`${sel} .CodeMirror`).CodeMirror.setValue(code), challenge, solution);
  await page.click(`${challenge} .run-button`);
  await page.waitForFunction(
    () => document.querySelector("#challenge-ping-ten-servers-run .run-summary")?.textContent.startsWith("Challenge"),
    { timeout: 60000 },
  );
  seen.challenge = { failed, passed: await summary(), badge: await page.$eval(`${challenge} .passed-badge`, (e) => e.textContent) };
} catch (e) {
  seen.failure = String(e && e.stack ? e.stack : e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
process.exit(seen.failure ? 1 : 0);
