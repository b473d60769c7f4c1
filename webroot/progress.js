// What a learner has done, kept in this browser only (no account): the examples they ran, those
// whose timing they predicted first, and the challenges they passed, per lesson. Lesson pages record runs; the index shows
// each lesson's progress and offers a reset. The state is plain data and every change returns a
// new one, so it is tested with `node --test`.

import * as storage from "./storage.js";

export const PROGRESS_KEY = "pp.progress";

/** An empty record. */
export function empty() {
  return { v: 1, lessons: {} };
}

/** A stored record, or an empty one for anything unreadable (an old version, hand edits). */
export function parse(raw) {
  try {
    const value = JSON.parse(raw);
    if (!value || value.v !== 1 || typeof value.lessons !== "object" || value.lessons === null) return empty();
    const lessons = {};
    const ids = (list) => (Array.isArray(list) ? [...new Set(list.filter((x) => typeof x === "string"))] : []);
    for (const [id, lesson] of Object.entries(value.lessons)) {
      const ran = ids(lesson?.ran);
      const predicted = ids(lesson?.predicted);
      const passed = ids(lesson?.passed);
      if (ran.length > 0 || predicted.length > 0 || passed.length > 0) lessons[id] = { ran, predicted, passed };
    }
    return { v: 1, lessons };
  } catch {
    return empty();
  }
}

/** The record with one more example run (the same one twice counts once). */
export function recordRun(state, lesson, example) {
  return add(state, lesson, "ran", example);
}

/** The record with one more example whose timing was predicted before it ran. */
export function recordPrediction(state, lesson, example) {
  return add(state, lesson, "predicted", example);
}

/** The record with one more challenge passed. */
export function recordChallenge(state, lesson, challenge) {
  return add(state, lesson, "passed", challenge);
}

function add(state, lesson, list, example) {
  const entry = { ran: [], predicted: [], passed: [], ...state.lessons[lesson] };
  if (entry[list].includes(example)) return state;
  return { ...state, lessons: { ...state.lessons, [lesson]: { ...entry, [list]: [...entry[list], example] } } };
}

/**
 * How far a lesson of `total` examples is: {ran, predicted, passed, total, done}. Examples since
 * removed from the lesson don't count.
 */
export function lessonProgress(state, lesson, total, exampleIds = null) {
  const kept = (list) => (exampleIds ? list.filter((id) => exampleIds.includes(id)) : list);
  const ran = Math.min(kept(state.lessons[lesson]?.ran || []).length, total);
  const predicted = Math.min(kept(state.lessons[lesson]?.predicted || []).length, total);
  const passed = (state.lessons[lesson]?.passed || []).length;
  return { ran, predicted, passed, total, done: total > 0 && ran >= total };
}

/** A lesson card's words for it: "2 of 5 run · 1 predicted · challenge passed", "All 5 run". */
export function progressLabel(p) {
  const parts = [p.done ? `All ${p.total} run` : `${p.ran} of ${p.total} run`];
  if (p.predicted > 0) parts.push(`${p.predicted} predicted`);
  if (p.passed > 0) parts.push(p.passed === 1 ? "challenge passed" : `${p.passed} challenges passed`);
  return parts.join(" · ");
}

/** Whether a challenge has been passed. */
export function hasPassed(state, lesson, challenge) {
  return (state.lessons[lesson]?.passed || []).includes(challenge);
}

/** Whether an example has been run. */
export function hasRun(state, lesson, example) {
  return (state.lessons[lesson]?.ran || []).includes(example);
}

/** Whether there is anything to reset. */
export function isEmpty(state) {
  return Object.keys(state.lessons).length === 0;
}

// ---------- in the browser ----------

export function load() {
  return parse(storage.load(PROGRESS_KEY));
}

function save(state) {
  storage.save(PROGRESS_KEY, isEmpty(state) ? null : JSON.stringify(state));
}

/** Called by the live runner when a run of an example ends normally. */
export function markRun(lesson, example) {
  const before = load();
  const after = recordRun(before, lesson, example);
  if (after !== before) save(after);
  showExample(document, after, lesson, example);
}

/** Called by the live runner when a run that was predicted ends normally. */
export function markPrediction(lesson, example) {
  const before = load();
  const after = recordPrediction(before, lesson, example);
  if (after !== before) save(after);
}

/** Called by the live runner when a challenge's run passes every check. */
export function markChallenge(lesson, challenge) {
  const before = load();
  const after = recordChallenge(before, lesson, challenge);
  if (after !== before) save(after);
  showChallenge(document, after, lesson, challenge);
}

/** Lesson page: a "Passed" mark on each challenge heading passed. */
function showChallenge(doc, state, lesson, challenge) {
  if (!hasPassed(state, lesson, challenge)) return;
  badge(doc.getElementById(`challenge-${challenge}-title`), "passed-badge", "Passed", "You passed this challenge in this browser");
}

/** Lesson page: a "Ran" mark on each example heading already run. */
function showExample(doc, state, lesson, example) {
  if (!hasRun(state, lesson, example)) return;
  badge(doc.getElementById(example)?.querySelector(".example-title"), "ran-badge", "Ran", "You ran this example in this browser");
}

/** Adds a badge to a heading, once. */
function badge(title, className, text, tip) {
  if (!title || title.querySelector(`.${className}`)) return;
  const mark = title.ownerDocument.createElement("span");
  mark.className = className;
  mark.textContent = text;
  mark.title = tip;
  title.append(" ", mark);
}

/** Index: each lesson card's progress, and a reset; lesson pages: the marks of examples run. */
export function initProgress(doc = document) {
  const state = load();
  const article = doc.querySelector("article.lesson[data-lesson]");
  if (article) {
    for (const section of doc.querySelectorAll("section.example[id]")) {
      showExample(doc, state, article.dataset.lesson, section.id);
    }
    for (const section of doc.querySelectorAll("section.challenge[data-challenge-id]")) {
      showChallenge(doc, state, article.dataset.lesson, section.dataset.challengeId);
    }
    return;
  }
  const cards = Array.from(doc.querySelectorAll(".lesson-card[data-lesson]"));
  if (cards.length === 0) return;
  for (const card of cards) {
    const total = Number(card.querySelector(".example-count")?.dataset.count) || 0;
    const p = lessonProgress(state, card.dataset.lesson, total);
    card.querySelector(".lesson-progress")?.remove();
    card.classList.toggle("is-done", p.done);
    if (p.ran === 0 && p.predicted === 0 && p.passed === 0) continue;
    const meta = card.querySelector(".lesson-card-meta") || card;
    const wrap = doc.createElement("span");
    wrap.className = "lesson-progress";
    const bar = doc.createElement("progress");
    bar.max = p.total;
    bar.value = p.ran;
    bar.setAttribute("aria-hidden", "true");
    const label = doc.createElement("span");
    label.textContent = progressLabel(p);
    wrap.append(bar, label);
    meta.append(wrap);
  }
  const bar = doc.querySelector(".picker-bar");
  if (!bar || isEmpty(state) || doc.querySelector(".progress-reset")) return;
  const reset = doc.createElement("button");
  reset.type = "button";
  reset.className = "progress-reset";
  reset.textContent = "Reset progress";
  reset.title = "Forget which examples this browser has run and which challenges it passed";
  reset.addEventListener("click", () => {
    if (!doc.defaultView.confirm("Forget which examples you have run and which challenges you passed in this browser?")) return;
    save(empty());
    reset.remove();
    initProgress(doc);
  });
  bar.append(reset);
}
