/* Polyglot Playground widget page (/embed/{lesson}/{example}): applies the options in its URL.
 * Classic script, loaded synchronously in <head> so the theme is right at first paint.
 *   langs=python,java   which panes, in that order      theme=light|dark|auto
 *   height=320          most pixels a code pane takes   readonly=1   no Edit
 *   autorun=1           run the Java once on load       id=...       echoed in resize messages
 * The page tells its parent how tall it is, so the host can size the iframe to fit. */
(function () {
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") root.dataset.theme = theme;
  var on = function (name) {
    var v = params.get(name);
    return v !== null && v !== "0" && v !== "false" && v !== "no";
  };
  if (on("readonly")) root.dataset.readonly = "";
  var height = parseInt(params.get("height") || "", 10);
  if (height >= 80 && height <= 4000) root.style.setProperty("--embed-code-height", height + "px");
  var langs = (params.get("langs") || "")
    .split(",")
    .map(function (s) { return s.trim().toLowerCase(); })
    .filter(Boolean);
  if (langs.length) root.dataset.langs = langs.join(",");
  var frameId = params.get("id") || "";

  function arrange() {
    var container = document.querySelector(".panes");
    if (!container) return;
    var panes = Array.prototype.slice.call(container.querySelectorAll(".pane"));
    var known = panes.map(function (p) { return p.dataset.lang; });
    var chosen = langs.filter(function (l) { return known.indexOf(l) >= 0; });
    if (chosen.length === 0) chosen = known; // nothing we know: show everything rather than nothing
    panes.forEach(function (pane) {
      pane.hidden = chosen.indexOf(pane.dataset.lang) < 0;
    });
    chosen.forEach(function (lang, i) {
      var pane = container.querySelector('.pane[data-lang="' + lang + '"]');
      pane.style.order = String(i);
      container.appendChild(pane);
    });
    container.dataset.count = String(chosen.length);
    container.style.setProperty("--cols", String(chosen.length));
    root.classList.add("is-arranged");
  }

  function report() {
    if (window.parent === window) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: "polyglot-playground:resize", id: frameId, height: height }, "*");
  }

  function autorun() {
    if (!on("autorun")) return;
    var tries = 0;
    var timer = setInterval(function () {
      var run = document.querySelector(".pane[data-runnable] .run-button");
      if (run || ++tries > 100) clearInterval(timer);
      if (run && !run.disabled) run.click();
    }, 50);
  }

  document.addEventListener("DOMContentLoaded", function () {
    arrange();
    report();
    if (typeof ResizeObserver === "function") new ResizeObserver(report).observe(document.documentElement);
    autorun();
  });
})();
