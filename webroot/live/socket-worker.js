// A SharedWorker that holds one WebSocket for every page and widget of this playground open in
// the browser, so ten widgets on one docs page cost the server one connection, not ten. Pages
// talk to it through SharedConnection (socket.js): "open", "run", "cancel", "bye"; it answers
// with "state" and "event" messages.

import { Connection } from "./socket.js";

let connection = null;
const ports = new Set();
const runs = new Map(); // run id -> { port, handle }

function broadcast(state) {
  for (const port of ports) port.postMessage({ op: "state", state });
}

globalThis.onconnect = (event) => {
  const port = event.ports[0];
  ports.add(port);
  port.onmessage = (message) => {
    const data = message.data;
    if (data.op === "open") {
      if (!connection) {
        connection = new Connection(data.url);
        connection.onState(broadcast);
        connection.connect();
      }
      port.postMessage({ op: "state", state: connection.state });
    } else if (data.op === "run" && connection) {
      const handle = connection.run(data.request, (ev) => {
        if (ev.type === "exit" || ev.type === "error") runs.delete(data.id);
        port.postMessage({ op: "event", id: data.id, event: { ...ev, id: data.id } });
      });
      runs.set(data.id, { port, handle });
    } else if (data.op === "cancel") {
      runs.get(data.id)?.handle.cancel();
    } else if (data.op === "bye") {
      ports.delete(port);
      for (const [id, run] of runs) {
        if (run.port === port) {
          run.handle.cancel();
          runs.delete(id);
        }
      }
    }
  };
  port.start();
};
