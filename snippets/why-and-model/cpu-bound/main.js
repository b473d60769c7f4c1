const { Worker, isMainThread, parentPort, workerData } = require("node:worker_threads");

const LIMIT = 5_000_000;
const CHUNKS = [0, 1, 2, 3].map((i) => [(i * LIMIT) / 4, ((i + 1) * LIMIT) / 4]);

function isPrime(n) { // plain trial division: pure CPU work
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

function countPrimes(lo, hi) {
  let count = 0;
  for (let n = lo; n < hi; n++) if (isPrime(n)) count++;
  return count;
}

async function countOnMainThread(i, lo, hi, events) {
  events.push(`start ${i}`);
  const count = countPrimes(lo, hi); // no await inside: nothing else runs meanwhile
  events.push(`end ${i}`);
  return count;
}

function countInWorker(lo, hi) { // this same file, run again on a new thread
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { lo, hi } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function main() {
  const sum = (counts) => counts.reduce((a, b) => a + b, 0);
  console.log(`primes below ${LIMIT.toLocaleString("en-US")}, counted three ways`);
  console.log(`sequential:     ${countPrimes(0, LIMIT)}, one thread`);

  const events = [];
  const counts = await Promise.all(CHUNKS.map(([lo, hi], i) => countOnMainThread(i + 1, lo, hi, events)));
  console.log(`Promise.all:    ${sum(counts)}, one chunk at a time: ${events.join(", ")}`);

  const parallel = await Promise.all(CHUNKS.map(([lo, hi]) => countInWorker(lo, hi)));
  console.log(`worker_threads: ${sum(parallel)}, chunks in parallel`);
}

if (isMainThread) {
  main();
} else {
  parentPort.postMessage(countPrimes(workerData.lo, workerData.hi)); // inside a worker
}
