/* Polyglot Playground: apply the saved colour theme before first paint.
 * Classic script, loaded synchronously in <head>. No saved choice = follow the system (CSS media query). */
(function () {
  try {
    var theme = window.localStorage.getItem("pp.theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.dataset.theme = theme;
    }
  } catch (e) {
    /* storage disabled: follow the system */
  }
})();
