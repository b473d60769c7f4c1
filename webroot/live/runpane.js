// Runs the code of one pane (Java, Python or JavaScript) of an example: the toolbar on the pane
// (Run, Cancel, Edit, Reset, Share, Compare) and the panel under the example with the phase, the
// live timeline and the console. CompareLanguages runs every runnable pane of an example, language
// by language, and stacks their timelines on one time axis.
//
// A run goes queued → compiling → running → finished (or cancelled, or stopped by a limit), and
// the phase line always says which. Comparing runs the variants one after the other and stacks
// their timelines on one time scale. What a run's events mean is decided in phase.js; this file
// only puts it on the page.

import { markChallenge, markPrediction, markRun } from "../progress.js";
import { choiceLabel, choicesFor, judge } from "./predict.js";
import { Console } from "./console.js";
import { Editor } from "./editor.js";
import * as phases from "./phase.js";
import { Replay } from "./replay.js";
import * as share from "./share.js";
import { Recording, draw, niceDomain, seconds } from "./timeline.js";
import { timelineText } from "./timeline-text.js";
import { TimelineFocus } from "./timeline-focus.js";
import { Scrubber } from "./scrubber.js";
import { checkReport } from "./checks.js";
import { clearMarks, markLines } from "./code-marks.js";
import { waitingLines } from "./scrub.js";


function button(label, className, title = "") {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `button run-action ${className}`;
  b.textContent = label;
  if (title) b.title = title;
  return b;
}

function div(className, attributes = {}) {
  const d = document.createElement("div");
  d.className = className;
  for (const [k, v] of Object.entries(attributes)) d.setAttribute(k, v);
  return d;
}

/** How a variant is named in a share link: Java's by its id, as links always were; others by both. */
export function shareKey(language, id) {
  return language === "java" ? id : `${language}:${id}`;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "");

/** The reader asked for less motion: the live timeline then moves once a second, not every frame. */
function reducedMotion() {
  try {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  } catch {
    return false;
  }
}

