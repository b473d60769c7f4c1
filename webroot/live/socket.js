// One WebSocket per page, shared by every run on it: runs are multiplexed by id (docs/protocol.md).
// It connects when the page loads, keeps itself alive, and reconnects on its own with backoff.
// Runs that were in flight when the connection dropped were cancelled by the server; they end
// here with a local "error" so no pane waits forever.

const PING_EVERY_MS = 30_000;
const PONG_WITHIN_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

export class Connection {
  /** @param {string} url ws:// or wss:// URL of the playground's /ws */
  constructor(url) {
    this.url = url;
    this.socket = null;
    this.handlers = new Map(); // run id -> event handler, for runs not yet ended
    this.sent = new Set(); // run ids the server has seen
    this.outbox = []; // messages waiting for the socket to open
    this.attempt = 0;
    this.state = "closed";
    this.listeners = new Set();
    this.nextId = 1;
    this.pingTimer = 0;
    this.pongTimer = 0;
    this.retryTimer = 0;
    const soon = () => {
      if (this.state === "closed") this.connectNow();
    };
    // Also runs inside a SharedWorker, which has neither a window nor a document.
    globalThis.addEventListener("online", soon);
    if (typeof document !== "undefined") {
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") soon();
      });
    }
  }

  /** Calls fn(state) now and whenever the state changes: "connecting", "open" or "closed". */
  onState(fn) {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    for (const fn of this.listeners) fn(state);
  }

  connect() {
    if (this.socket) return;
    this.connectNow();
  }

  connectNow() {
    clearTimeout(this.retryTimer);
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    this.setState("connecting");
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.attempt = 0;
      this.setState("open");
      const waiting = this.outbox.splice(0);
      for (const message of waiting) this.transmit(message);
      this.schedulePing();
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearTimeout(this.pingTimer);
      clearTimeout(this.pongTimer);
      this.setState("closed");
      this.dropInFlight();
      this.retry();
    });
  }

  retry() {
    // Backoff with jitter, so a restarted server is not met by every reader at once.
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connectNow(), delay);
  }

  schedulePing() {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
      this.transmit({ type: "ping" });
      // A half-open connection (a sleeping laptop, a dropped proxy) never says it closed.
      this.pongTimer = setTimeout(() => this.socket && this.socket.close(), PONG_WITHIN_MS);
    }, PING_EVERY_MS);
  }

  /**
   * Starts a run. onEvent receives every event of it, the last being "exit" or "error".
   * @returns {{id: string, cancel: () => void}}
   */
  run(request, onEvent) {
    const id = `r${this.nextId++}`;
    this.handlers.set(id, onEvent);
    this.send({ ...request, type: "run", id });
    return {
      id,
      cancel: () => {
        if (!this.handlers.has(id)) return;
        if (this.sent.has(id)) {
          this.send({ type: "cancel", id });
        } else {
          // Never left the page: drop it here. The reader asked for this, so it is "cancelled".
          this.outbox = this.outbox.filter((m) => m.id !== id);
          this.finish(id, { type: "error", id, reason: "cancelled", message: "Cancelled.", local: true });
        }
      },
    };
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.transmit(message);
    } else {
      this.outbox.push(message);
      this.connect();
    }
  }

  transmit(message) {
    this.socket.send(JSON.stringify(message));
    if (message.type === "run") this.sent.add(message.id);
  }

  receive(data) {
    let event;
    try {
      event = JSON.parse(data);
    } catch {
      return;
    }
    if (!event || typeof event !== "object") return;
    // Any message proves the connection is alive.
    clearTimeout(this.pongTimer);
    this.schedulePing();
    if (event.type === "pong") return;
    const handler = typeof event.id === "string" ? this.handlers.get(event.id) : undefined;
    if (!handler) {
      if (event.type === "error") console.warn("playground:", event.message);
      return;
    }
    if (event.type === "exit" || event.type === "error") this.finish(event.id, event);
    else handler(event);
  }

  finish(id, event) {
    const handler = this.handlers.get(id);
    this.handlers.delete(id);
    this.sent.delete(id);
    if (handler) handler(event);
  }

  dropInFlight() {
    for (const id of Array.from(this.sent)) {
      // "worker-lost", not "cancelled": the reader did not stop this run, and running it again is
      // the answer, as when a worker dies; the phase line shows this message. Not "internal": a
      // dropped connection (a proxy, a sleeping laptop) is no fault of the server.
      this.finish(id, {
        type: "error",
        id,
        reason: "worker-lost",
        message: "The connection to the playground was lost, so the run was stopped. Run it again.",
        local: true,
      });
    }
  }
}

/** The /ws URL for a page served under base (a path such as "" or "/course"). */
export function socketUrl(base) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${base}/ws`;
}

/**
 * The connection for this page: one WebSocket shared, through a SharedWorker, by every widget and
 * page of this playground open in the browser (several widgets on one docs page share it). Where
 * SharedWorker is missing (Chrome on Android), the page opens its own.
 */
export function pageConnection(base, workerUrl) {
  const url = socketUrl(base);
  if (typeof SharedWorker === "function") {
    try {
      return new SharedConnection(new SharedWorker(workerUrl, { type: "module", name: `polyglot-playground ${url}` }), url);
    } catch {
      /* blocked (a sandboxed frame, say): fall through */
    }
  }
  const connection = new Connection(url);
  connection.connect();
  return connection;
}

/** The same interface as Connection, over a port to the worker that holds the real one. */
export class SharedConnection {
  constructor(worker, url) {
    this.port = worker.port;
    this.handlers = new Map();
    this.listeners = new Set();
    this.state = "connecting";
    this.nextId = 1;
    this.prefix = `${Math.random().toString(36).slice(2, 8)}-`;
    this.port.onmessage = (message) => {
      const data = message.data;
      if (data.op === "state") {
        this.state = data.state;
        for (const fn of this.listeners) fn(data.state);
      } else if (data.op === "event") {
        const handler = this.handlers.get(data.id);
        if (!handler) return;
        if (data.event.type === "exit" || data.event.type === "error") this.handlers.delete(data.id);
        handler(data.event);
      }
    };
    this.port.start();
    this.port.postMessage({ op: "open", url });
    // Runs of a page that goes away are cancelled, as when its own socket would close.
    globalThis.addEventListener("pagehide", () => this.port.postMessage({ op: "bye" }));
  }

  connect() {}

  onState(fn) {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  run(request, onEvent) {
    const id = `${this.prefix}${this.nextId++}`;
    this.handlers.set(id, onEvent);
    this.port.postMessage({ op: "run", id, request });
    return { id, cancel: () => this.port.postMessage({ op: "cancel", id }) };
  }
}
