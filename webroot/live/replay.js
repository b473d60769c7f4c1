// Plays back a recorded run of a bundled variant (GET /api/recordings/...) through the same
// interface as a live connection: each event is delivered at the time the program stamped it, so
// the console and the timeline unfold exactly as they did in the real run, without a server run.

/** The time, in ms after "started", at which an event happened; null for those before it. */
function stamp(event) {
  switch (event.type) {
    case "stdout":
    case "stderr":
      return event.t;
    case "span-start":
      return event.start;
    case "span-end":
      return event.end;
    case "exit":
      return event.wallMs;
    default:
      return null;
  }
}

export class Replay {
  /** @param {string} url where the recording is */
  constructor(url) {
    this.url = url;
  }

  run(_request, onEvent) {
    const timers = [];
    let over = false;
    const finish = (event) => {
      if (over) return;
      over = true;
      timers.forEach(clearTimeout);
      onEvent(event);
    };
    fetch(this.url)
      .then((response) =>
        response.json().then((body) => {
          if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
          return body;
        }),
      )
      .then((recording) => {
        if (over) return;
        let started = false;
        let at = 0;
        for (const event of recording.events) {
          if (event.type === "started") started = true;
          const time = started ? stamp(event) : null;
          at = Math.max(at, time ?? at);
          const deliver = () => {
            if (event.type === "exit" || event.type === "error") finish({ ...event, replayed: recording.recordedAt });
            else if (!over) onEvent(event);
          };
          if (!started || time === null) deliver();
          else timers.push(setTimeout(deliver, at));
        }
      })
      .catch((e) => {
        // "internal": a missing recording is the server's problem, not the reader's; Run live works.
        const message = `The recorded run could not be loaded (${e.message}). Try Run live.`;
        finish({ type: "error", reason: "internal", message });
      });
    return { id: "replay", cancel: () => finish({ type: "error", reason: "cancelled", message: "Cancelled." }) };
  }
}
