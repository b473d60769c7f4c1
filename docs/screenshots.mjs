// Takes the README's screenshots of a real server and real runs, in Chromium: a lesson on a
// desktop (Python and Java only; the sequential Java run scrubbed back to 1.5 s), on a phone (Python's gather), and a
// challenge in dark mode after a first, failing run.
//
//   node docs/screenshots.mjs [http://127.0.0.1:8080] [/usr/bin/chromium]
//
// Uses puppeteer-core from src/test/firefox (npm ci --prefix src/test/firefox). `./playground
// screenshots` builds the server, starts it on a free port and calls this.

import { createRequire } from "node:module";

const require = createRequire(new URL("../src/test/firefox/package.json", import.meta.url));
const puppeteer = require("puppeteer-core");
const [base = "http://127.0.0.1:8080", chromium = "/usr/bin/chromium"] = process.argv.slice(2);
const out = (name) => new URL(`./${name}`, import.meta.url).pathname;
const lesson = `${base}/lessons/why-and-model`;
const java = ".panes[data-example='three-waits'] .pane[data-lang=java]";

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox"] });
/** The page-coordinate rectangle from the top of `first` to the bottom of `last`, with a margin. */
const span = (page, first, last, width) =>
  page.evaluate(
    (a, b, w) => {
      const top = document.querySelector(a).getBoundingClientRect().top + scrollY;
      const bottom = document.querySelector(b).getBoundingClientRect().bottom + scrollY;
      return { x: 0, y: top - 16, width: w, height: Math.min(bottom - top + 32, 2400) };
    },
    first,
    last,
    width,
  );
const finished = (page, panel) =>
  page.waitForFunction(
    (id) => ["finished", "failed", "error"].includes(document.getElementById(id)?.dataset.phase),
    { timeout: 60000 },
    panel,
  );
try {
  // Desktop, light: the sequential run, scrubbed back to 1.5 s.
  const desk = await browser.newPage();
  await desk.setViewport({ width: 1400, height: 900 });
  await desk.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  await desk.goto(`${lesson}#three-waits`);
  await desk.waitForSelector(`${java} .run-button`);
  // The reader's pair only, as the language picker's "Show" boxes allow.
  for (const other of ["csharp", "javascript"]) await desk.click(`.picker-bar-lesson .show-lang.lang-${other} input`);
  await desk.click(`${java} [role=tab][data-variant=sequential]`);
  await desk.click(`${java} .run-button`);
  await finished(desk, "three-waits-run");
  await desk.evaluate(() => {
    const range = document.querySelector("#three-waits-run .scrub-range");
    range.value = 1500;
    range.dispatchEvent(new Event("input"));
  });
  const desktopClip = await span(desk, "#three-waits", "#three-waits-run", 1400);
  await desk.screenshot({ path: out("screenshot-desktop.png"), clip: desktopClip, captureBeyondViewport: true });

  // Phone, light: Python's gather, its three lanes waiting together.
  const phone = await browser.newPage();
  await phone.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.goto(`${lesson}#three-waits`);
  const python = ".panes[data-example='three-waits'] .pane[data-lang=python]";
  await phone.waitForSelector(`${python} .run-button`);
  await phone.click(`${python} [role=tab][data-variant=gather]`);
  await phone.click(`${python} .run-button`);
  await finished(phone, "three-waits-python-run");
  const phoneClip = await span(phone, "#three-waits-python-run", "#three-waits-python-run", 390);
  await phone.screenshot({ path: out("screenshot-phone.png"), clip: { ...phoneClip, height: Math.min(phoneClip.height, 844) }, captureBeyondViewport: true });

  // Dark: a challenge after its starting code ran, two checks not yet passed.
  const dark = await browser.newPage();
  await dark.setViewport({ width: 1400, height: 900 });
  await dark.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  await dark.goto(`${lesson}#challenge-ping-ten-servers`);
  await dark.waitForSelector("#challenge-ping-ten-servers .run-button");
  await dark.click("#challenge-ping-ten-servers .run-button");
  await finished(dark, "challenge-ping-ten-servers-run");
  const darkClip = await span(dark, "#challenge-ping-ten-servers", "#challenge-ping-ten-servers-run", 1400);
  await dark.screenshot({ path: out("screenshot-dark.png"), clip: darkClip, captureBeyondViewport: true });
  console.log("wrote docs/screenshot-desktop.png, docs/screenshot-phone.png, docs/screenshot-dark.png");
} finally {
  await browser.close();
}
