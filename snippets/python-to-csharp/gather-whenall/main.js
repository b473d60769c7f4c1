const NAMES = { 1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper" };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function getUser(id) {
  await sleep(1000); // one slow call
  return NAMES[id];
}

async function main() {
  let start = performance.now();
  const sequential = [];
  for (const id of [1, 2, 3]) sequential.push(await getUser(id)); // one after another
  console.log(`sequential: ${sequential.join(", ")} (took ${secondsSince(start)} s)`);

  start = performance.now();
  const concurrent = await Promise.all([getUser(1), getUser(2), getUser(3)]); // all at once
  console.log(`concurrent: ${concurrent.join(", ")} (took ${secondsSince(start)} s)`);
}

main();