export class RunPane {
  /**
   * @param {HTMLElement|null} pane the runnable .pane (none for CompareLanguages)
   * @param {{connection: import("./socket.js").Connection, lesson: string, example: string,
   *   base: string, maxSource: number, page: string, embedded: boolean, language?: string,
   *   languageName?: string}} ctx
   * @param {Array<object>|null} variants the variants to run (CompareLanguages'); else the pane's
   */
  constructor(pane, ctx, variants = null) {
    this.pane = pane;
    this.ctx = { language: "java", languageName: "Java", ...ctx };
    const language = this.ctx.language;
    this.variants =
      variants ||
      Array.from(pane.querySelectorAll(".variant")).map((node) => {
        const pre = node.querySelector("pre.code");
        const labelNode = node.querySelector(".variant-label");
        const label = labelNode ? labelNode.firstChild.textContent.trim() : this.ctx.languageName;
        return { id: node.dataset.variant, node, pre, label, bundled: pre.textContent, editor: null, language };
      });
    this.session = null;
    this.frame = 0;
    this.calm = false;
    this.blocks = [];
    this.buildBar();
    this.buildPanel();
    this.buildPrediction();
    this.update();

    const keys = (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        this.run();
      } else if (event.key === "Escape" && this.session && !event.defaultPrevented) {
        this.cancel();
      }
    };
    if (pane) pane.addEventListener("keydown", keys);
    this.panel.addEventListener("keydown", keys);
    ctx.connection.onState((state) => {
      this.bar.dataset.connection = state;
      this.offline.hidden = state !== "closed";
    });
    new ResizeObserver(() => this.redraw()).observe(this.panel);
  }

  /** The variant whose tab is showing. */
  active() {
    return this.variants.find((v) => !v.node.hidden) || this.variants[0];
  }

  buildBar() {
    const name = this.ctx.languageName;
    const bar = div("run-bar", { role: "toolbar", "aria-label": `Run this ${name} code` });
    this.runButton = button("Run", "run-button is-primary", `Run the ${name} code (${isMac ? "⌘" : "Ctrl"}+Enter)`);
    this.runButton.insertAdjacentHTML("afterbegin", '<span class="run-icon" aria-hidden="true">▶</span>');
    this.cancelButton = button("Cancel", "cancel-button", "Stop the run (Esc)");
    this.editButton = button("Edit", "edit-button", "Edit this code and run your version");
    this.resetButton = button("Reset", "reset-button", "Put back the lesson's code");
    this.shareButton = button("Share", "share-button", "Copy a link to your edited code");
    this.compareButton = button("Compare", "compare-button", "Run every variant and compare their timelines");
    // In a widget, a recorded run plays back at once; Run (labelled in update) means a live run.
    this.replayButton = button("Replay", "replay-button", "Play back a recorded run of this code, at its real pace");
    if (this.ctx.embedded) {
      this.runButton.title = `Run the ${name} code on the server now (${isMac ? "⌘" : "Ctrl"}+Enter)`;
    }
    const hint = document.createElement("span");
    hint.className = "run-hint";
    hint.innerHTML = `<kbd>${isMac ? "⌘" : "Ctrl"}</kbd>+<kbd>Enter</kbd>`;
    hint.setAttribute("aria-hidden", "true");
    this.offline = document.createElement("span");
    this.offline.className = "run-offline";
    this.offline.textContent = "Reconnecting…";
    this.offline.hidden = true;
    // The phase, next to the Run button: on a phone the panel is far below, after every pane.
    this.jump = document.createElement("a");
    this.jump.className = "run-jump";
    this.jump.href = `#${this.panelId()}`;
    this.jump.hidden = true;
    this.shareStatus = document.createElement("span");
    this.shareStatus.className = "share-status";
    this.shareStatus.setAttribute("role", "status");
    bar.append(this.runButton);
    // Recordings are of the Java variants: the ones a widget plays back.
    if (this.ctx.embedded && this.ctx.language === "java") bar.append(this.replayButton);
    bar.append(this.cancelButton, this.editButton, this.resetButton, this.shareButton);
    if (this.variants.length > 1) bar.append(this.compareButton);
    bar.append(this.jump, hint, this.offline, this.shareStatus);

    this.runButton.addEventListener("click", () => this.run());
    this.cancelButton.addEventListener("click", () => this.cancel());
    this.editButton.addEventListener("click", () => this.edit());
    this.resetButton.addEventListener("click", () => this.reset());
    this.shareButton.addEventListener("click", () => this.share());
    this.compareButton.addEventListener("click", () => this.compare());
    this.replayButton.addEventListener("click", () => this.replay());

    const tabs = this.pane.querySelector(".tabs");
    (tabs || this.pane.querySelector(".pane-head")).after(bar);
    if (tabs) tabs.addEventListener("click", () => this.update());
    if (tabs) tabs.addEventListener("keydown", () => window.setTimeout(() => this.update()));
    this.bar = bar;
  }

  buildPanel() {
    const panel = document.createElement("section");
    panel.className = "run-panel";
    panel.id = this.panelId();
    panel.tabIndex = -1;
    // Named after its example: a page with several runs has several of these regions.
    panel.setAttribute("aria-label", `${this.ctx.languageName} run: ${this.exampleTitle()}`);
    panel.hidden = true;
    const status = div("run-status");
    // The one live region of a run: it announces each phase (queued, compiling, running, finished),
    // politely; the console and the timeline, which change with every line, are not live.
    this.phase = div("run-phase", { role: "status", "aria-live": "polite" });
    this.elapsed = div("run-elapsed", { "aria-hidden": "true" });
    this.limit = div("run-limit", { role: "alert" });
    this.limit.hidden = true;
    this.summary = div("run-summary");
    this.summary.hidden = true;
    this.problems = document.createElement("ul");
    this.problems.className = "diagnostics";
    this.problems.hidden = true;
    this.timelines = div("run-timelines");
    const consoleHost = div("run-console", {
      role: "log",
      "aria-live": "off",
      tabindex: "0",
      "aria-label": "Program output",
    });
    this.console = new Console(consoleHost);
    status.append(this.phase, this.elapsed);
    this.verdict = div("run-prediction", { role: "status" });
    this.verdict.hidden = true;
    this.cursor = null;
    this.scrubber = new Scrubber((t) => this.scrub(t));
    panel.append(
      status,
      this.limit,
      this.summary,
      this.verdict,
      this.problems,
      this.timelines,
      this.scrubber.element,
      consoleHost,
    );
    this.place(panel);
    this.panel = panel;
  }

  /**
   * "Predict first", under the toolbar of a pane whose example has timings to choose from: an
   * optional guess at how long the next run takes, set beside the result when it ends.
   */
  buildPrediction() {
    this.choices = [];
    if (!this.pane) return;
    const panes = this.pane.closest(".panes") || this.pane;
    const seconds = Array.from(panes.querySelectorAll(".variant[data-seconds]"), (v) => Number(v.dataset.seconds));
    this.choices = choicesFor(seconds);
    if (this.choices.length === 0) return;
    const name = `predict-${this.ctx.example}-${this.ctx.language}`;
    const box = document.createElement("fieldset");
    box.className = "predict";
    const legend = document.createElement("legend");
    legend.textContent = "Predict first: how long will it take?";
    box.append(legend);
    for (const c of this.choices) {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = name;
      radio.value = String(c);
      label.append(radio, ` ${choiceLabel(c)}`);
      box.append(label);
    }
    this.bar.after(box);
    this.prediction = box;
  }

  /** The guess for the next run, in seconds, or null. */
  guess() {
    const checked = this.prediction?.querySelector("input:checked");
    return checked ? Number(checked.value) : null;
  }

  /** Java's panel keeps the id it always had, which links to a run point at. */
  panelId() {
    if (this.ctx.challenge) return `challenge-${this.ctx.challenge}-run`;
    const { example, language } = this.ctx;
    return language === "java" ? `${example}-run` : `${example}-${language}-run`;
  }

  /** Under the example's panes, after the panels of the panes before this one. */
  place(panel) {
    const panes = this.pane.closest(".panes");
    let anchor = panes || this.pane;
    while (anchor.nextElementSibling && anchor.nextElementSibling.matches(".run-panel, .compare-bar")) {
      anchor = anchor.nextElementSibling;
    }
    anchor.after(panel);
  }

  /** Shows a state from phase.js: its phase on the panel and the jump link, and its text. */
  show(state) {
    this.setPhase(state.phase, state.text);
  }

  setPhase(phase, text) {
    this.panel.dataset.phase = phase;
    this.phase.textContent = text;
    this.jump.dataset.phase = phase;
    const arrow = document.createElement("span");
    arrow.setAttribute("aria-hidden", "true");
    arrow.textContent = " ↓";
    const where = document.createElement("span");
    where.className = "visually-hidden";
    where.textContent = ": go to the output";
    this.jump.replaceChildren(text, arrow, where);
    this.jump.hidden = false;
  }

  /** The example's title, without its # link. */
  exampleTitle() {
    const heading = document.getElementById(`${this.ctx.example}-title`);
    const first = heading ? heading.firstChild : null;
    return (first && first.textContent.trim()) || this.ctx.example;
  }

  update() {
    const running = Boolean(this.session);
    const v = this.active();
    const editing = Boolean(v && v.editor);
    // A disabled button drops keyboard focus; hand it between Run and Cancel instead.
    const focused = document.activeElement;
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    if (running && focused === this.runButton) this.cancelButton.focus();
    if (!running && focused === this.cancelButton) this.runButton.focus();
    this.compareButton.disabled = running;
    this.replayButton.disabled = running;
    this.replayButton.hidden = editing; // only the lesson's own code has a recording
    this.editButton.hidden = editing;
    this.resetButton.hidden = !editing;
    this.shareButton.hidden = !editing || Boolean(this.ctx.challenge);
    this.runButton.lastChild.textContent = editing ? "Run my code" : this.ctx.embedded ? "Run live" : "Run";
    this.pane.classList.toggle("is-editing", editing);
  }

  // ---------- running ----------

  run() {
    if (this.session) return;
    this.start([this.active()]);
  }

  replay() {
    if (this.session) return;
    const v = this.active();
    const path = [this.ctx.lesson, this.ctx.example, v.id].map(encodeURIComponent).join("/");
    this.start([v], new Replay(`${this.ctx.base}/api/recordings/${path}`));
  }

  compare() {
    if (this.session || this.variants.length < 2) return;
    this.start(this.variants);
  }

  cancel() {
    const session = this.session;
    if (!session || session.cancelled) return;
    session.cancelled = true;
    // Before the handle's cancel: a run that never left the page ends inside that call.
    if (session.state) {
      session.state = phases.cancelling(session.state);
      this.show(session.state);
    }
    if (session.handle) session.handle.cancel();
  }

  async start(variants, via = this.ctx.connection) {
    const comparing = variants.length > 1;
    const replaying = via !== this.ctx.connection;
    const session = { cancelled: false, handle: null, state: null, recordings: [], comparing };
    const guess = comparing || replaying ? null : this.guess();
    this.verdict.hidden = true;
    this.session = session;
    this.panel.hidden = false;
    this.panel.classList.toggle("is-comparing", comparing);
    this.scrubber.reset();
    this.console.clear();
    this.timelines.replaceChildren();
    this.blocks = [];
    this.limit.hidden = true;
    this.limit.replaceChildren();
    this.summary.hidden = true;
    this.summary.classList.remove("is-passed", "is-not-yet");
    for (const li of this.checkItems()) {
      li.classList.remove("is-passed", "is-failed");
      li.querySelector(".check-measured").textContent = "";
    }
    this.problems.hidden = true;
    this.problems.replaceChildren();
    this.update();
    this.animate();

    const results = [];
    for (const variant of variants) {
      if (session.cancelled) break;
      const recording = new Recording(variant.label);
      recording.language = variant.language;
      recording.variant = variant;
      session.recordings.push(recording);
      this.addBlock(recording, comparing);
      if (comparing) this.console.heading(variant.label);
      const result = await this.runOne(variant, recording, session, comparing, via, replaying);
      this.describe(this.blocks.at(-1));
      results.push({ label: variant.label, ...result });
      if (!result.ok) break;
    }

    // A run that ended well counts as this example done, in this browser (the index shows it).
    if (!replaying && !this.ctx.embedded && !this.ctx.challenge && results.some((r) => r.ok)) {
      markRun(this.ctx.lesson, this.ctx.example);
    }
    if (guess !== null && results[0]?.ok && Number.isFinite(results[0].wallMs)) {
      const verdict = judge(guess, results[0].wallMs, this.choices);
      this.verdict.textContent = verdict.text;
      this.verdict.classList.toggle("is-right", verdict.correct);
      this.verdict.hidden = false;
      if (!this.ctx.embedded) markPrediction(this.ctx.lesson, this.ctx.example);
      // Each run asks afresh.
      for (const radio of this.prediction.querySelectorAll("input")) radio.checked = false;
    }
    this.session = null;
    this.stopAnimating();
    this.redraw();
    this.scrubber.load(session.recordings);
    this.elapsed.textContent = "";
    const verdict = comparing ? phases.comparison(results, variants.length) : null;
    if (verdict) this.showComparison(verdict);
    this.update();
  }

  runOne(variant, recording, session, comparing, via, replaying) {
    return new Promise((resolve) => {
      let source = variant.editor && !replaying ? variant.editor.value() : null;
      if (source === variant.bundled) source = null;
      if (variant.editor) variant.editor.clearDiagnostics();
      const size = source === null ? 0 : new TextEncoder().encode(source).length;
      const state = phases.start({ label: variant.label, comparing, replaying });
      const refused = phases.checkSize(state, size, this.ctx.maxSource);
      if (refused.ended) {
        session.state = refused;
        const { kind, message } = refused.limits.at(-1);
        this.showLimit(kind, message);
        this.show(refused);
        resolve({ ok: false });
        return;
      }
      const request = this.ctx.challenge
        ? { lesson: this.ctx.lesson, challenge: this.ctx.challenge }
        : { lesson: this.ctx.lesson, example: this.ctx.example, language: variant.language, variant: variant.id };
      if (source !== null) request.source = source;
      session.state = state;
      this.show(state);
      let warned = false;
      session.handle = via.run(request, (received) => {
        const event = phases.usable(received);
        if (event !== received && !warned) {
          // Once a run: a server that sends one bad event tends to send many.
          console.warn("playground: an event this page cannot read", received);
          warned = true;
        }
        if (!event) return;
        const before = session.state;
        const after = phases.phase(before, event);
        session.state = after;
        this.record(recording, event);
        if (event.type === "limit") this.showLimit(event.kind, event.message);
        if (event.type === "error" && after.diagnostics.length) this.showDiagnostics(variant, after.diagnostics);
        if (event.type === "exit") {
          const block = this.blocks.find((b) => b.recording === recording);
          if (block) block.total.textContent = seconds(event.wallMs, 2);
        }
        // Without the every-frame redraw, bars still start and end when their events say.
        if (this.calm && (event.type === "span-start" || event.type === "span-end" || event.type === "running")) this.redraw();
        const ending = after.ended && !before.ended;
        if (ending || after.phase !== before.phase || after.text !== before.text) this.show(after);
        if (ending) resolve({ ok: after.ok, wallMs: after.exit?.wallMs });
      });
    });
  }

  /** The console and the timeline: what the program printed, and when each task ran. */
  record(recording, event) {
    switch (event.type) {
      case "started":
        recording.started();
        break;
      case "stdout":
      case "stderr":
        this.console.line(event);
        recording.output(event);
        break;
      case "span-start":
        recording.spanStart(event);
        break;
      case "span-end":
        recording.spanEnd(event);
        break;
      case "running":
        recording.running(event);
        break;
      case "checked":
        this.showChecks(event);
        break;
      case "at":
        recording.at(event);
        break;
      case "exit":
        recording.finish(event.wallMs);
        break;
      case "error":
        recording.finish(recording.now());
        break;
      default:
        // queued, compiling, diagnostic and limit are the phase line's, not the timeline's.
        break;
    }
  }

  /** A challenge's list of checks, each marked passed or not with what the run measured. */
  showChecks(event) {
    const report = checkReport(event);
    const items = this.checkItems();
    report.items.forEach((item, i) => {
      const li = items[i];
      if (!li) return;
      li.classList.toggle("is-passed", item.passed);
      li.classList.toggle("is-failed", !item.passed);
      li.querySelector(".check-measured").textContent = item.text;
    });
    this.summary.replaceChildren(document.createTextNode(report.headline));
    this.summary.classList.toggle("is-passed", report.passed);
    this.summary.classList.toggle("is-not-yet", !report.passed);
    this.summary.hidden = false;
    if (report.passed && !this.ctx.embedded) markChallenge(this.ctx.lesson, this.ctx.challenge);
  }

  checkItems() {
    const section = this.pane?.closest(".challenge");
    return section ? Array.from(section.querySelectorAll(".checks > .check")) : [];
  }

  showLimit(kind, message) {
    const item = document.createElement("p");
    item.className = `limit is-${kind}`;
    const strong = document.createElement("strong");
    strong.textContent = "Limit reached. ";
    item.append(strong, document.createTextNode(message));
    this.limit.appendChild(item);
    this.limit.hidden = false;
  }

  showDiagnostics(variant, diagnostics) {
    if (variant.editor) {
      variant.editor.showDiagnostics(diagnostics);
      return;
    }
    for (const d of diagnostics) {
      const item = document.createElement("li");
      item.className = `diagnostic is-${d.severity === "warning" ? "warning" : "error"}`;
      item.textContent = `Line ${d.line}, column ${d.column}: ${d.message}`;
      this.problems.appendChild(item);
    }
    this.problems.hidden = false;
  }

  /** @param {{times: string, verdict: string, phase: string, text: string}} verdict from phase.js */
  showComparison(verdict) {
    this.summary.replaceChildren();
    const head = document.createElement("strong");
    head.textContent = verdict.times;
    this.summary.append(head, document.createTextNode(verdict.verdict));
    this.summary.hidden = false;
    this.setPhase(verdict.phase, verdict.text);
  }

  // ---------- drawing ----------

  addBlock(recording, comparing) {
    const figure = document.createElement("figure");
    figure.className = "timeline-block";
    figure.dataset.lang = recording.language || "java";
    const caption = document.createElement("figcaption");
    const name = document.createElement("span");
    name.className = "timeline-label";
    name.textContent = comparing ? recording.label : "Timeline";
    const total = document.createElement("span");
    total.className = "run-total";
    caption.append(name, total);
    const host = div("timeline-host");
    // The drawing's text alternative, filled in when the run ends (describe).
    const text = div("timeline-text visually-hidden");
    // Shown once the run says which stretches its lanes ran: the rest of a lane is waiting.
    const legend = div("tl-legend");
    legend.innerHTML =
      '<span><span class="swatch"></span>running</span><span><span class="swatch is-waiting"></span>waiting (sleep, I/O, timer)</span>';
    legend.hidden = true;
    // What the segment chosen from the keyboard or under the pointer was, or, while scrubbing,
    // what every lane was doing at that moment.
    const detail = div("tl-detail", { "aria-live": "polite" });
    detail.hidden = true;
    const focus = new TimelineFocus(host, detail, () => this.redraw());
    figure.append(caption, legend, host, detail, text);
    this.timelines.appendChild(figure);
    this.blocks.push({ recording, host, total, text, comparing, legend, focus });
  }

  /**
   * The scrubber moved to `t` ms, or was reset (null): the console and timelines follow it, and
   * for a run of one variant, the lines its waiting tasks wait at are marked in its code.
   */
  scrub(t) {
    this.cursor = t;
    this.console.scrub(t);
    this.redraw();
    for (const v of this.variants) clearMarks(v);
    for (const block of this.blocks || []) {
      const v = block.recording.variant;
      let marks = [];
      if (t !== null && this.blocks.length === 1 && v && v === this.active()) {
        const lineCount = (v.editor ? v.editor.value() : v.pre.textContent).split("\n").length;
        marks = waitingLines(block.focus.rows, block.recording.lanes, t, lineCount);
        markLines(v, marks);
      }
      block.focus.at(t, marks);
    }
  }

  /** Puts the timeline in words, as a table a screen reader can read: lanes, spans, the total. */
  describe(block) {
    if (!block) return;
    const { caption, columns, rows, note } = timelineText(block.recording, block.comparing ? block.recording.label : "");
    const parts = [];
    if (rows.length === 0) {
      const p = document.createElement("p");
      p.textContent = caption;
      parts.push(p);
    } else {
      const table = document.createElement("table");
      table.className = "timeline-table";
      table.createCaption().textContent = caption;
      const head = table.createTHead().insertRow();
      for (const name of columns) {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = name;
        head.appendChild(th);
      }
      const body = table.createTBody();
      for (const cells of rows) {
        const row = body.insertRow();
        cells.forEach((cell, i) => {
          const td = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) td.scope = "row";
          td.textContent = cell;
          row.appendChild(td);
        });
      }
      parts.push(table);
    }
    if (note) {
      const p = document.createElement("p");
      p.textContent = note;
      parts.push(p);
    }
    block.text.replaceChildren(...parts);
  }

  domain() {
    let longest = 0;
    for (const block of this.blocks) longest = Math.max(longest, block.recording.now());
    return niceDomain(longest);
  }

  redraw() {
    if (this.panel.hidden) return;
    const domain = this.domain();
    for (const block of this.blocks) {
      const view = { cursor: this.cursor, selected: block.focus.selected };
      block.focus.drawn(draw(block.host, block.recording, domain, view));
      block.legend.hidden = !block.recording.states;
    }
  }

  animate() {
    // With reduced motion the bars and the clock move once a second instead of with every frame.
    this.calm = reducedMotion();
    const next = (fn) => (this.calm ? window.setTimeout(fn, 1000) : window.requestAnimationFrame(fn));
    const tick = () => {
      if (!this.session) return;
      this.redraw();
      const live = this.session.recordings.at(-1);
      if (live && live.startedAt !== null && live.total === null) {
        this.elapsed.textContent = seconds(live.now(), 1);
      }
      this.frame = next(tick);
    };
    this.frame = next(tick);
  }

  stopAnimating() {
    if (this.calm) window.clearTimeout(this.frame);
    else window.cancelAnimationFrame(this.frame);
  }

  // ---------- editing and sharing ----------

  async edit(source = null) {
    const v = this.active();
    if (v.editor) {
      if (source !== null) v.editor.setValue(source);
      v.editor.focus();
      return;
    }
    this.editButton.disabled = true;
    this.editButton.textContent = "Loading…";
    try {
      v.editor = await Editor.open(v.pre, source ?? v.bundled, {
        base: this.ctx.base,
        language: v.language,
        label: `${this.ctx.languageName} code: ${v.label}`,
        readOnly: v.node.dataset.readonlyLines || "",
      });
      v.editor.onChange(() => this.update());
      v.editor.focus();
    } catch {
      this.panel.hidden = false;
      this.setPhase("error", "The editor could not be loaded. Check your connection and try again.");
    } finally {
      this.editButton.disabled = false;
      this.editButton.textContent = "Edit";
      this.update();
    }
  }

  reset() {
    const v = this.active();
    if (!v.editor) return;
    v.editor.close();
    v.editor = null;
    if (location.hash.startsWith(`#edit/${encodeURIComponent(this.ctx.example)}/`)) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    this.update();
    this.editButton.focus();
  }

  async share() {
    const v = this.active();
    const source = v.editor ? v.editor.value() : v.bundled;
    const url = await share.link(this.ctx.example, shareKey(v.language, v.id), source, this.ctx.page);
    // In a widget the link is to the lesson page; only there does it belong in the address bar.
    if (!this.ctx.embedded) history.replaceState(null, "", url);
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(url);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (!copied && this.ctx.embedded) window.open(url, "_blank", "noopener");
    this.shareStatus.textContent = copied ? "Link copied" : this.ctx.embedded ? "Opened in a new tab" : "Link is in the address bar";
    window.setTimeout(() => {
      this.shareStatus.textContent = "";
    }, 2500);
  }

  /** Opens a shared edit: the right variant's tab, in the editor, scrolled into view. */
  async restore(key, source) {
    const v = this.variants.find((x) => shareKey(x.language, x.id) === key);
    if (!v) return;
    const tab = this.pane.querySelector(`[role="tab"][data-variant="${CSS.escape(v.id)}"]`);
    if (tab) tab.click();
    await this.edit(source);
    this.pane.scrollIntoView({ block: "center" });
    this.shareStatus.textContent = "Showing shared code. Reset puts back the lesson's.";
  }
}

