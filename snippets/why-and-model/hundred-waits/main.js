const N = 40; // waits of 0.1 s each: 40, not 100, to keep this run under 5 s
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

const wait = () => sleep(100); // stands in for one slow call

async function main() {
  let start = performance.now();
  for (let i = 0; i < N; i++) await wait(); // one after another
  // Whole seconds here: each timer fires a little late, and the small delays add up.
  console.log(`sequential, await in a loop: ${N} waits of 0.1 s took ${Math.round((performance.now() - start) / 1000)} s`);

  start = performance.now();
  await Promise.all(Array.from({ length: N }, () => wait())); // all 40 in flight at once
  console.log(`concurrent, Promise.all: ${N} waits of 0.1 s took ${secondsSince(start)} s`);
}

main();
