// One WebSocket per page, shared by every run on it: runs are multiplexed by id (design §5).
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
    window.addEventListener("online", soon);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") soon();
    });
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
    window.clearTimeout(this.retryTimer);
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
      window.clearTimeout(this.pingTimer);
      window.clearTimeout(this.pongTimer);
      this.setState("closed");
      this.dropInFlight();
      this.retry();
    });
  }

  retry() {
    // Backoff with jitter, so a restarted server is not met by every reader at once.
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt += 1;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connectNow(), delay);
  }

  schedulePing() {
    window.clearTimeout(this.pingTimer);
    this.pingTimer = window.setTimeout(() => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
      this.transmit({ type: "ping" });
      // A half-open connection (a sleeping laptop, a dropped proxy) never says it closed.
      this.pongTimer = window.setTimeout(() => this.socket && this.socket.close(), PONG_WITHIN_MS);
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
          // Never left the page: drop it here.
          this.outbox = this.outbox.filter((m) => m.id !== id);
          this.finish(id, { type: "error", id, message: "Cancelled.", local: true });
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
    window.clearTimeout(this.pongTimer);
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
      this.finish(id, {
        type: "error",
        id,
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
