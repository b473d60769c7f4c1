const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getUser(id) {
  console.log(`  fetch ${id}: started`); // runs before the call returns
  await sleep(1000);
  return "Ada Lovelace";
}

async function main() {
  const start = performance.now();
  const promise = getUser(1); // already running
  console.log("called getUser(1); now 1 s of other work");
  await sleep(1000);
  console.log("other work done; awaiting");
  const name = await promise; // it has been running during the other work
  const seconds = (performance.now() - start) / 1000;
  console.log(`got ${name} after ${seconds.toFixed(1)} s`);
}

main();
