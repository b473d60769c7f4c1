/* Polyglot Playground: turns <div data-playground="lesson/example"> into a runnable widget.
 *
 *   <script src="https://playground.example.org/assets/embed.js" defer></script>
 *   <div data-playground="why-and-model/three-waits" data-langs="python,java"></div>
 *
 * Options, as data- attributes: langs, theme (light|dark|auto), height (px per code pane),
 * readonly, autorun. Each widget is an iframe of the playground's /embed page, so the host page's
 * styles and the widget's cannot touch each other. It loads when it comes near the viewport and
 * takes the height its content reports. Widgets added later (single-page docs sites) are found
 * too. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__polyglotPlaygroundEmbed) return;
  window.__polyglotPlaygroundEmbed = true;
  var source = new URL(script.src, location.href);
  var origin = source.origin;
  var base = source.pathname.replace(/\/assets\/(?:[0-9a-f]+\/)?embed\.js$/, "");
  var frames = {};
  var count = 0;
  var OPTIONS = ["langs", "theme", "height", "readonly", "autorun"];

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== "polyglot-playground:resize") return;
    var frame = frames[event.data.id];
    var height = Number(event.data.height);
    if (frame && event.source === frame.contentWindow && height > 0) frame.style.height = Math.ceil(height) + "px";
  });

  function load(host) {
    var target = (host.getAttribute("data-playground") || "").split("/");
    if (target.length !== 2 || !target[0] || !target[1]) {
      host.textContent = "Polyglot Playground: data-playground must look like \"lesson/example\".";
      return;
    }
    var id = "pp" + ++count;
    var query = new URLSearchParams();
    OPTIONS.forEach(function (name) {
      var value = host.getAttribute("data-" + name);
      if (value !== null) query.set(name, value === "" ? "1" : value);
    });
    query.set("id", id);
    var frame = document.createElement("iframe");
    frame.src = origin + base + "/embed/" + encodeURIComponent(target[0]) + "/" + encodeURIComponent(target[1]) + "?" + query;
    frame.title = "Runnable example: " + target[1].replace(/-/g, " ");
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("loading", "lazy");
    // Inline styles on our own element: the host's stylesheet cannot reach into the frame.
    frame.style.cssText = "display:block;width:100%;height:420px;border:0;border-radius:8px;color-scheme:normal";
    frames[id] = frame;
    host.replaceChildren(frame);
  }

  var observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          function (entries) {
            entries.forEach(function (entry) {
              if (!entry.isIntersecting) return;
              observer.unobserve(entry.target);
              load(entry.target);
            });
          },
          { rootMargin: "400px 0px" }
        )
      : null;

  function scan(root) {
    var hosts = (root.querySelectorAll ? root : document).querySelectorAll("[data-playground]:not([data-playground-ready])");
    Array.prototype.forEach.call(hosts, function (host) {
      host.setAttribute("data-playground-ready", "");
      if (observer) observer.observe(host);
      else load(host);
    });
  }

  function start() {
    scan(document);
    new MutationObserver(function () {
      scan(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
