const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchUser() {
  console.log("fetchUser: waits 0.1 s");
  await sleep(100);
  console.log("fetchUser: resumed, returns");
  return "Ada Lovelace";
}

async function loadUser() {
  console.log("loadUser: calls fetchUser()");
  const promise = fetchUser();
  console.log("loadUser: got a pending Promise, awaits it");
  const name = await promise;
  console.log(`loadUser: resumed with ${name}`);
  return name;
}

async function handle() {
  console.log("handle: calls loadUser()");
  const promise = loadUser();
  console.log("handle: got a pending Promise, awaits it");
  const name = await promise;
  console.log(`handle: resumed with ${name}`);
  return name;
}

async function main() {
  const promise = handle();
  console.log("main: got a pending Promise; every level is suspended");
  console.log(`main: ${await promise}`);
}

main();
