const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function show(n, start, end) {
  const a = Math.round(start * 10); // in tenths of a second; one # per tenth
  const b = Math.round(end * 10);
  console.log(`  wait ${n}  ${(a / 10).toFixed(1)}-${(b / 10).toFixed(1)} s  ${" ".repeat(a)}${"#".repeat(b - a)}`);
}

async function wait(t0) {
  const start = (performance.now() - t0) / 1000;
  await sleep(1000); // suspends this function; the thread is free meanwhile
  return [start, (performance.now() - t0) / 1000];
}

async function main() {
  console.log("sequential, await in a loop:");
  const t0 = performance.now();
  for (const n of [1, 2, 3]) show(n, ...(await wait(t0))); // the next wait starts when this one ends
  console.log(`  took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
