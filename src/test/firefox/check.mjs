// Drives Firefox ESR through the live playground, for FirefoxIT: a run streams into the console
// and timeline, an edit with a compile error is marked on its line, and a permalink restores the
// edit. Prints one JSON object with what it saw; exits 1 on any failure.
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
} catch (e) {
  seen.failure = String(e && e.stack ? e.stack : e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
process.exit(seen.failure ? 1 : 0);
