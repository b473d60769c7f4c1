const BASE_URL = "http://127.0.0.1:8765";

async function fetchAndPrint(id, delayMs) {
  const response = await fetch(`${BASE_URL}/api/users/${id}?delay=${delayMs}`);
  // fetch only rejects on network errors; a 4xx or 5xx status must be checked.
  if (!response.ok) throw new Error(`user ${id}: HTTP ${response.status}`);
  const user = await response.json();
  console.log(`arrived: ${user.name}`);
  return user.name;
}

async function main() {
  // The server waits delayMs before it answers, so the replies come back in a different order.
  const names = await Promise.all([fetchAndPrint(1, 900), fetchAndPrint(2, 100), fetchAndPrint(3, 500)]);
  console.log(`in request order: ${names.join(", ")}`);
}

main();
