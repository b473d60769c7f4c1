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

const promise = main(); // runs main at once, up to its first await
console.log(`main() returned a ${promise.constructor.name}; main is already running`);

// Top-level await: this file uses module syntax and no require(), so Node
// 22.7+ and 20.19+ run it as an ES module (older Node needs .mjs or
// "type": "module" in package.json; as CommonJS it is a SyntaxError).
const result = await promise;
console.log(`await returned: ${result}`);
// Node keeps running until no timers or I/O are left, so the late task finishes.
