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
  console.log("concurrent, Promise.all:");
  const t0 = performance.now();
  const spans = await Promise.all([wait(t0), wait(t0), wait(t0)]); // all three started at once
  spans.forEach(([start, end], i) => show(i + 1, start, end));
  console.log(`  took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
