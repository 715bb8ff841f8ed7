import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { ORIGIN } from "./http.ts";

/** How long a test waits for a socket's next message or its close before failing with a clear error. */
const SOCKET_WAIT_MS = 2_000;

/** Settles as `promise` does, or rejects with `what` named once `ms` pass (the wait never hangs the test). */
function withinTimeout<T>(promise: Promise<T>, what: string, ms = SOCKET_WAIT_MS, onTimeout?: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer ?? undefined));
}

const MARKER = '<hx-partial hx-target="#live-seq" hx-swap="outerHTML"><data id="live-seq" value="';

/** A frame's messages: a busy object sends a socket everything it lacks in one frame. */
export function messagesIn(frame: string): string[] {
  const starts: number[] = [];
  for (let at = frame.indexOf(MARKER); at >= 0; at = frame.indexOf(MARKER, at + 1)) starts.push(at);
  if (starts[0] !== 0) return [frame];
  return starts.map((start, i) => frame.slice(start, starts[i + 1]));
}

/** The sequence marker every message starts with. */
export function marker(message: string): { seq: number; kind: string } {
  const m = /^<hx-partial hx-target="#live-seq" hx-swap="outerHTML"><data id="live-seq" value="(\d+)" data-kind="(\w+)">/.exec(message);
  if (!m) throw new Error(`no sequence marker in ${message.slice(0, 120)}`);
  return { seq: Number(m[1]), kind: m[2]! };
}

/**
 * The test's end of a scoreboard socket: frames and the messages in them in arrival order, and its close.
 * Every wait (`next`, `seqs`, `closed`) rejects after SOCKET_WAIT_MS instead of hanging.
 */
export class Viewer {
  readonly frames: string[] = [];
  private readonly inbox: string[] = [];
  private readonly waiting: ((message: string) => void)[] = [];
  private readonly closing: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (evt) => {
      const text = typeof evt.data === "string" ? evt.data : "(binary)";
      this.frames.push(text);
      for (const message of messagesIn(text)) {
        const waiter = this.waiting.shift();
        if (waiter) waiter(message);
        else this.inbox.push(message);
      }
    });
    this.closing = new Promise((resolve) => ws.addEventListener("close", (evt) => resolve({ code: evt.code, reason: evt.reason })));
    ws.accept();
  }

  /** The close code and reason the server sent. */
  get closed(): Promise<{ code: number; reason: string }> {
    return withinTimeout(this.closing, "the socket to close");
  }

  /** The next message, whichever frame it came in. */
  next(): Promise<string> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    let waiter: (message: string) => void = () => {};
    const arrived = new Promise<string>((resolve) => {
      waiter = resolve;
      this.waiting.push(waiter);
    });
    const forget = () => {
      const at = this.waiting.indexOf(waiter);
      if (at >= 0) this.waiting.splice(at, 1);
    };
    return withinTimeout(arrived, `a socket message (${this.frames.length} frames so far)`, SOCKET_WAIT_MS, forget);
  }

  /** The sequence numbers of the next `count` messages. */
  async seqs(count: number): Promise<number[]> {
    const seen: number[] = [];
    while (seen.length < count) seen.push(marker(await this.next()).seq);
    return seen;
  }

  send(message: string | ArrayBuffer) {
    this.ws.send(message);
  }
}

export function socketUrl(slug: string, eventId: number) {
  return `${ORIGIN}/t/${slug}/live/${eventId}/socket`;
}

let spectators = 0;
/** A client address of its own for each spectator, unless a test means one address for many sockets. */
const freshSpectatorAddress = () => `203.0.113.${(spectators += 1) % 250}:${spectators}`;

/** Opens the live scoreboard socket of an event, as the scoreboard page does, from `address` (CF-Connecting-IP). */
export async function watch(slug: string, eventId: number, address = freshSpectatorAddress()): Promise<Viewer> {
  const res = await exports.default.fetch(socketUrl(slug, eventId), { headers: { Upgrade: "websocket", "CF-Connecting-IP": address } });
  expect(res.status).toBe(101);
  return new Viewer(res.webSocket!);
}
