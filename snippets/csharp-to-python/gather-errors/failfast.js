// Node's promise-based setTimeout takes an AbortSignal and rejects when it aborts.
const { setTimeout: sleep } = require("node:timers/promises");

const NAMES = { 1: "Ada Lovelace", 3: "Grace Hopper" };
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function getUser(id, ms, signal) {
  await sleep(ms, undefined, { signal }); // rejects with an AbortError on abort()
  if (!(id in NAMES)) throw new Error(`no user ${id}`);
  console.log(`  fetch ${id}: done`);
  return NAMES[id];
}

function outcome(result) {
  if (result.status === "fulfilled") return result.value;
  return result.reason.name === "AbortError" ? "cancelled" : `failed: ${result.reason.message}`;
}

async function main() {
  console.log("fail fast, cancel the rest");
  const start = performance.now();
  const controller = new AbortController(); // one signal shared by every call
  const ids = [1, 99, 3];
  const calls = [getUser(1, 1000, controller.signal), getUser(99, 500, controller.signal), getUser(3, 1500, controller.signal)];
  // A promise cannot be cancelled: abort the work behind the others at the first real failure.
  const cancelOthersOnFailure = (promise) =>
    promise.catch((e) => {
      if (e.name !== "AbortError") controller.abort();
      throw e;
    });
  try {
    await Promise.all(calls.map(cancelOthersOnFailure));
  } catch (e) {
    console.log(`  failed after ${secondsSince(start)} s: ${e.message}`);
  }
  const results = await Promise.allSettled(calls); // every call has ended by now, or soon will
  results.forEach((result, i) => console.log(`  user ${ids[i]}: ${outcome(result)}`));
}

main();
