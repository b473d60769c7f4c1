// The live playground on a lesson page: one shared WebSocket, one RunPane per runnable pane, and
// shared edits restored from the URL. Loaded only on pages that have something to run.

import { RunPane } from "./runpane.js";
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

  const byExample = new Map();
  for (const pane of panes) {
    const example = pane.closest(".panes")?.dataset.example;
    if (!example) continue;
    byExample.set(example, new RunPane(pane, { connection, lesson: article.dataset.lesson, example, base, maxSource, page, embedded }));
  }

  const restore = async () => {
    let edit;
    try {
      edit = await share.fromLocation();
    } catch {
      console.warn("playground: this link's code could not be read");
      return;
    }
    if (edit) await byExample.get(edit.example)?.restore(edit.variant, edit.source);
  };
  restore();
  window.addEventListener("hashchange", restore);
}
