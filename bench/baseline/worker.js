// Baseline for `npm run bench:fanout`: one Durable Object accepts hibernating sockets on GET /socket and, on
// POST /broadcast, sends the request body to every socket, its first characters replaced by the message's
// sequence number ("17|...", same length), numbered in the order the object handles them, as Tenring's
// are. The number is kept in the object's storage (one small write per message, as Tenring writes each
// shot): an in-memory counter would restart whenever the runtime evicts the hibernating object. No
// rendering, no auth, no reads: what is left is the platform's own cost of a request, a write and a
// fan-out, to compare Tenring against.
import { DurableObject } from "cloudflare:workers";

export class Hub extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)");
  }

  async fetch(request) {
    if (request.headers.get("Upgrade")?.toLowerCase() === "websocket") {
      const { 0: client, 1: server } = new WebSocketPair();
      this.ctx.acceptWebSocket(server);
      return new Response(null, { status: 101, webSocket: client });
    }
    if (request.method !== "POST") return new Response("POST /broadcast or GET /socket", { status: 404 });
    const body = await request.text();
    const seq = this.ctx.storage.sql
      .exec("INSERT INTO counter (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = seq + 1 RETURNING seq")
      .one().seq;
    const head = `${seq}|`;
    const message = head + body.slice(head.length);
    let sent = 0;
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(message);
        sent += 1;
      } catch {
        // Closed meanwhile.
      }
    }
    return Response.json({ seq, sent });
  }

  async webSocketMessage() {}

  async webSocketClose(ws, code, reason) {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }
}

export default {
  fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path !== "/socket" && path !== "/broadcast") return new Response("Not found", { status: 404 });
    return env.HUB.get(env.HUB.idFromName("fanout")).fetch(request);
  },
};
