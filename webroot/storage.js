// The browser's localStorage for the site's modules, never throwing: storage may be disabled
// (private windows, blocked cookies) or full, and the page must work without it.

/** The stored text at `key`, or null. */
export function load(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores text at `key`; null removes it. Quietly not kept where storage is unavailable. */
export function save(key, value) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* not saved; the page still works */
  }
}

/** The object stored as JSON at `key`, or null for anything else. */
export function loadJson(key) {
  const raw = load(key);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw);
    return value && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}
