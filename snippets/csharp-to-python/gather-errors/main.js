const NAMES = { 1: "Ada Lovelace", 3: "Grace Hopper" };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function getUser(id, ms) {
  await sleep(ms);
  if (!(id in NAMES)) throw new Error(`no user ${id}`);
  console.log(`  fetch ${id}: done`);
  return NAMES[id];
}

async function main() {
  console.log("Promise.all");
  let start = performance.now();
  try {
    await Promise.all([getUser(1, 1000), getUser(99, 500), getUser(3, 1500)]);
  } catch (e) {
    console.log(`  rejected after ${secondsSince(start)} s: ${e.message}`);
  }
  await sleep(1500); // nothing stopped fetch 1 and 3: watch them finish

  console.log("Promise.allSettled");
  start = performance.now();
  const results = await Promise.allSettled([getUser(1, 1000), getUser(99, 500), getUser(3, 1500)]);
  const summary = results.map((r) => (r.status === "fulfilled" ? r.value : `rejected: ${r.reason.message}`));
  console.log(`  settled after ${secondsSince(start)} s: ${summary.join(", ")}`);
}

main();
