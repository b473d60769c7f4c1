const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

// Lets calls start at most perSecond times a second, evenly spaced.
function rateLimiter(perSecond) {
  const interval = 1000 / perSecond;
  let nextStart = 0; // the time at which the next call may start
  return async function wait() {
    const now = performance.now();
    const start = Math.max(now, nextStart);
    nextStart = start + interval; // read and write with no await between: no race
    await sleep(start - now);
  };
}

let running = 0; // calls running right now

async function call(wait, start) {
  await wait();
  running++;
  console.log(`call started at ${secondsSince(start)} s, ${running} running`);
  await sleep(500); // the call itself takes half a second
  running--;
}

async function main() {
  const wait = rateLimiter(5);
  const start = performance.now();
  await Promise.all(Array.from({ length: 5 }, () => call(wait, start)));
  console.log(`5 calls at 5 per second took ${secondsSince(start)} s`);
}

main();
