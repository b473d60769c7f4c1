const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const NAMES = { 1: "Ada Lovelace", 3: "Grace Hopper" };

async function getUser(id, ms) {
  await sleep(ms);
  if (!(id in NAMES)) throw new Error(`no user ${id}`);
  return NAMES[id];
}

// Users 99 and 98 do not exist; user 3 is the slowest.
const jobs = () => [getUser(1, 100), getUser(99, 200), getUser(98, 300), getUser(3, 400)];

async function main() {
  // One await: the rejection comes out of it as an exception.
  try {
    await getUser(99, 100);
  } catch (e) {
    console.log(`try/catch: ${e.message}`);
  }

  // Promise.all rejects at the first rejection; the others keep running.
  const start = performance.now();
  try {
    await Promise.all(jobs());
  } catch (e) {
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(`Promise.all rejected after ${seconds} s: ${e.message}`);
  }

  // Promise.allSettled never rejects: it reports how each promise ended.
  const outcomes = await Promise.allSettled(jobs());
  const described = outcomes.map((o) => (o.status === "fulfilled" ? o.value : `error: ${o.reason.message}`));
  console.log(`allSettled: ${described.join(", ")}`);
}

main();
