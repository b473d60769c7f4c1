const { once } = require("node:events");
const { Worker } = require("node:worker_threads");
const { setTimeout: sleep } = require("node:timers/promises");

// A truly blocking call: Atomics.wait stops the calling thread for `ms`.
function sleepBlocking(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// A worker thread has its own event loop. This one runs the same blocking
// call whenever it gets a message, and answers when it is done.
const worker = new Worker(
  `const { parentPort } = require("node:worker_threads");
   parentPort.on("message", (ms) => {
     (${sleepBlocking})(ms);
     parentPort.postMessage("done");
   });`,
  { eval: true },
);

function sleepInWorker(ms) {
  worker.postMessage(ms);
  return once(worker, "message");
}

async function countTicks(label, work) {
  let ticks = 0;
  const heartbeat = setInterval(() => ticks++, 300); // tries to tick every 0.3 s
  const start = performance.now();
  await work();
  clearInterval(heartbeat);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`${label.padEnd(26)} took ${seconds} s, heartbeat ticked ${ticks} times`);
}

async function main() {
  await once(worker, "online"); // the worker thread has started
  await countTicks("sleepBlocking(1000)", async () => sleepBlocking(1000)); // the loop waits
  await countTicks("await sleep(1000)", () => sleep(1000)); // the loop runs on
  await countTicks("await sleepInWorker(1000)", () => sleepInWorker(1000));
  await worker.terminate();
}

main();
