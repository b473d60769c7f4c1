// Node's promise-based setTimeout takes an AbortSignal and rejects when it aborts.
const { setTimeout: sleep } = require("node:timers/promises");
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function fetchReport(name, ms, signal) {
  try {
    await sleep(ms, undefined, { signal });
  } catch (e) {
    console.log(`  ${name} cancelled`);
    throw e;
  }
  console.log(`  ${name} finished`);
  return `report from ${name}`;
}

// Race a promise against a timer. This stops the waiting, not the work.
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  console.log(`race: ${await withTimeout(fetchReport("fast", 100), 300)}`);

  let start = performance.now();
  const abandoned = fetchReport("slow", 1000);
  try {
    await withTimeout(abandoned, 300);
  } catch (e) {
    console.log(`race: gave up after ${secondsSince(start)} s`);
  }

  // A signal that aborts itself after 300 ms stops the work itself.
  start = performance.now();
  try {
    await fetchReport("slow", 1000, AbortSignal.timeout(300));
  } catch (e) {
    console.log(`AbortSignal.timeout: gave up after ${secondsSince(start)} s (${e.name}, cause: ${e.cause.name})`);
  }

  console.log(`the abandoned fetch still returned: ${await abandoned}`);
}

main();
