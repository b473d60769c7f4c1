const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

let running = 0; // jobs running right now
let peak = 0; // the most that ever ran at once

async function job() {
  running++;
  peak = Math.max(peak, running);
  await sleep(500); // one slow call
  running--;
}

// A small limiter: limit(fn) calls fn() once fewer than `max` calls are running,
// and returns a promise for its result.
function limiter(max) {
  let active = 0;
  const waiting = [];
  const startNext = () => {
    if (active >= max || waiting.length === 0) return;
    active++;
    const { fn, resolve, reject } = waiting.shift();
    fn()
      .then(resolve, reject)
      .finally(() => {
        active--;
        startNext();
      });
  };
  return (fn) =>
    new Promise((resolve, reject) => {
      waiting.push({ fn, resolve, reject });
      startNext();
    });
}

async function main() {
  let start = performance.now();
  await Promise.all(Array.from({ length: 6 }, () => job()));
  console.log(`unbounded: 6 jobs, at most ${peak} at once, took ${secondsSince(start)} s`);

  peak = 0;
  const limit = limiter(2);
  start = performance.now();
  await Promise.all(Array.from({ length: 6 }, () => limit(job)));
  console.log(`bounded: 6 jobs, at most ${peak} at once, took ${secondsSince(start)} s`);
}

main();
