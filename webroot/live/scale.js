// The timeline's time scale: where the axis ends, how far apart its ticks are and how they read.
// Plain arithmetic, apart from the drawing, so that it can be tested without a browser.

// Round steps only: a reader compares bars against ticks at 0.5 s, not at 0.4375 s.
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 30000, 60000];

export function seconds(ms, digits = 3) {
  return `${(ms / 1000).toFixed(digits)} s`;
}

/** A round number of milliseconds between ticks, so that about `count` ticks fit. */
export function tickStep(domain, count) {
  const raw = domain / Math.max(count, 1);
  return STEPS.find((s) => s >= raw) || 60000;
}

/** The end of the axis: a little past `ms`, on a round value, and never less than 100 ms. */
export function niceDomain(ms) {
  const target = Math.max(ms, 100) * 1.04;
  const step = tickStep(target, 8);
  return Math.ceil(target / step) * step;
}

/**
 * A tick's label in seconds, as a person writes it: as many decimals as the step needs (a quarter
 * second is 0.25, never a rounded 0.3) and no trailing zeros (0, 0.25, 0.5, 0.75, 1).
 */
export function tickLabel(ms, step) {
  const digits = decimals(step / 1000);
  return `${Number((ms / 1000).toFixed(digits))} s`;
}

/** Decimals of a step in seconds: 0.25 has two. Steps are whole milliseconds, so three at most. */
function decimals(value) {
  for (let d = 0; d < 3; d++) {
    if (Math.abs(Number(value.toFixed(d)) - value) < 1e-9) return d;
  }
  return 3;
}

/**
 * The ticks of an axis from 0 to `domain` ms with room for about `count` of them: [{t, label}].
 * The last one is at `domain` itself when the domain is a multiple of the step, as niceDomain's is.
 */
export function ticks(domain, count) {
  const step = tickStep(domain, count);
  const out = [];
  // The slack keeps the last tick that float steps would land a hair past the domain.
  for (let t = 0; t <= domain + 0.001; t += step) out.push({ t, label: tickLabel(t, step) });
  return out;
}
