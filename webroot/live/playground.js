// The live playground on a lesson page: one shared WebSocket, one RunPane per runnable pane (Java,
// Python, JavaScript) and per challenge, Compare languages where an example runs in several, and
// shared edits restored from the URL. Loaded only on pages that have something to run.

import { CompareLanguages, RunPane, shareKey } from "./runpane.js";
import * as share from "./share.js";
import { pageConnection } from "./socket.js";

export function start() {
  const article = document.querySelector("article.lesson[data-lesson]");
  const panes = Array.from(document.querySelectorAll(".pane[data-runnable]"));
  if (!article || panes.length === 0) return;
  const base = document.documentElement.dataset.base || "";
  const maxSource = Number(document.documentElement.dataset.maxSource) || 64 * 1024;
  // A widget shares links to the lesson page it comes from, not to itself.
  const embedded = document.documentElement.classList.contains("embed-frame");
  const canonical = document.querySelector('link[rel="canonical"]');
  const page = embedded && canonical ? new URL(canonical.getAttribute("href"), location.href).href : location.href;
  const connection = pageConnection(base, new URL("./socket-worker.js", import.meta.url));

  const byKey = new Map();
  const byExample = new Map();
  for (const pane of panes) {
    const language = pane.dataset.lang;
    const languageName = pane.getAttribute("aria-label") || language;
    // A challenge's pane runs its code against the challenge's checks.
    const challenge = pane.closest("[data-challenge]")?.dataset.challenge;
    if (challenge) {
      if (!embedded) {
        const ctx = { connection, lesson: article.dataset.lesson, example: `challenge-${challenge}`, challenge };
        new RunPane(pane, { ...ctx, base, maxSource, page, embedded, language, languageName });
      }
      continue;
    }
    const example = pane.closest(".panes")?.dataset.example;
    if (!example) continue;
    const runPane = new RunPane(pane, { connection, lesson: article.dataset.lesson, example, base, maxSource, page, embedded, language, languageName });
    for (const v of runPane.variants) byKey.set(`${example}/${shareKey(language, v.id)}`, runPane);
    if (!byExample.has(example)) byExample.set(example, []);
    byExample.get(example).push(runPane);
  }
  if (!embedded) {
    for (const [example, runPanes] of byExample) {
      if (runPanes.length < 2) continue;
      new CompareLanguages(runPanes, { connection, lesson: article.dataset.lesson, example, base, maxSource, page, embedded });
    }
  }

  const restore = async () => {
    let edit;
    try {
      edit = await share.fromLocation();
    } catch {
      console.warn("playground: this link's code could not be read");
      return;
    }
    if (edit) await byKey.get(`${edit.example}/${edit.variant}`)?.restore(edit.variant, edit.source);
  };
  restore();
  window.addEventListener("hashchange", restore);
}
