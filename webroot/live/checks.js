// A challenge's checks as the page shows them: each goal passed or not, with what the run
// measured, and a headline. Pure, so that it can be tested in Node; runpane.js puts the words on
// the challenge's list of checks.

/**
 * @param {{passed: boolean, results: {check: string, goal: string, passed: boolean, measured: string}[]}} checked
 *   a "checked" event
 * @returns {{headline: string, passed: boolean, items: {goal: string, passed: boolean, text: string}[]}}
 */
export function checkReport(checked) {
  const results = Array.isArray(checked?.results) ? checked.results : [];
  const good = results.filter((r) => r && r.passed === true).length;
  const passed = results.length > 0 && good === results.length;
  const headline = passed
    ? `Challenge complete: all ${results.length} check${results.length === 1 ? "" : "s"} pass.`
    : `${good} of ${results.length} check${results.length === 1 ? "" : "s"} pass. Change the code and run it again.`;
  const items = results.map((r) => ({
    goal: String(r?.goal ?? r?.check ?? "check"),
    passed: r?.passed === true,
    text: `${r?.passed === true ? "Passed" : "Not yet"}: ${String(r?.measured ?? "")}`,
  }));
  return { headline, passed, items };
}
