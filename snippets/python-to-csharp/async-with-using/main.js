const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A pretend database connection: opening and closing both take time.
class Connection {
  static async open() {
    await sleep(100);
    console.log("open");
    return new Connection();
  }

  async queryName(id) {
    await sleep(100);
    if (id !== 1) throw new Error(`no user ${id}`);
    return "Ada Lovelace";
  }

  async [Symbol.asyncDispose]() {
    await sleep(100); // e.g. tell the server goodbye
    console.log("close");
  }
}

// Node before 24 cannot parse `await using`, so each block below spells out
// the try/finally that `await using conn = await Connection.open();` stands for.
async function main() {
  const conn = await Connection.open();
  try {
    console.log(`user 1: ${await conn.queryName(1)}`);
  } finally {
    await conn[Symbol.asyncDispose]();
  }

  try {
    const conn2 = await Connection.open();
    try {
      await conn2.queryName(99);
    } finally {
      await conn2[Symbol.asyncDispose]();
    }
  } catch (e) {
    console.log(`error: ${e.message}`); // the connection was closed before we got here
  }
}

main();
