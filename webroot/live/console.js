// The console: each line as it arrives, with when it was written and by which thread. Program
// output is only ever set as text, never parsed as HTML.

import { seconds } from "./timeline.js";

const MAX_LINES = 5000;

function textRow(className, text) {
  const row = document.createElement("div");
  row.className = className;
  row.textContent = text;
  return row;
}

export class Console {
  constructor(host) {
    this.host = host;
    this.count = 0;
    this.dropped = 0;
  }

  clear() {
    this.host.replaceChildren();
    this.count = 0;
    this.dropped = 0;
  }

  /** A heading between the outputs of compared runs. */
  heading(text) {
    this.append(textRow("console-heading", text));
  }

  line(event) {
    if (this.count >= MAX_LINES) {
      this.dropped += 1;
      if (this.dropped === 1) this.note("Further lines are not shown here, to keep the page responsive.");
      return;
    }
    this.count += 1;
    const row = document.createElement("div");
    row.className = event.type === "stderr" ? "console-line is-stderr" : "console-line";
    row.dataset.t = String(event.t);
    const time = document.createElement("span");
    time.className = "console-t";
    time.textContent = seconds(event.t);
    const thread = document.createElement("span");
    thread.className = "console-thread";
    thread.textContent = event.thread || "";
    thread.title = `thread ${event.thread || "?"}`;
    const text = document.createElement("span");
    text.className = "console-text";
    text.textContent = event.text;
    row.append(time, thread, text);
    this.append(row);
  }

  /** Shows only the lines written by `t` ms (the scrubber's moment), or every line for null. */
  scrub(t) {
    for (const row of this.host.querySelectorAll(".console-line")) {
      row.hidden = t !== null && Number(row.dataset.t) > t;
    }
  }

  note(text) {
    this.append(textRow("console-note", text));
  }

  append(row) {
    const host = this.host;
    // Follow new lines only if the reader has not scrolled up to read earlier ones.
    const atBottom = host.scrollHeight - host.scrollTop - host.clientHeight < 24;
    host.appendChild(row);
    if (atBottom) host.scrollTop = host.scrollHeight;
  }

  /** Plain text of what was printed, for copying. */
  text() {
    return Array.from(this.host.querySelectorAll(".console-text"), (n) => n.textContent).join("\n");
  }
}
