const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function lateTask() {
  await sleep(500);
  console.log("late task: done");
}

async function main() {
  lateTask(); // started, never awaited
  await sleep(100);
  console.log("main: done");
  return "result of main";
}

// A .js file run by node is CommonJS: `await main()` out here is a SyntaxError.
// (An ES module, .mjs or "type": "module", allows top-level await.)
const promise = main(); // runs main at once, up to its first await
console.log(`main() returned a ${promise.constructor.name}; main is already running`);
promise.then((result) => console.log(`main resolved: ${result}`));
// Node keeps running until no timers or I/O are left, so the late task finishes.
