// Permalinks for edited code: the source, compressed (deflate-raw) and base64url-encoded, in the
// URL fragment. The fragment never reaches the server, so shared code is not logged anywhere.
// Form: #edit/<example>/<variant>/<z|u>.<payload>   (z: compressed, u: plain UTF-8)

const PREFIX = "#edit/";

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream) {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

export async function encode(source) {
  const bytes = new TextEncoder().encode(source);
  if (typeof CompressionStream === "function") {
    return `z.${toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")))}`;
  }
  return `u.${toBase64Url(bytes)}`;
}

export async function decode(payload) {
  const [kind, dot, data] = [payload.slice(0, 1), payload.slice(1, 2), payload.slice(2)];
  // Checked before the data is read: a payload that is not in the form was not written here.
  if (dot !== "." || (kind !== "z" && kind !== "u")) throw new Error("unknown permalink format");
  let bytes = fromBase64Url(data);
  if (kind === "z") bytes = await pipe(bytes, new DecompressionStream("deflate-raw"));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** A link to `page` (by default this one) that opens `source` in the example's variant. */
export async function link(example, variant, source, page = location.href) {
  const url = new URL(page, location.href);
  url.hash = `${PREFIX.slice(1)}${encodeURIComponent(example)}/${encodeURIComponent(variant)}/${await encode(source)}`;
  return url.toString();
}

/** The shared edit in this page's URL, if there is one: {example, variant, source}. */
export async function fromLocation() {
  if (!location.hash.startsWith(PREFIX)) return null;
  const [example, variant, payload] = location.hash.slice(PREFIX.length).split("/");
  if (!example || !variant || !payload) return null;
  return {
    example: decodeURIComponent(example),
    variant: decodeURIComponent(variant),
    source: await decode(payload),
  };
}
