import type { Log } from "../../lib/log.ts";
import { currentRequestId } from "../request-scope.ts";
import { discipline } from "../../domain/scoring/index.ts";
import { helloSchema, snapshotMessage, updateMessage } from "./protocol.tsx";
import type { NamedRow, StandingRow } from "../contract/index.ts";
import type { LiveUpdate } from "../scoring/apply.ts";
import { EventFanout } from "./fanout.ts";
import { closeQuietly, send, wireText } from "./wire.ts";
import { CLOSE_POLICY, MESSAGE_WINDOW_MS, MESSAGES_PER_WINDOW, SNAPSHOT_INTERVAL_MS } from "./limits.ts";
import type { CompetitorNames, Name } from "../scoring/names.ts";
import { standingRows } from "../scoring/standings.ts";
import type { ScoringStore } from "../scoring/store.ts";

/** Largest client message read; clients only ever send a short hello. */
export const MAX_CLIENT_MESSAGE_BYTES = 1024;

/** Close codes (RFC 6455): neither is in htmx's reconnect list, so a misbehaving client stays away. */
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_TOO_BIG = 1009;

/**
 * What a socket carries through hibernation: only what is read back. (What each socket has been sent is
 * the fan-out's, in memory: after a wake every socket is taken to be up to date, and a client that is not
 * says so in its hello.)
 */
export interface SocketState {
  eventId: number;
  /** The request that opened the socket, named on the lines about it (src/object/request-scope.ts). */
  requestId?: string | undefined;
}

/** A snapshot of an event of another match shape: whose names it shows, and its markup at a sequence number. */
export interface OtherShapeSnapshot {
  userIds: number[];
  render: (seq: number, names: Map<number, Name>) => string;
}

export const eventTag = (eventId: number) => `event:${eventId}`;
/** One client address's sockets on one event, for the cap (a tag holds at most 256 characters). */
const clientTag = (eventId: number, address: string) => `client:${eventId}:${address.slice(0, 200)}`;

/**
 * How much one socket asked for lately. In memory only: a socket that keeps sending keeps the object awake,
 * and after hibernation every socket starts afresh.
 */
interface SocketUse {
  /** When its last snapshot went out (0: never). */
  snapshotAt: number;
  /** A snapshot is already promised for the end of the interval. */
  snapshotOwed: boolean;
  windowStart: number;
  messages: number;
}

const SOCKET_PATH = /\/live\/([1-9][0-9]{0,14})\/socket$/;

/** The id of the request that opened the socket ("socket" for one opened before ids were kept). */
export function socketRequestId(ws: WebSocket): string {
  const s = ws.deserializeAttachment() as Partial<SocketState> | null;
  return typeof s?.requestId === "string" ? s.requestId : "socket";
}

function stateOf(ws: WebSocket): SocketState | null {
  const s = ws.deserializeAttachment() as Partial<SocketState> | null;
  return s && typeof s.eventId === "number" ? { eventId: s.eventId } : null;
}


/**
 * Scoreboard sockets on the hibernation API. Nothing about sockets is kept in memory: the tag
 * (`event:<id>`) finds an event's sockets and the attachment holds each socket's state, so an object woken
 * from hibernation serves them as before. Messages are rendered through one queue, in sequence order, even
 * when a message first waits for D1 (a competitor's name seen for the first time), and reach the sockets
 * through each event's fan-out (fanout.ts).
 */
