const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const lookup = (id) =>
  id === 1 ? Promise.resolve("Ada Lovelace") : Promise.reject(new Error(`no user ${id}`));

// The async function you would write:
//
//   async function getUser(id) {
//     await delay(100);
//     return await lookup(id);
//   }
//
// Before engines ran async functions natively, TypeScript and Babel compiled
// them to this: a generator (the body, which can pause at each yield) ...
function* getUserBody(id) {
  console.log("  body: started, awaiting delay(100)");
  yield delay(100);
  console.log(`  body: resumed, awaiting lookup(${id})`);
  return yield lookup(id);
}

// ... and a runner that resumes it each time an awaited promise settles.
function run(body, ...args) {
  return new Promise((resolve, reject) => {
    const gen = body(...args);
    function step(method, arg) {
      let result;
      try {
        result = gen[method](arg); // resume the body: next(value) or throw(error)
      } catch (e) {
        console.log(`  runner: the body threw, reject("${e.message}")`);
        reject(e);
        return;
      }
      if (result.done) {
        console.log(`  runner: the body returned, resolve("${result.value}")`);
        resolve(result.value);
        return;
      }
      console.log("  runner: the body paused; then() will resume it");
      Promise.resolve(result.value).then(
        (value) => step("next", value), // the continuation, run as a microtask
        (error) => step("throw", error),
      );
    }
    step("next", undefined);
  });
}

async function main() {
  for (const id of [1, 99]) {
    console.log(`getUser(${id}):`);
    const promise = run(getUserBody, id);
    console.log("  caller: got a Promise back");
    try {
      console.log(`  caller: await gave ${await promise}`);
    } catch (e) {
      console.log(`  caller: await threw "${e.message}"`);
    }
  }
}

main();
