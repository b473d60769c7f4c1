const NAMES = { 1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper" };
const IDS = [1, 2, 3];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function getUser(id) {
  await sleep(500); // one slow call
  return NAMES[id];
}

async function main() {
  let start = performance.now();
  let names = [];
  for (const id of IDS) names.push(await getUser(id)); // each call waits for the one before
  console.log(`await in a loop: ${names.join(", ")} (took ${secondsSince(start)} s)`);

  start = performance.now();
  const promises = IDS.map((id) => getUser(id)); // map is eager and promises are hot: all start
  names = [];
  for (const promise of promises) names.push(await promise); // awaiting in order is fine now
  console.log(`map first, then await: ${names.join(", ")} (took ${secondsSince(start)} s)`);

  start = performance.now();
  names = await Promise.all(IDS.map((id) => getUser(id)));
  console.log(`Promise.all: ${names.join(", ")} (took ${secondsSince(start)} s)`);
}

main();
