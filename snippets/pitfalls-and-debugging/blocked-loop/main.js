const { performance } = require("node:perf_hooks");

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

// A synchronous wait, like a blocking library call or a long computation.
function blockFor(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function run(label, pause) {
  const start = performance.now();
  const usage = performance.eventLoopUtilization(); // how busy the loop is from here on
  const timer = new Promise((resolve) =>
    setTimeout(() => {
      console.log(`${label}: timer due at 0.1 s ran at ${secondsSince(start)} s`);
      resolve();
    }, 100),
  );
  await pause(); // then one second of "work"
  await timer;
  const busy = performance.eventLoopUtilization(usage).utilization;
  // In rough terms: the exact share moves a few percent with the machine and what else it runs.
  const share = busy > 0.9 ? "nearly all" : busy < 0.1 ? "almost none" : `${Math.round(busy * 100)}%`;
  console.log(`  event loop busy ${share} of the time`);
}

async function main() {
  await run("blocking wait", async () => blockFor(1000)); // wrong: holds the event loop
  await run("await sleep", () => sleep(1000)); // gives the loop back while it waits
}

main();
