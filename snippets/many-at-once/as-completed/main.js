const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

async function download(name, ms) {
  await sleep(ms);
  return name;
}

// Yields the values of `promises` in the order they settle: Promise.race in a
// loop, dropping each winner before the next race.
async function* asCompleted(promises) {
  const pending = new Map(promises.map((p, i) => [i, p.then((value) => [i, value])]));
  while (pending.size > 0) {
    const [i, value] = await Promise.race(pending.values());
    pending.delete(i);
    yield value;
  }
}

async function main() {
  const start = performance.now();
  const jobs = [download("big", 300), download("small", 100), download("medium", 200)];
  for await (const name of asCompleted(jobs)) {
    console.log(`${name} done after ${secondsSince(start)} s`);
  }
}

main();
