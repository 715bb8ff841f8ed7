/**
 * The spectators of `npm run bench:fanout`: many WebSocket clients that record, per message, when it
 * reached the first and the last of them, and whether each one got every message once and in order.
 * By default they are raw sockets that offer no compression (see raw-socket.ts); with `deflate` they are
 * Node's own WebSocket, which offers permessage-deflate as browsers do.
 */
import { RawWebSocket } from "./raw-socket.ts";

export interface Delivery {
  first: number;
  last: number;
  sockets: number;
}

export interface CrowdReport {
  sockets: number;
  dropped: number;
  /** Messages every socket received, in order, none missing or repeated. */
  complete: number;
  lost: number;
  outOfOrder: number;
  /** Frames that carried numbered messages, over all sockets (fewer than messages when the server batches). */
  frames: number;
  /** The extension the server accepted on the first socket ("" when none). */
  extensions: string;
}

/**
 * The numbered messages in one frame, in order, with where each starts; empty for anything else. Under
 * load Tenring sends a socket everything it has not had yet in one frame, so a frame may hold several.
 */
export type SeqReader = (frame: Buffer) => { seq: number; start: number }[];

/** A reader for frames whose messages each begin with `marker` followed by the number's digits. */
export function markedSeqs(marker: string): SeqReader {
  const needle = Buffer.from(marker, "latin1");
  return (frame) => {
    const found: { seq: number; start: number }[] = [];
    for (let at = frame.indexOf(needle); at >= 0; at = frame.indexOf(needle, at + needle.length)) {
      let seq = 0;
      let i = at + needle.length;
      for (; i < frame.length && frame[i]! >= 0x30 && frame[i]! <= 0x39; i++) seq = seq * 10 + frame[i]! - 0x30;
      if (i > at + needle.length) found.push({ seq, start: at });
    }
    return found;
  };
}

interface Spectator {
  close(): Promise<void>;
  extensions: string;
}

export class Crowd {
  private readonly sockets: Spectator[] = [];
  private readonly expected: number[] = [];
  private readonly received: number[] = [];
  private readonly deliveries = new Map<number, Delivery>();
  private readonly firstSeen = new Map<number, string>();
  private lost = 0;
  private frames = 0;
  private outOfOrder = 0;
  private dropped = 0;
  private closing = false;
  private base = 0;
  private waiters: { seq: number; resolve: () => void }[] = [];

  private readonly readSeq: SeqReader;
  private readonly deflate: boolean;

  constructor(readSeq: SeqReader, options: { deflate: boolean }) {
    this.readSeq = readSeq;
    this.deflate = options.deflate;
  }

  /** Opens `count` sockets, `parallel` handshakes at a time; throws if one fails within `timeoutMs`. */
  async open(url: string, count: number, parallel = 50, timeoutMs = 20_000): Promise<void> {
    let next = 0;
    const one = async () => {
      while (next < count) {
        next += 1;
        await this.connect(url, timeoutMs);
      }
    };
    await Promise.all(Array.from({ length: parallel }, one));
  }

  private async connect(url: string, timeoutMs: number): Promise<void> {
    const index = this.sockets.length;
    this.expected.push(0);
    this.received.push(0);
    if (!this.deflate) {
      const placeholder: Spectator = { extensions: "", close: async () => {} };
      this.sockets.push(placeholder);
      const raw = await RawWebSocket.open(url, {
        onMessage: (payload, at) => this.onMessage(index, payload, at),
        onClose: () => {
          if (!this.closing) this.dropped += 1;
        },
      }, timeoutMs);
      placeholder.close = async () => raw.close();
      return;
    }
    const ws = new WebSocket(url);
    this.sockets.push({
      get extensions() {
        return ws.extensions;
      },
      close: () =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.addEventListener("close", () => resolve());
          ws.close(1000, "bench done");
          setTimeout(resolve, 5_000);
        }),
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket ${index} did not open within ${timeoutMs} ms`)), timeoutMs);
      ws.addEventListener("open", () => {
        clearTimeout(timer);
        resolve();
      });
      ws.addEventListener("error", () => {
        clearTimeout(timer);
        reject(new Error(`socket ${index} failed to open`));
      });
    });
    ws.addEventListener("close", () => {
      if (!this.closing) this.dropped += 1;
    });
    ws.addEventListener("message", (evt) => {
      const at = performance.now();
      if (typeof evt.data === "string") this.onMessage(index, Buffer.from(evt.data), at);
    });
  }

  /** Messages numbered after `seq` count from now on. */
  startAt(seq: number): void {
    this.base = seq;
    this.expected.fill(seq + 1);
  }

  /** Each numbered message in the frame counts as delivered to this socket when the frame arrived. */
  private onMessage(index: number, frame: Buffer, at: number): void {
    const found = this.readSeq(frame);
    if (found.some((m) => m.seq > this.base)) this.frames += 1;
    for (let k = 0; k < found.length; k++) {
      const { seq, start } = found[k]!;
      if (seq <= this.base) continue;
      const want = this.expected[index]!;
      if (seq > want) this.lost += seq - want;
      if (seq < want) this.outOfOrder += 1;
      else this.expected[index] = seq + 1;
      this.received[index]! += 1;
      const d = this.deliveries.get(seq);
      if (!d) {
        this.deliveries.set(seq, { first: at, last: at, sockets: 1 });
        this.firstSeen.set(seq, frame.toString("utf8", start, found[k + 1]?.start ?? frame.length));
      } else {
        d.last = at;
        d.sockets += 1;
        if (d.sockets === this.sockets.length) this.wake();
      }
    }
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => {
      const done = (this.deliveries.get(w.seq)?.sockets ?? 0) >= this.sockets.length;
      if (done) w.resolve();
      return !done;
    });
  }

  /** Resolves once every socket has message `seq`, or after `timeoutMs`. */
  waitFor(seq: number, timeoutMs: number): Promise<void> {
    if ((this.deliveries.get(seq)?.sockets ?? 0) >= this.sockets.length) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push({
        seq,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  delivery(seq: number): Delivery | undefined {
    return this.deliveries.get(seq);
  }

  /** The first copy of a message, to read what it was about. */
  message(seq: number): string | undefined {
    return this.firstSeen.get(seq);
  }

  /** Per socket: every message after the start, once, in order; `dropped`: sockets the server closed. */
  report(count: number): CrowdReport {
    const last = this.base + count;
    let complete = 0;
    for (let i = 0; i < this.sockets.length; i++) {
      if (this.expected[i] === last + 1 && this.received[i] === count) complete += 1;
    }
    // A message a socket never got at the end (nothing came after it) is lost too.
    const tailLost = this.expected.reduce((sum, e) => sum + Math.max(0, last + 1 - e), 0);
    return {
      sockets: this.sockets.length,
      complete,
      lost: this.lost + tailLost,
      outOfOrder: this.outOfOrder,
      extensions: this.sockets[0]?.extensions ?? "",
      dropped: this.dropped,
      frames: this.frames,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.sockets.map((ws) => ws.close()));
  }
}

/** p50 and p99 (nearest rank) of a list of milliseconds. */
export function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? Number.NaN };
}
