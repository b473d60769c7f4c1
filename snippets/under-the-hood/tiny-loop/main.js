const start = performance.now();
const now = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;

// Blocks the thread; the real loop asks the OS to wait instead (libuv).
const blockFor = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));

// What a job yields to ask this loop for a timer.
const sleep = (ms) => ({ ms });

class TinyLoop {
  constructor() {
    this.ready = []; // generators that can run now
    this.timers = []; // { wakeAt, gen }, kept sorted by wake-up time
    this.steps = 0;
  }

  run(...gens) {
    this.ready.push(...gens);
    while (this.ready.length > 0 || this.timers.length > 0) {
      if (this.ready.length === 0) { // nothing to run: wait for the next timer
        const { wakeAt, gen } = this.timers.shift();
        blockFor(wakeAt - performance.now());
        this.ready.push(gen);
      }
      const gen = this.ready.shift();
      this.steps++;
      const { done, value } = gen.next(); // run it up to its next yield
      if (!done) {
        this.timers.push({ wakeAt: performance.now() + value.ms, gen });
        this.timers.sort((a, b) => a.wakeAt - b.wakeAt);
      }
    }
  }
}

function* job(name, ms) {
  console.log(`${name}: start at ${now()}`);
  yield sleep(ms);
  console.log(`${name}: done at ${now()}`);
}

const loop = new TinyLoop();
loop.run(job("A", 300), job("B", 100), job("C", 200));
console.log(`loop: ${loop.steps} next() calls on one thread, finished at ${now()}`);
