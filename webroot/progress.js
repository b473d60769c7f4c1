// What a learner has done, kept in this browser only (no account): the examples they ran, per
// lesson. Lesson pages record runs; the index shows each lesson's progress and offers a reset.
// The state is plain data and every change returns a new one, so it is tested with `node --test`.

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
    for (const [id, lesson] of Object.entries(value.lessons)) {
      const ran = Array.isArray(lesson?.ran) ? lesson.ran.filter((x) => typeof x === "string") : [];
      if (ran.length > 0) lessons[id] = { ran: [...new Set(ran)] };
    }
    return { v: 1, lessons };
  } catch {
    return empty();
  }
}

/** The record with one more example run (the same one twice counts once). */
export function recordRun(state, lesson, example) {
  const ran = state.lessons[lesson]?.ran || [];
  if (ran.includes(example)) return state;
  return { ...state, lessons: { ...state.lessons, [lesson]: { ran: [...ran, example] } } };
}

/** How far a lesson of `total` examples is: {ran, total, done}. Examples since removed don't count. */
export function lessonProgress(state, lesson, total, exampleIds = null) {
  let ran = state.lessons[lesson]?.ran || [];
  if (exampleIds) ran = ran.filter((id) => exampleIds.includes(id));
  const count = Math.min(ran.length, total);
  return { ran: count, total, done: total > 0 && count >= total };
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

export function load(storage = globalThis.localStorage) {
  try {
    return parse(storage.getItem(PROGRESS_KEY));
  } catch {
    return empty();
  }
}

function save(state, storage = globalThis.localStorage) {
  try {
    if (isEmpty(state)) storage.removeItem(PROGRESS_KEY);
    else storage.setItem(PROGRESS_KEY, JSON.stringify(state));
  } catch {
    /* not kept; the page still works */
  }
}

/** Called by the live runner when a run of an example ends normally. */
export function markRun(lesson, example) {
  const before = load();
  const after = recordRun(before, lesson, example);
  if (after !== before) save(after);
  showExample(document, after, lesson, example);
}

/** Lesson page: a "Ran" mark on each example heading already run. */
function showExample(doc, state, lesson, example) {
  const section = doc.getElementById(example);
  const title = section?.querySelector(".example-title");
  if (!title || title.querySelector(".ran-badge") || !hasRun(state, lesson, example)) return;
  const badge = doc.createElement("span");
  badge.className = "ran-badge";
  badge.textContent = "Ran";
  badge.title = "You ran this example in this browser";
  title.append(" ", badge);
}

/** Index: each lesson card's progress, and a reset; lesson pages: the marks of examples run. */
export function initProgress(doc = document) {
  const state = load();
  const article = doc.querySelector("article.lesson[data-lesson]");
  if (article) {
    for (const section of doc.querySelectorAll("section.example[id]")) {
      showExample(doc, state, article.dataset.lesson, section.id);
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
    if (p.ran === 0) continue;
    const meta = card.querySelector(".lesson-card-meta") || card;
    const wrap = doc.createElement("span");
    wrap.className = "lesson-progress";
    const bar = doc.createElement("progress");
    bar.max = p.total;
    bar.value = p.ran;
    bar.setAttribute("aria-hidden", "true");
    const label = doc.createElement("span");
    label.textContent = p.done ? `All ${p.total} run` : `${p.ran} of ${p.total} run`;
    wrap.append(bar, label);
    meta.append(wrap);
  }
  const bar = doc.querySelector(".picker-bar");
  if (!bar || isEmpty(state) || doc.querySelector(".progress-reset")) return;
  const reset = doc.createElement("button");
  reset.type = "button";
  reset.className = "progress-reset";
  reset.textContent = "Reset progress";
  reset.title = "Forget which examples this browser has run";
  reset.addEventListener("click", () => {
    if (!doc.defaultView.confirm("Forget which examples you have run in this browser?")) return;
    save(empty());
    reset.remove();
    initProgress(doc);
  });
  bar.append(reset);
}
