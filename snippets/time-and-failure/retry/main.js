const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let calls = 0;

// Fails twice, then works: a stand-in for a service that is briefly down.
async function flakyFetch() {
  calls++;
  await sleep(100);
  if (calls < 3) throw new Error("service unavailable");
  return "report";
}

async function retry(operation, { attempts = 4, delayMs = 100 } = {}) {
  for (let attempt = 1; attempt < attempts; attempt++) {
    try {
      return await operation(); // `return await`, so a rejection is caught here
    } catch (e) {
      console.log(`attempt ${attempt} failed (${e.message}); retrying in ${(delayMs / 1000).toFixed(1)} s`);
      await sleep(delayMs);
      delayMs *= 2; // exponential backoff: 100, 200, 400 ms
    }
  }
  return operation(); // the last attempt: its rejection goes to the caller
}

async function main() {
  const result = await retry(flakyFetch);
  console.log(`got ${result} on attempt ${calls}`);
}

main();
