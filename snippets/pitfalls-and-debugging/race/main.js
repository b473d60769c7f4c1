const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);

let balance = 0;

async function deposit(amount) {
  const current = balance; // read
  await sleep(100); // e.g. a round trip to the database: other code runs now
  balance = current + amount; // write, from a value that may be stale by now
}

// A mutex made of a promise chain: each caller starts when the one before it has ended.
function mutex() {
  let tail = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn);
    tail = run.catch(() => {}); // a failure must not block the callers after it
    return run;
  };
}

async function main() {
  let start = performance.now();
  await Promise.all(Array.from({ length: 5 }, () => deposit(10)));
  console.log(`no lock: 5 deposits of 10, balance ${balance} after ${secondsSince(start)} s`);

  balance = 0;
  const withLock = mutex();
  start = performance.now();
  await Promise.all(Array.from({ length: 5 }, () => withLock(() => deposit(10))));
  console.log(`promise-chain mutex: 5 deposits of 10, balance ${balance} after ${secondsSince(start)} s`);
}

main();
