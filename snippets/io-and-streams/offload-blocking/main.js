const { Worker, isMainThread, parentPort, workerData } = require("node:worker_threads");

const NAMES = { 1: "Ada Lovelace", 2: "Alan Turing" };
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

// A synchronous library call, e.g. a native addon: it blocks its thread for 1 s.
function legacyLookup(id) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000); // a synchronous sleep
  return NAMES[id];
}

// Looks async, but the blocking call runs on the event loop before the Promise comes back.
async function lookupBlocking(id) {
  return legacyLookup(id);
}

// Runs the call in a worker thread: this same file, started again with workerData = id.
function lookupOffloaded(id) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: id });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function main() {
  for (const [label, lookup] of [["blocking", lookupBlocking], ["offloaded", lookupOffloaded]]) {
    const start = performance.now();
    const names = await Promise.all([lookup(1), lookup(2)]);
    console.log(`${label}: ${names.join(", ")} (took ${secondsSince(start)} s)`);
  }
}

if (isMainThread) {
  main();
} else {
  parentPort.postMessage(legacyLookup(workerData)); // in a worker: do the call, send the result back
}
