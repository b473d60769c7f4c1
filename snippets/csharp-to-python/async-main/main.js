const NAMES = { 1: "Ada Lovelace", 2: "Alan Turing" };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getName(id) {
  await sleep(100);
  return NAMES[id];
}

async function main() {
  console.log(`main: ${await getName(1)}`);
  // There is no GetResult() inside async code either: blocking this thread
  // would also stop the event loop that has to settle the promise.
  console.log(`inside async code, only await: ${await getName(2)}`);
  return 0;
}

// Sync code cannot block until a promise settles. It can start the work and
// attach callbacks, nothing more.
const pending = getName(2);
console.log(`sync code: getName(2) returned a pending ${pending.constructor.name}`);

// Top-level await: this file has module syntax and no require(), so Node
// 22.7+ and 20.19+ run it as an ES module, whose body may await, like an
// async Main. Node exits once no timers or I/O are left.
process.exitCode = await main();
