// "Predict first": before running a timing example, the learner may guess how long it will take,
// choosing among the example's own timings (a sequential and a concurrent variant give "about
// 3 s" and "about 1 s"). After the run, the page sets the guess beside what happened. Plain
// functions, tested with `node --test`; runpane.js puts them on the page.

/** The answers offered for an example: its variants' distinct timings, in seconds, ascending. */
export function choicesFor(seconds) {
  const values = [...new Set(seconds.filter((s) => Number.isFinite(s) && s > 0))].sort((a, b) => a - b);
  // One timing is no question: there would be only one answer.
  return values.length >= 2 ? values : [];
}

/** An answer as the page words it: "about 1 s", "about 0.5 s". */
export function choiceLabel(seconds) {
  return `about ${Number(seconds.toFixed(2))} s`;
}

/** Which answer the run bore out: the one nearest to it, as a ratio (2 s is nearer 3 s than 1 s). */
export function nearest(choices, actualSeconds) {
  let best = choices[0];
  for (const c of choices) {
    if (Math.abs(Math.log(actualSeconds / c)) < Math.abs(Math.log(actualSeconds / best))) best = c;
  }
  return best;
}

/**
 * The verdict on a guess: {correct, nearest, text}. `actualMs` is the run's wall time; a run that
 * took no time counts as the smallest answer.
 */
export function judge(predicted, actualMs, choices) {
  const actual = Math.max(actualMs, 1) / 1000;
  const closest = nearest(choices, actual);
  const correct = closest === predicted;
  const took = `${actual.toFixed(2)} s`;
  const text = correct
    ? `You predicted ${choiceLabel(predicted)}, and it took ${took}. Right.`
    : `You predicted ${choiceLabel(predicted)}; it took ${took}, ${choiceLabel(closest)}.`;
  return { correct, nearest: closest, text };
}
