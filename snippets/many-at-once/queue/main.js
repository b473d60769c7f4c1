const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);
const ITEMS = 6;

// A small bounded async queue: put() waits while `capacity` items are queued,
// close() says no more will come, and `for await` takes items one by one,
// waiting while the queue is empty.
class AsyncQueue {
  #items = [];
  #capacity;
  #readers = []; // resolve functions of readers waiting for an item
  #writers = []; // resolve functions of writers waiting for room
  #closed = false;

  constructor(capacity) {
    this.#capacity = capacity;
  }

  async put(item) {
    while (this.#items.length >= this.#capacity) {
      await new Promise((resolve) => this.#writers.push(resolve)); // full: wait until a reader takes one
    }
    const reader = this.#readers.shift();
    if (reader) reader({ value: item, done: false });
    else this.#items.push(item);
  }

  close() {
    this.#closed = true;
    for (const reader of this.#readers.splice(0)) reader({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return {
      next: () => {
        if (this.#items.length > 0) {
          const value = this.#items.shift();
          this.#writers.shift()?.(); // there is room again: wake one waiting writer
          return Promise.resolve({ value, done: false });
        }
        if (this.#closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.#readers.push(resolve));
      },
    };
  }
}

async function produce(queue) {
  for (let item = 1; item <= ITEMS; item++) await queue.put(item); // waits while the queue is full
  queue.close(); // no more items: readers stop once the queue is empty
}

async function consume(queue, handled) {
  for await (const item of queue) {
    await sleep(300); // handling one item takes 0.3 s
    handled.push(item);
  }
}

async function run(consumers) {
  const queue = new AsyncQueue(2); // bounded, like the others
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
