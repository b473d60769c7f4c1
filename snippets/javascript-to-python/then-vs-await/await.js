const USERS = { 1: { id: 1, name: "Ada Lovelace", email: "ada@example.com" } };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getUser(id) {
  await sleep(100);
  if (!(id in USERS)) throw new Error(`no user ${id}`);
  return USERS[id];
}

async function sendWelcome(user) {
  await sleep(100);
  return `welcome mail sent to ${user.email}`;
}

async function welcome(id) {
  try {
    const user = await getUser(id);
    const receipt = await sendWelcome(user);
    console.log(receipt);
  } catch (e) {
    console.log(`error: ${e.message}`); // any step's failure lands here
  }
}

async function main() {
  await welcome(1);
  await welcome(99);
}

main();