/**
 * Compare languages: one button under an example whose code runs in several languages. It runs
 * every runnable variant, language by language (Python, JavaScript, Java, as the panes stand), and
 * stacks their timelines on one time axis with their totals, so that asyncio.gather, Promise.all
 * and Java's threads are seen side by side. Each variant runs as its pane shows it, edits included.
 */
export class CompareLanguages extends RunPane {
  /** @param {RunPane[]} runPanes the example's runnable panes, in page order */
  constructor(runPanes, ctx) {
    const variants = runPanes.flatMap((rp) =>
      rp.variants.map((v) => {
        // A view of the pane's variant (its editor is read live), under a label that says the language.
        const view = Object.create(v);
        view.label = v.label === rp.ctx.languageName ? v.label : `${rp.ctx.languageName} · ${v.label}`;
        return view;
      }),
    );
    const names = [...new Set(runPanes.map((rp) => rp.ctx.languageName))];
    super(null, { ...ctx, language: "all", languageName: names.join(", ") }, variants);
    this.runPanes = runPanes;
  }

  /** Runs in the order the panes stand now: the reader's pair may have moved them since load. */
  compare() {
    if (this.session) return;
    const before = (a, b) => (a.pane.compareDocumentPosition(b.pane) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    const panes = this.runPanes.filter((rp) => rp.pane.isConnected).sort(before);
    const order = panes.map((rp) => rp.ctx.language);
    this.variants.sort((a, b) => order.indexOf(a.language) - order.indexOf(b.language));
    this.what.textContent = describeRuns(this.variants.length, panes.map((rp) => rp.ctx.languageName));
    super.compare();
  }

  panelId() {
    return `${this.ctx.example}-compare-run`;
  }

  place(panel) {
    this.bar.after(panel);
  }

  buildBar() {
    const bar = div("run-bar compare-bar", { role: "toolbar", "aria-label": "Compare languages" });
    this.compareButton = button(
      "Compare languages",
      "compare-languages-button is-primary",
      `Run ${this.ctx.languageName} one after another and compare their timelines`,
    );
    this.compareButton.insertAdjacentHTML("afterbegin", '<span class="run-icon" aria-hidden="true">▶</span>');
    this.cancelButton = button("Cancel", "cancel-button", "Stop the comparison (Esc)");
    const what = document.createElement("span");
    what.className = "compare-what";
    // Called from RunPane's constructor, before this class's own fields exist: only ctx is there.
    what.textContent = describeRuns(this.variants.length, this.ctx.languageName.split(", "));
    this.what = what;
    this.offline = document.createElement("span");
    this.offline.className = "run-offline";
    this.offline.textContent = "Reconnecting…";
    this.offline.hidden = true;
    this.jump = document.createElement("a");
    this.jump.className = "run-jump";
    this.jump.href = `#${this.panelId()}`;
    this.jump.hidden = true;
    bar.append(this.compareButton, this.cancelButton, what, this.jump, this.offline);
    this.compareButton.addEventListener("click", () => this.compare());
    this.cancelButton.addEventListener("click", () => this.cancel());
    // After the panes and their panels, so that it reads as being about all of them.
    const panes = document.querySelector(`.panes[data-example="${CSS.escape(this.ctx.example)}"]`);
    let anchor = panes;
    while (anchor.nextElementSibling && anchor.nextElementSibling.matches(".run-panel")) {
      anchor = anchor.nextElementSibling;
    }
    anchor.after(bar);
    this.bar = bar;
  }

  update() {
    const running = Boolean(this.session);
    const focused = document.activeElement;
    this.compareButton.disabled = running;
    this.cancelButton.disabled = !running;
    if (running && focused === this.compareButton) this.cancelButton.focus();
    if (!running && focused === this.cancelButton) this.compareButton.focus();
  }

  run() {
    this.compare();
  }
}

function describeRuns(count, languageNames) {
  return `${count} runs: ${languageNames.join(" · ")}`;
}
