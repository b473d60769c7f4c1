const NAMES = { 1: "Ada Lovelace", 2: "Alan Turing" };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getName(id) {
  await sleep(100);
  return NAMES[id];
}

async function main() {
  console.log(`main: ${await getName(1)}`);
  return 0;
}

// A CommonJS file has no top-level await and nothing like asyncio.run:
// calling main() starts it, and Node exits once no timers or I/O are left.
const promise = main(); // runs up to its first await, then returns
console.log("sync code: main() returned a pending Promise");
// Sync code cannot block until a promise settles; it can only add a callback.
promise.then((code) => {
  console.log(`main resolved to ${code}`);
  process.exitCode = code;
});
