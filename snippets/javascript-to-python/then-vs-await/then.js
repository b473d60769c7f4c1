const USERS = { 1: { id: 1, name: "Ada Lovelace", email: "ada@example.com" } };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function getUser(id) {
  return sleep(100).then(() => {
    if (!(id in USERS)) throw new Error(`no user ${id}`);
    return USERS[id];
  });
}

function sendWelcome(user) {
  return sleep(100).then(() => `welcome mail sent to ${user.email}`);
}

function welcome(id) {
  return getUser(id)
    .then((user) => sendWelcome(user)) // returning a promise from .then chains it
    .then((receipt) => console.log(receipt))
    .catch((e) => console.log(`error: ${e.message}`)); // any step's failure lands here
}

welcome(1).then(() => welcome(99));
