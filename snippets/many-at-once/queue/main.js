const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);
const ITEMS = 6;

// A small unbounded async queue: put() adds an item, close() says no more will
// come, and `for await` takes items one by one, waiting while the queue is empty.
class AsyncQueue {
  #items = [];
  #waiting = []; // resolve functions of readers waiting for an item
  #closed = false;

  put(item) {
    const reader = this.#waiting.shift();
    if (reader) reader({ value: item, done: false });
    else this.#items.push(item);
  }

  close() {
    this.#closed = true;
    for (const reader of this.#waiting.splice(0)) reader({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return {
      next: () => {
        if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift(), done: false });
        if (this.#closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.#waiting.push(resolve));
      },
    };
  }
}

async function produce(queue) {
  for (let item = 1; item <= ITEMS; item++) queue.put(item);
  queue.close();
}

async function consume(queue, handled) {
  for await (const item of queue) {
    await sleep(300); // handling one item takes 0.3 s
    handled.push(item);
  }
}

async function run(consumers) {
  const queue = new AsyncQueue();
  const handled = [];
  const start = performance.now();
  const workers = Array.from({ length: consumers }, () => consume(queue, handled));
  await Promise.all([produce(queue), ...workers]);
  const label = consumers === 1 ? "consumer" : "consumers";
  console.log(`${consumers} ${label}: ${handled.length} items in ${secondsSince(start)} s`);
}

async function main() {
  await run(1);
  await run(2);
}

main();
