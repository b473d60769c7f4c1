// Node's promise-based setTimeout takes an AbortSignal and rejects when it aborts.
const { setTimeout: sleep } = require("node:timers/promises");

async function download(chunks, signal) {
  try {
    for (let chunk = 1; chunk <= chunks; chunk++) {
      await sleep(200, undefined, { signal }); // rejects with an AbortError on abort()
      console.log(`  chunk ${chunk} saved`);
    }
  } catch (e) {
    if (e.name === "AbortError") console.log("  cancelled while waiting");
    throw e; // pass it on, so the caller sees the abort too
  } finally {
    console.log("  clean-up: partial file removed");
  }
}

async function main() {
  const controller = new AbortController();
  const done = download(10, controller.signal);
  await sleep(500);
  console.log("cancel requested");
  controller.abort(); // only a request: code that takes the signal decides what to do
  try {
    await done;
  } catch (e) {
    console.log(`download cancelled: ${e.name === "AbortError"}`);
  }
}

main();
