const saved = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @returns {Promise<void>} */
async function save(name) {
  await sleep(100); // stands in for a database write
  saved.push(name);
}

const show = (label) => console.log(`${label}: [${saved.join(", ")}]`);

async function main() {
  // Forgot await: the Promise starts at once and runs unsupervised.
  // Node says nothing; a linter rule such as no-floating-promises catches it.
  save("Ada");
  show("right after the call");
  await sleep(500);
  show("half a second later");
  await save("Alan");
  show("after awaiting save");
}

main();
