// Node's promise-returning setTimeout: await it for a non-blocking delay.
const { setTimeout: sleep } = require("node:timers/promises");

async function brew(name, ms, start) {
  await sleep(ms);
  console.log(`  ${name} ready at ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function main() {
  console.log("sequential");
  let start = performance.now();
  await brew("tea", 1000, start);
  await brew("toast", 500, start); // starts only after the tea is done

  console.log("concurrent");
  start = performance.now();
  await Promise.all([brew("tea", 1000, start), brew("toast", 500, start)]);
}

main();
