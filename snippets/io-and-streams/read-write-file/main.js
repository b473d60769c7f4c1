const fs = require("node:fs/promises");
const os = require("node:os");
const path = require("node:path");

const CSV = "1,Ada Lovelace\n2,Alan Turing\n3,Grace Hopper\n";

async function main() {
  const file = path.join(os.tmpdir(), `users-${process.pid}.csv`);
  try {
    // Each call returns a Promise; libuv does the blocking work on its thread pool.
    await fs.writeFile(file, CSV, "utf8");
    const text = await fs.readFile(file, "utf8");
    const lines = text.split("\n").filter((line) => line !== "");
    console.log(`read ${lines.length} lines back:`);
    for (const line of lines) console.log(`  ${line}`);
  } finally {
    await fs.rm(file, { force: true });
    console.log("file deleted");
  }
}

main();
