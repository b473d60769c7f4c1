const BASE_URL = "http://127.0.0.1:8765";

async function getUser(id) {
  const response = await fetch(`${BASE_URL}/api/users/${id}`);
  // fetch only rejects on network errors; a 4xx or 5xx status must be checked.
  if (!response.ok) throw new Error(`user ${id}: HTTP ${response.status}`);
  return response.json();
}

async function main() {
  const users = await Promise.all([1, 2, 3].map((id) => getUser(id)));
  for (const user of users) console.log(`${user.id}: ${user.name}`);
}

main();
