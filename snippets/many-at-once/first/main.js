// Node's promise-based setTimeout takes an AbortSignal and rejects when it aborts.
const { setTimeout: sleep } = require("node:timers/promises");

const MIRRORS = { a: 300, b: 100, c: 200 }; // three copies of the same data, in ms
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function fetchReport(mirror, signal) {
  await sleep(MIRRORS[mirror], undefined, { signal });
  console.log(`  ${mirror} replied`);
  return `report from ${mirror}`;
}

async function main() {
  const start = performance.now();
  const controller = new AbortController();
  const promises = Object.keys(MIRRORS).map((m) => fetchReport(m, controller.signal));

  // Promise.any: the first to succeed. (Promise.race: the first to settle, even a failure.)
  const winner = await Promise.any(promises);
  console.log(`winner: ${winner} after ${secondsSince(start)} s`);

  controller.abort(); // without this, a and c would still run and reply
  await Promise.allSettled(promises); // the two losers reject with an AbortError
  console.log(`all done after ${secondsSince(start)} s`);
}

main();
