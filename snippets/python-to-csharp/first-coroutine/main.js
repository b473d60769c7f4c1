// An async function. Calling it returns a Promise that is already
// running; awaiting the Promise gives back the user object.
async function getUser(id) {
  console.log(`fetching user ${id}...`);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the network round trip
  return { id, name: "Ada Lovelace", email: "ada@example.com" };
}

// Top-level await: a .js file with module syntax and no require() runs as an
// ES module on Node 22.7+ and 20.19+ (older Node needs .mjs or "type": "module").
const user = await getUser(1);
console.log(`got ${user.name} <${user.email}>`);
