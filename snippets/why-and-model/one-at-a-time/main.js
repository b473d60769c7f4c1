const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const start = performance.now();
const now = () => (performance.now() - start) / 1000;

async function ticker() {
  let last = 0;
  for (let i = 1; i <= 5; i++) {
    await sleep(200);
    const t = now();
    const late = t - last > 0.3 ? ` (due at ${(last + 0.2).toFixed(1)} s)` : "";
    console.log(`tick ${i} at ${t.toFixed(1)} s${late}`);
    last = t;
  }
}

async function cpuStep() {
  await sleep(300);
  console.log(`cpu: 0.6 s of computation starts at ${now().toFixed(1)} s`);
  const end = performance.now() + 600;
  while (performance.now() < end) {} // stands in for computing; no await, so nothing else runs
  console.log(`cpu: done at ${now().toFixed(1)} s`);
}

async function main() {
  await Promise.all([ticker(), cpuStep()]);
}

main();
