import { type Log, logger } from "../../lib/log.ts";

/**
 * Delivery of an event's scoreboard messages to its sockets. Each message goes to every socket once, in
 * sequence order; what matters is what a send costs. On these runtimes a frame costs about the same
 * whatever its size (the runtime's pumps and a system call per socket), so with thousands of sockets one
 * message already keeps the object busy for tens of milliseconds. On a quiet event a message simply goes
 * to every socket at once. On a busy one, sending each message to every socket in turn would let
 * messages queue behind each other; instead a sweep walks the sockets a slice at a time, sending each
 * socket, in one frame, every message it has not had yet. A message that arrives mid-sweep goes out with
 * the sockets still ahead, and reaches the ones already passed on the next lap: no socket waits more
 * than one lap, however busy the event is, and a busy event sends fewer frames.
 *
 * After each lap the messages every socket has are dropped; when every socket has everything nothing is
 * kept, so an object that hibernates or is evicted in between wakes with nothing owed to anyone.
 */

/** Sockets sent to before a busy event's sweep lets other work (a shot, a new spectator) in. */
export const SOCKETS_PER_SLICE = 10;
/** Sweeps starting closer together than this mean a busy event. */
export const BUSY_GAP_MS = 250;
/** A socket far behind gets its messages over several frames, none much over this. */
export const MAX_FRAME_CHARS = 64 * 1024;

export interface Message {
  seq: number;
  text: string;
}

export interface FanoutPort {
  /** The event's open sockets, read once per lap. */
  sockets(): WebSocket[];
  /** False when the socket has closed meanwhile. */
  send(ws: WebSocket, text: string): boolean;
  /** Lets the runtime send what was queued and handle waiting requests. */
  pause(): Promise<void>;
  now(): number;
}

export class EventFanout {
  /** Messages some socket may still lack, in sequence order. */
  private messages: Message[] = [];
  /** Every socket not in `sent` has had all messages up to this number (null: none published yet). */
  private base: number | null = null;
  /** Sockets at a number other than `base`: set by a send, an accept or a snapshot. */
  private readonly sent = new Map<WebSocket, number>();
  /** Sockets a send failed on (closed meanwhile): passed over until nothing is owed. */
  private gone = new WeakSet<WebSocket>();
  private sweeping: Promise<void> | null = null;
  /** When the last sweep started. */
  private lastSweepAt = Number.NEGATIVE_INFINITY;
  /** Frame text per number a socket is at, for the messages as they are now. */
  private readonly frames = new Map<number, { text: string; upTo: number }>();

  constructor(
    private readonly port: FanoutPort,
    private readonly log: Log = logger({}),
  ) {}

  /** Queues the event's next message (numbers only increase) and starts a sweep if none runs. */
  publish(message: Message): void {
    // The first message since the object woke: every socket it already had was up to date.
    this.base ??= message.seq - 1;
    if (message.seq <= (this.messages.at(-1)?.seq ?? this.base)) return;
    this.messages.push(message);
    this.frames.clear();
    this.sweeping ??= this.sweep()
      .catch((err) => this.log.error("live: a scoreboard sweep failed", err))
      .finally(() => {
        this.sweeping = null;
      });
  }

  /** The socket has everything up to `seq`: it was accepted at it, or sent a snapshot of it. */
  caughtUp(ws: WebSocket, seq: number): void {
    const known = this.sent.get(ws) ?? this.base ?? Number.NEGATIVE_INFINITY;
    if (seq > known) this.sent.set(ws, seq);
  }

  /** Messages kept because some socket may still lack them. */
  get backlog(): number {
    return this.messages.length;
  }

  /** Resolves once no socket is owed a message. */
  settled(): Promise<void> {
    return this.sweeping ?? Promise.resolve();
  }

  private latest(): number {
    return this.messages.at(-1)?.seq ?? this.base ?? 0;
  }

  private at(ws: WebSocket): number {
    return this.sent.get(ws) ?? this.base ?? 0;
  }

  private async sweep(): Promise<void> {
    // Starts after the current turn, so the messages of one batch of shots leave together.
    await Promise.resolve();
    // A message that finds the event quiet goes to every socket at once, the cheapest way. On a busy
    // event laps go a slice at a time, so the next shots join the lap under way instead of queueing.
    const now = this.port.now();
    let slice = now - this.lastSweepAt < BUSY_GAP_MS ? SOCKETS_PER_SLICE : Number.POSITIVE_INFINITY;
    this.lastSweepAt = now;
    for (;;) {
      const sockets = this.port.sockets();
      for (let i = 0; i < sockets.length; i++) {
        const ws = sockets[i]!;
        if (this.at(ws) < this.latest() && !this.gone.has(ws)) {
          const frame = this.frameFrom(this.at(ws));
          if (this.port.send(ws, frame.text)) this.sent.set(ws, frame.upTo);
          else this.gone.add(ws);
        }
        if ((i + 1) % slice === 0 && i + 1 < sockets.length) await this.port.pause();
      }
      // Sockets passed early in the lap, or accepted during it, may lack what arrived meanwhile.
      if (!this.forgetDelivered(this.port.sockets())) return;
      slice = SOCKETS_PER_SLICE;
      await this.port.pause();
    }
  }

  /**
   * Drops what every open socket has (and closed sockets), so a busy event that is never quite done
   * does not pile up messages. Returns whether some socket is still owed a message.
   */
  private forgetDelivered(open: WebSocket[]): boolean {
    const latest = this.latest();
    let lowest = latest;
    const positions = new Map<WebSocket, number>();
    for (const ws of open) {
      if (this.gone.has(ws)) continue;
      const at = this.at(ws);
      positions.set(ws, at);
      if (at < lowest) lowest = at;
    }
    this.base = lowest;
    this.sent.clear();
    for (const [ws, at] of positions) if (at > lowest) this.sent.set(ws, at);
    this.messages = this.messages.filter((m) => m.seq > lowest);
    this.frames.clear();
    if (this.messages.length > 0) return true;
    this.gone = new WeakSet();
    return false;
  }

  /** The messages after `have`, joined, up to the frame limit (always at least one). */
  private frameFrom(have: number): { text: string; upTo: number } {
    const cached = this.frames.get(have);
    if (cached) return cached;
    let text = "";
    let upTo = have;
    for (const m of this.messages) {
      if (m.seq <= have) continue;
      if (text.length > 0 && text.length + m.text.length > MAX_FRAME_CHARS) break;
      text += m.text;
      upTo = m.seq;
    }
    const frame = { text, upTo };
    this.frames.set(have, frame);
    return frame;
  }
}
