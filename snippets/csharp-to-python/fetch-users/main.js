const BASE_URL = "http://127.0.0.1:8765";

async function getUser(id) {
  // ?delay=500: the demo API waits half a second before it answers.
  const response = await fetch(`${BASE_URL}/api/users/${id}?delay=500`);
  // fetch rejects only on network errors; a 4xx or 5xx status must be checked.
  if (!response.ok) throw new Error(`user ${id}: HTTP ${response.status}`);
  return response.json();
}

async function main() {
  // Three fetch calls start three requests at once; Promise.all waits for all.
  const users = await Promise.all([1, 2, 3].map((id) => getUser(id)));
  for (const user of users) console.log(`${user.id}: ${user.name} <${user.email}>`);
}

main();
