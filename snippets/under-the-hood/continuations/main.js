async function waiter(promise) {
  console.log("2. waiter: awaits a pending promise");
  const value = await promise;
  console.log(`5. microtask: waiter resumed with "${value}"`);
}

async function main() {
  console.log("1. main: start");
  setTimeout(() => console.log("7. macrotask: the setTimeout(0) callback runs last"), 0);

  let resolve;
  const pending = new Promise((r) => (resolve = r));
  waiter(pending); // runs at once, up to its await

  console.log("3. main: calls resolve()");
  resolve("hello"); // only queues the waiter's continuation as a microtask
  console.log("4. main: resolve() returned; the waiter has not run yet");

  const value = await 42; // not even a promise, yet main still waits for a microtask
  console.log(`6. microtask: main resumed after await 42, got ${value}`);
}

main();
