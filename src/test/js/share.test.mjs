// The share-link codec (webroot/live/share.js): edited code in a URL fragment and back, exactly.
// Node 20 has CompressionStream with "deflate-raw", so the compressed form is tested here as in a
// browser; the plain form ("u.") is tested by hiding CompressionStream, as an old browser would.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { decode, encode, fromLocation, link } from "../../../webroot/live/share.js";

const JAVA = `void main() throws Exception {
    try (var scope = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 3; i++) scope.submit(() -> Thread.sleep(1000));
    }
    IO.println("done");
}
`;

/** About 100 KiB of varied code: larger than any playground accepts. */
function largeSource() {
  const lines = [];
  for (let i = 0; lines.join("\n").length < 100 * 1024; i++) {
    lines.push(`    int value${i} = compute(${i * 7919 % 1000}, "${(i * 2654435761 % 4294967296).toString(36)}"); // ${i}`);
  }
  return `void main() {\n${lines.join("\n")}\n}\n`;
}

const SOURCES = [
  ["Java", JAVA],
  ["empty", ""],
  ["one character", "x"],
  ["accents", "IO.println(\"from a shared link, ünïcödé\");"],
  ["emoji, outside the BMP", "String s = \"🎉 👩‍💻 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\";"],
  ["CJK and right-to-left", "// 並行処理 · مرحبا · שלום\n"],
  ["characters base64 and URLs care about", "a+b/c=d?e#f&g%20h\u0000\t\r\n"],
  ["Windows line ends", "void main() {\r\n  IO.println(1);\r\n}\r\n"],
  ["large", largeSource()],
];

describe("encode and decode", () => {
  for (const [name, source] of SOURCES) {
    test(`round trip: ${name}`, async () => {
      const payload = await encode(source);
      assert.match(payload, /^z\.[A-Za-z0-9_-]*$/);
      assert.equal(await decode(payload), source);
    });
  }

  test("repetitive code is compressed", async () => {
    const source = largeSource();
    const payload = await encode(source);
    assert.ok(payload.length < source.length / 2, `${payload.length} for ${source.length} characters`);
  });
});

describe("the plain form, where CompressionStream is missing", () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "CompressionStream");
  const restore = () => Object.defineProperty(globalThis, "CompressionStream", saved);
  after(restore);

  for (const [name, source] of SOURCES) {
    test(`round trip: ${name}`, async () => {
      delete globalThis.CompressionStream;
      try {
        const payload = await encode(source);
        assert.match(payload, /^u\.[A-Za-z0-9_-]*$/);
        assert.equal(await decode(payload), source);
      } finally {
        restore();
      }
    });
  }

  test("a plain payload is base64url of the UTF-8, without padding", async () => {
    assert.equal(await decode("u.w7w"), "ü");
    assert.equal(await decode("u.aGk"), "hi");
    assert.equal(await decode("u.Pz4_"), "?>?"); // "/" and "+" are "_" and "-"
    assert.equal(await decode(`u.${Buffer.from(JAVA).toString("base64url")}`), JAVA);
  });
});

describe("malformed payloads are refused, never decoded into something else", () => {
  const cases = [
    ["empty", ""],
    ["no dot", "uxaGk"], // would read as "hi" if the dot were not checked
    ["a kind alone", "z"],
    ["an unknown kind", "x.aGk"],
    ["an upper-case kind", "U.aGk"],
    ["not base64", "u.!!!!"],
    ["an impossible length of base64", "u.A"],
    ["not deflate", "z.AAAA"],
    ["deflate cut short", null], // filled in below from a real payload
    ["not UTF-8", "u.__8"],
    ["a compressed payload read as plain", null],
  ];
  for (const [name, given] of cases) {
    test(name, async () => {
      let payload = given;
      if (name === "deflate cut short") payload = (await encode(JAVA)).slice(0, 20);
      if (name === "a compressed payload read as plain") payload = `u.${(await encode("ünïcödé ".repeat(20))).slice(2)}`;
      await assert.rejects(decode(payload));
    });
  }

  test("the reason for a payload of another form", async () => {
    await assert.rejects(decode("x.aGk"), /unknown permalink format/);
  });
});

describe("links in the page's address", () => {
  const hadLocation = Object.hasOwn(globalThis, "location");
  const at = (href) => {
    globalThis.location = new URL(href);
  };
  after(() => {
    if (!hadLocation) delete globalThis.location;
  });

  test("a link to the page, with the edit in the fragment, and back", async () => {
    at("https://play.example/lessons/why-and-model?x=1#three-waits");
    const url = await link("three-waits", "concurrent", JAVA);
    assert.match(url, /^https:\/\/play\.example\/lessons\/why-and-model\?x=1#edit\/three-waits\/concurrent\/z\.[A-Za-z0-9_-]+$/);
    at(url);
    assert.deepEqual(await fromLocation(), { example: "three-waits", variant: "concurrent", source: JAVA });
  });

  test("a widget links to its lesson page, not to itself", async () => {
    at("https://play.example/embed/why-and-model/three-waits");
    const url = await link("three-waits", "concurrent", "x", "https://docs.example/lessons/why-and-model");
    assert.ok(url.startsWith("https://docs.example/lessons/why-and-model#edit/three-waits/concurrent/z."), url);
  });

  test("names with slashes and spaces survive", async () => {
    at("https://play.example/lessons/a");
    const url = await link("an example/1", "vä riant", "ünïcödé");
    assert.equal(new URL(url).hash.split("/").length, 4);
    at(url);
    assert.deepEqual(await fromLocation(), { example: "an example/1", variant: "vä riant", source: "ünïcödé" });
  });

  const none = [
    ["no fragment", "https://play.example/lessons/a"],
    ["another fragment", "https://play.example/lessons/a#three-waits"],
    ["edit with nothing after it", "https://play.example/lessons/a#edit/"],
    ["no variant", "https://play.example/lessons/a#edit/three-waits"],
    ["no payload", "https://play.example/lessons/a#edit/three-waits/concurrent"],
    ["an empty payload", "https://play.example/lessons/a#edit/three-waits/concurrent/"],
    ["an empty example", "https://play.example/lessons/a#edit//concurrent/u.aGk"],
  ];
  for (const [name, href] of none) {
    test(`not a shared edit: ${name}`, async () => {
      at(href);
      assert.equal(await fromLocation(), null);
    });
  }

  const broken = [
    ["a payload of another form", "https://play.example/lessons/a#edit/three-waits/concurrent/q.aGk"],
    ["a damaged payload", "https://play.example/lessons/a#edit/three-waits/concurrent/z.AAAA"],
    ["a bad escape in a name", "https://play.example/lessons/a#edit/three-%E0%A4%A/concurrent/u.aGk"],
  ];
  for (const [name, href] of broken) {
    test(`a shared edit that cannot be read: ${name}`, async () => {
      at(href);
      await assert.rejects(fromLocation());
    });
  }
});