export class LiveHub {
  private queue: Promise<void> = Promise.resolve();
  /** Events whose competitors' names were looked for since the object (re)started. */
  private readonly namesLooked = new Set<number>();
  private readonly fanouts = new Map<number, EventFanout>();
  private readonly use = new WeakMap<WebSocket, SocketUse>();
  /** Snapshots of events of another match shape (practical shooting): null for an event that is not one. */
  otherShapes: ((eventId: number) => OtherShapeSnapshot | null) | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly store: ScoringStore,
    private readonly names: CompetitorNames,
    /** Sockets one client address may hold on one event (limits.ts). */
    private readonly socketsPerClient: number,
    private readonly log: Log,
  ) {}

  /** Accepts a scoreboard socket for the event named in the path (`.../live/<eventId>/socket`). */
  accept(request: Request): Response {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("This address takes a WebSocket connection.", { status: 426, headers: { Upgrade: "websocket" } });
    }
    const match = SOCKET_PATH.exec(new URL(request.url).pathname);
    const eventId = match ? Number(match[1]) : null;
    if (eventId === null || !this.store.event(eventId)) return new Response("No such event.", { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    // CF-Connecting-IP is set by Cloudflare's edge and forwarded by the Worker; "local" where there is no edge.
    const address = request.headers.get("CF-Connecting-IP")?.trim() || "local";
    const tag = clientTag(eventId, address);
    if (this.ctx.getWebSockets(tag).length >= this.socketsPerClient) {
      // Not accepted for hibernation: the socket is answered and closed at once, and never counted.
      server.accept();
      closeQuietly(server, CLOSE_POLICY, `Too many scoreboard connections from your address (${this.socketsPerClient} per event)`);
      return new Response(null, { status: 101, webSocket: client });
    }
    this.ctx.acceptWebSocket(server, [eventTag(eventId), tag]);
    server.serializeAttachment({ eventId, requestId: currentRequestId() } satisfies SocketState);
    this.fanout(eventId).caughtUp(server, this.store.seq(eventId));
    this.lookUpNames(eventId);
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * When the first spectator of an event arrives, copies the names the object lacks of the event's
   * competitors in the background, so a competitor's first shot does not wait for D1 before its message
   * goes out (each such wait holds every message behind it). Later entrants are fetched at their first shot.
   */
  private lookUpNames(eventId: number): void {
    if (this.namesLooked.has(eventId)) return;
    this.namesLooked.add(eventId);
    const { missing } = this.names.gaps(this.store.eventCards(eventId).map((c) => c.userId), Date.now());
    if (missing.length > 0) this.ctx.waitUntil(this.names.fetch(missing));
  }

  /** The event's fan-out: its sockets, and what each is still owed. */
  private fanout(eventId: number): EventFanout {
    let fanout = this.fanouts.get(eventId);
    if (!fanout) {
      const tag = eventTag(eventId);
      fanout = new EventFanout({
        sockets: () => this.ctx.getWebSockets(tag),
        send,
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        now: () => Date.now(),
      }, this.log.with({ eventId }));
      this.fanouts.set(eventId, fanout);
    }
    return fanout;
  }

  /**
   * One message per update, rendered once, after any earlier message, for every socket of its event.
   * Events nobody watches are skipped: a spectator who arrives later gets a snapshot.
   */
  publish(updates: LiveUpdate[]): void {
    if (updates.length === 0) return;
    this.enqueue(async () => {
      const events = new Set(updates.map((u) => u.eventId));
      const watchedEvents = new Set([...events].filter((id) => this.ctx.getWebSockets(eventTag(id)).length > 0));
      const watched = updates.filter((u) => watchedEvents.has(u.eventId));
      if (watched.length === 0) return;
      const names = await this.namesFor(watched.map((u) => u.row));
      for (const u of watched) {
        const text = wireText(updateMessage({ seq: u.seq, d: u.discipline, row: named(u.row, names), after: u.after, ranks: u.ranks }));
        this.fanout(u.eventId).publish({ seq: u.seq, text });
      }
    });
  }

  /**
   * A message of another match shape (practical shooting), rendered once the names it shows are at hand and
   * sent through the event's fan-out like a shot's. Events nobody watches are skipped.
   */
  publishRendered(eventId: number, seq: number, userIds: number[], render: (names: Map<number, Name>) => string): void {
    this.enqueue(async () => {
      if (this.ctx.getWebSockets(eventTag(eventId)).length === 0) return;
      const names = await this.namesOf(userIds);
      this.fanout(eventId).publish({ seq, text: wireText(render(names)) });
    });
  }

  /** A client message: only `{"type":"hello","seq":N}`; anything else closes the socket politely. */
  onMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    if (typeof message !== "string") return closeQuietly(ws, CLOSE_UNSUPPORTED, "Only text messages are accepted");
    if (message.length > MAX_CLIENT_MESSAGE_BYTES || new TextEncoder().encode(message).byteLength > MAX_CLIENT_MESSAGE_BYTES) {
      return closeQuietly(ws, CLOSE_TOO_BIG, `Messages are ${MAX_CLIENT_MESSAGE_BYTES} bytes at most`);
    }
    let hello;
    try {
      hello = helloSchema.safeParse(JSON.parse(message));
    } catch {
      hello = null;
    }
    const state = stateOf(ws);
    if (!hello?.success || !state) return closeQuietly(ws, CLOSE_UNSUPPORTED, 'Expected {"type":"hello","seq":N}');
    const use = this.usage(ws, Date.now());
    if (use.messages > MESSAGES_PER_WINDOW) {
      // Once per flood: messages already on their way still arrive after the close.
      if (use.messages === MESSAGES_PER_WINDOW + 1) this.log.warn("live: closed a scoreboard socket that sent too many messages", { eventId: state.eventId });
      return closeQuietly(ws, CLOSE_POLICY, `Too many messages: a scoreboard sends a hello only when it connects or misses an update`);
    }
    if (hello.data.seq !== this.store.seq(state.eventId)) this.snapshotWhenAllowed(ws, state.eventId, use);
  }

  /** Counts a message of the socket inside the current window. */
  private usage(ws: WebSocket, now: number): SocketUse {
    let use = this.use.get(ws);
    if (!use) {
      use = { snapshotAt: 0, snapshotOwed: false, windowStart: now, messages: 0 };
      this.use.set(ws, use);
    }
    if (now - use.windowStart > MESSAGE_WINDOW_MS) {
      use.windowStart = now;
      use.messages = 0;
    }
    use.messages += 1;
    return use;
  }

  /**
   * A snapshot now if the socket had none within the interval; otherwise one at the interval's end, however
   * many hellos arrive meanwhile (it brings the socket up to date as of then).
   */
  private snapshotWhenAllowed(ws: WebSocket, eventId: number, use: SocketUse): void {
    if (use.snapshotOwed) return;
    const wait = use.snapshotAt + SNAPSHOT_INTERVAL_MS - Date.now();
    const send = () => {
      use.snapshotOwed = false;
      // Closed meanwhile (or closed for flooding): nothing to render.
      if (ws.readyState !== WebSocket.OPEN) return;
      use.snapshotAt = Date.now();
      this.sendSnapshot(ws, eventId);
    };
    if (wait <= 0) return send();
    use.snapshotOwed = true;
    setTimeout(send, wait);
  }

  /** Completes the closing handshake the client started (reserved codes cannot be sent back). */
  onClose(ws: WebSocket, code: number, reason: string): void {
    const sendable = code === 1005 || code === 1006 || code === 1015 ? 1000 : code;
    closeQuietly(ws, sendable, reason);
  }

  onError(ws: WebSocket, error: unknown): void {
    this.log.error("live: scoreboard socket failed", error);
    closeQuietly(ws, 1011, "Socket error");
  }

  /** The whole standings with the event's current sequence number, to one socket. */
  private sendSnapshot(ws: WebSocket, eventId: number): void {
    this.enqueue(async () => {
      const event = this.store.event(eventId);
      const d = event ? discipline(event.discipline) : undefined;
      const other = d ? null : this.otherShapes?.(eventId);
      if (other) {
        const names = await this.namesOf(other.userIds);
        const seq = this.store.seq(eventId);
        if (send(ws, wireText(other.render(seq, names)))) this.fanout(eventId).caughtUp(ws, seq);
        return;
      }
      if (!d) return;
      await this.namesFor(standingRows(d, this.store.eventCards(eventId)));
      // Rows and sequence number are read together, after the only await, so they describe one moment.
      const rows = standingRows(d, this.store.eventCards(eventId));
      const seq = this.store.seq(eventId);
      const names = this.names.known(rows.map((r) => r.userId));
      if (send(ws, wireText(snapshotMessage(seq, d, rows.map((r) => named(r, names)))))) {
        this.fanout(eventId).caughtUp(ws, seq);
      }
    });
  }

  /** Names for the rows, fetching from D1 those the object has never seen. */
  private namesFor(rows: StandingRow[]) {
    return this.namesOf(rows.map((r) => r.userId));
  }

  private async namesOf(ids: number[]) {
    const { missing, stale } = this.names.gaps(ids, Date.now());
    if (missing.length > 0) await this.names.fetch(missing);
    if (stale.length > 0) this.ctx.waitUntil(this.names.fetch(stale));
    return this.names.known(ids);
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((err) => this.log.error("live: a scoreboard message failed", err));
  }
}

function named(row: StandingRow, names: Map<number, { name: string; club: string }>): NamedRow {
  const n = names.get(row.userId) ?? { name: "Competitor", club: "" };
  return { ...row, name: n.name, club: n.club };
}
