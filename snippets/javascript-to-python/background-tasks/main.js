const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getUser(id) {
  await sleep(1000);
  return "Ada Lovelace";
}

async function sendNotification(id) {
  await sleep(200);
  throw new Error("mail server is down");
}

// A promise runs whether or not anyone awaits it. Without a handler, a
// rejection would be unhandled, and Node would end the process.
function fireAndForget(promise) {
  promise.catch((e) => console.log(`  background job failed: ${e.message}`));
}

async function main() {
  const start = performance.now();
  const fetching = getUser(1); // already running
  fireAndForget(sendNotification(1)); // never awaited
  console.log("fetch started; 0.5 s of other work");
  await sleep(500);
  console.log("other work done; awaiting the fetch");
  const name = await fetching; // it has been running all along
  console.log(`got ${name} after ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

main();
