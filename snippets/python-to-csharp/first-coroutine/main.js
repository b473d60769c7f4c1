// An async function. Calling it returns a Promise that is already
// running; awaiting the Promise gives back the user object.
async function getUser(id) {
  console.log(`fetching user ${id}...`);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the network round trip
  return { id, name: "Ada Lovelace", email: "ada@example.com" };
}

// A .js file run by node is CommonJS, where top-level await is not
// allowed, so the awaiting happens inside an async main().
async function main() {
  const user = await getUser(1);
  console.log(`got ${user.name} <${user.email}>`);
}

main();
