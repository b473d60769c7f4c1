// The code editor: CodeMirror 5, from its WebJar, in the mode of the pane's language. It is loaded
// the first time a reader presses Edit, so readers who only read never download it.

// The page names the version the server serves (from pom.xml), so it is written in one place.
const codemirror = () => `codemirror/${document.documentElement.dataset.codemirror}`;
let loading = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = src;
    tag.async = false; // keep the order: the mode needs the core
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(tag);
  });
}

function loadCodeMirror(base) {
  if (!loading) {
    const root = `${base}/webjars/${codemirror()}`;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = `${root}/lib/codemirror.css`;
    document.head.appendChild(css);
    loading = script(`${root}/lib/codemirror.js`)
      .then(() =>
        Promise.all(
          ["mode/clike/clike.js", "mode/python/python.js", "mode/javascript/javascript.js", "addon/edit/matchbrackets.js"].map(
            (file) => script(`${root}/${file}`),
          ),
        ),
      )
      .then(() => globalThis.CodeMirror)
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

/** Makes the lesson's read-only lines ("3-5 9-9") uneditable, and shows them as such. */
function lockLines(cm, ranges) {
  for (const range of ranges.split(/\s+/).filter(Boolean)) {
    const [from, to] = range.split("-").map(Number);
    if (!(from >= 1 && to >= from)) continue;
    const last = Math.min(to, cm.lineCount()) - 1;
    // From the start of the first line to the start of the line after the last, so the newline
    // is locked too; the last line of the file ends at its last character.
    const end = last + 1 < cm.lineCount() ? { line: last + 1, ch: 0 } : { line: last, ch: cm.getLine(last).length };
    cm.markText({ line: from - 1, ch: 0 }, end, {
      readOnly: true,
      inclusiveLeft: true,
      inclusiveRight: false,
      className: "cm-readonly",
      attributes: { title: "Part of the lesson: read-only" },
    });
    for (let line = from - 1; line <= last; line++) cm.addLineClass(line, "background", "cm-readonly-line");
  }
}

/** CodeMirror's mode for each language a pane can run. */
const MODES = { java: "text/x-java", python: "text/x-python", javascript: "text/javascript" };

export class Editor {
  /**
   * Replaces `pre` (the highlighted code) with an editor holding `code`.
   * @param {{base: string, label: string, language?: string, readOnly?: string}} options
   */
  static async open(pre, code, options) {
    const CodeMirror = await loadCodeMirror(options.base);
    const host = document.createElement("div");
    host.className = "editor";
    pre.hidden = true;
    pre.after(host);
    const cm = CodeMirror(host, {
      value: code,
      mode: MODES[options.language] || MODES.java,
      // Not CodeMirror's default theme: its token colours (#00f, #a11...) are unreadable on the dark
      // theme's background, and would win over site.css's, which follow highlight.js's.
      theme: "playground",
      lineNumbers: true,
      indentUnit: 4,
      tabSize: 4,
      matchBrackets: true,
      viewportMargin: Infinity, // every line is laid out, so the page, not the editor, scrolls
      gutters: ["CodeMirror-linenumbers", "diag-gutter"],
      screenReaderLabel: options.label,
      // Ctrl/Cmd+Enter is the pane's, which runs the code.
      extraKeys: {
        // Tab stays in the editor (to indent); Esc then Tab leaves it, as in other code editors.
        Esc: (editor) => editor.getInputField().blur(),
      },
    });
    lockLines(cm, options.readOnly || "");
    return new Editor(pre, host, cm);
  }

  constructor(pre, host, cm) {
    this.pre = pre;
    this.host = host;
    this.cm = cm;
    this.marks = [];
    this.list = null;
  }

  value() {
    return this.cm.getValue();
  }

  setValue(code) {
    this.cm.setValue(code);
  }

  focus() {
    this.cm.focus();
  }

  onChange(fn) {
    this.cm.on("changes", () => fn());
  }

  /** Underlines each message at its line and column, and lists them under the editor. */
  showDiagnostics(diagnostics) {
    this.clearDiagnostics();
    if (!diagnostics.length) return;
    const cm = this.cm;
    const list = document.createElement("ul");
    list.className = "diagnostics";
    list.setAttribute("aria-label", "Compiler messages");
    for (const d of diagnostics) {
      const line = Math.min(Math.max(d.line - 1, 0), cm.lastLine());
      const text = cm.getLine(line) || "";
      let from = Math.min(Math.max(d.column - 1, 0), text.length);
      // Underline the word at the column; at the end of a line, the character before it.
      let to = from;
      while (to < text.length && /\w/.test(text[to])) to++;
      if (to === from) {
        if (from < text.length) to = from + 1;
        else if (from > 0) from -= 1;
        to = Math.max(to, from + 1);
      }
      const severity = d.severity === "warning" ? "warning" : "error";
      this.marks.push(
        cm.markText({ line, ch: from }, { line, ch: to }, {
          className: `cm-diag cm-diag-${severity}`,
          attributes: { "data-line": String(line + 1), title: d.message },
        }),
      );
      cm.addLineClass(line, "background", `cm-diag-line-${severity}`);
      const marker = document.createElement("span");
      marker.className = `diag-marker is-${severity}`;
      marker.textContent = severity === "error" ? "●" : "▲";
      marker.title = d.message;
      cm.setGutterMarker(line, "diag-gutter", marker);
      this.marks.push({ clear: () => cm.removeLineClass(line, "background", `cm-diag-line-${severity}`) });

      const item = document.createElement("li");
      item.className = `diagnostic is-${severity}`;
      const where = document.createElement("button");
      where.type = "button";
      where.className = "diagnostic-where";
      where.textContent = `Line ${d.line}, column ${d.column}`;
      where.addEventListener("click", () => {
        cm.setCursor({ line, ch: Math.max(d.column - 1, 0) });
        cm.focus();
      });
      const message = document.createElement("pre");
      message.className = "diagnostic-message";
      message.textContent = d.message;
      item.append(where, message);
      list.appendChild(item);
    }
    this.host.after(list);
    this.list = list;
  }

  clearDiagnostics() {
    for (const mark of this.marks) mark.clear();
    this.marks = [];
    this.cm.clearGutter("diag-gutter");
    if (this.list) this.list.remove();
    this.list = null;
  }

  /** Back to the highlighted code. */
  close() {
    this.clearDiagnostics();
    this.host.remove();
    this.pre.hidden = false;
  }
}
