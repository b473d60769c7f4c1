const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Without this handler, Node (15 and later) prints the error to stderr and
// exits with code 1 as soon as a rejected Promise has no handler.
process.on("unhandledRejection", (reason) => {
  console.log(`unhandledRejection: ${reason.message}`);
});

async function sendWelcome(email) {
  await sleep(100); // stands in for talking to a mail server
  throw new Error(`mail server refused ${email}`);
}

async function main() {
  sendWelcome("ada@example.com"); // fire and forget: the Promise rejects and nobody handles it
  await sleep(500);
  console.log("fire and forget: main saw no error");

  try {
    await sendWelcome("alan@example.com");
  } catch (e) {
    console.log(`awaited: caught ${e.name}: ${e.message}`);
  }
}

main();
