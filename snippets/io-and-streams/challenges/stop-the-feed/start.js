// playground:hide-start
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const TOTALS = [40, 75, 130, 20, 210, 55, 35, 90, 15, 60];

// A live feed: connects, yields one order every 0.3 s, disconnects in finally.
async function* orders() {
  console.log("feed: connected");
  try {
    for (let i = 0; i < TOTALS.length; i++) {
      await sleep(300); // waits for the next order to arrive
      yield { id: i + 1, total: TOTALS[i] };
    }
  } finally {
    console.log("feed: disconnected");
  }
}

// playground:hide-end
async function main() {
  for await (const order of orders()) {
    console.log(`order ${order.id}: ${order.total} EUR`);
  }
  console.log("feed ended");
}

main();
