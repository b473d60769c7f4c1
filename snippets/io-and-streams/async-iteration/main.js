const NAMES = { 1: "Ada Lovelace", 2: "Alan Turing", 3: "Grace Hopper" };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// An async generator function: async function* can await between values.
async function* users(ids) {
  for (const id of ids) {
    console.log(`fetching user ${id}`);
    await sleep(100); // stands in for one request per user
    yield NAMES[id];
  }
}

async function main() {
  for await (const name of users([1, 2, 3])) { // each step awaits next()
    console.log(`got ${name}`);
  }
  console.log("done");
}

main();
