import { describe, expect, it } from "vitest";
import { BUSY_GAP_MS, EventFanout, type FanoutPort, MAX_FRAME_CHARS, SOCKETS_PER_SLICE } from "../../src/object/scoreboard/fanout.ts";

/**
 * The fan-out's rules with the runtime's sockets replaced by a script: `pause` is where the runtime would
 * deliver a shot mid-lap, so the script publishes there. What the real object does with real sockets is
 * in socket.test.ts.
 */
class Script implements FanoutPort {
  readonly received = new Map<WebSocket, number[]>();
  readonly frames = new Map<WebSocket, number>();
  readonly closed = new Set<WebSocket>();
  pauses = 0;
  clock = 0;
  onPause: () => void = () => {};

  constructor(readonly open: WebSocket[]) {
    for (const ws of open) {
      this.received.set(ws, []);
      this.frames.set(ws, 0);
    }
  }

  sockets(): WebSocket[] {
    return this.open.filter((ws) => !this.closed.has(ws));
  }

  send(ws: WebSocket, text: string): boolean {
    if (this.closed.has(ws)) return false;
    this.frames.set(ws, this.frames.get(ws)! + 1);
    for (const m of text.matchAll(/<m (\d+)>/g)) this.received.get(ws)!.push(Number(m[1]));
    return true;
  }

  async pause(): Promise<void> {
    this.pauses += 1;
    this.onPause();
  }

  now(): number {
    return this.clock;
  }
}

const sockets = (n: number) => Array.from({ length: n }, () => ({}) as WebSocket);
const message = (seq: number, pad = 0) => ({ seq, text: `<m ${seq}>${"x".repeat(pad)}` });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("the event fan-out", () => {
  it("sends a quiet event's message to every socket in one go, and a busy event's a slice at a time", async () => {
    const script = new Script(sockets(SOCKETS_PER_SLICE * 3));
    const fanout = new EventFanout(script);
    fanout.publish(message(1));
    await fanout.settled();
    expect(script.pauses).toBe(0);

    script.clock += BUSY_GAP_MS - 1;
    fanout.publish(message(2));
    await fanout.settled();
    expect(script.pauses).toBe(2);

    script.clock += BUSY_GAP_MS;
    fanout.publish(message(3));
    await fanout.settled();
    expect(script.pauses).toBe(2);
    for (const got of script.received.values()) expect(got).toEqual([1, 2, 3]);
  });

  it("gives every socket every message once, in order, while messages arrive in the middle of laps", async () => {
    const script = new Script(sockets(SOCKETS_PER_SLICE * 2 + 5));
    const fanout = new EventFanout(script);
    fanout.publish(message(1));
    await fanout.settled();
    let next = 3;
    let mostKept = 0;
    script.onPause = () => {
      mostKept = Math.max(mostKept, fanout.backlog);
      if (next <= 40) fanout.publish(message(next++));
    };
    // Close behind the first: a busy event.
    fanout.publish(message(2));
    await fanout.settled();

    for (const got of script.received.values()) expect(got).toEqual(range(1, 40));
    // Messages that arrived mid-lap shared frames, and those every socket had were let go lap by lap.
    for (const frames of script.frames.values()) expect(frames).toBeLessThan(40);
    expect(mostKept).toBeLessThanOrEqual(4);
    expect(fanout.backlog).toBe(0);
  });

  it("skips what a socket already has from its accept or a snapshot, and passes over closed sockets", async () => {
    const [early, snapshotted, late, closing] = sockets(4);
    const script = new Script([early!, snapshotted!, closing!]);
    const fanout = new EventFanout(script);
    fanout.caughtUp(snapshotted!, 3);
    script.closed.add(closing!);
    for (const seq of [1, 2, 3, 4]) fanout.publish(message(seq));
    // A spectator accepted at 4 gets only what comes after.
    script.open.push(late!);
    script.received.set(late!, []);
    script.frames.set(late!, 0);
    fanout.caughtUp(late!, 4);
    fanout.publish(message(5));
    await fanout.settled();

    expect(script.received.get(early!)).toEqual([1, 2, 3, 4, 5]);
    expect(script.received.get(snapshotted!)).toEqual([4, 5]);
    expect(script.received.get(late!)).toEqual([5]);
    expect(script.received.get(closing!)).toEqual([]);
    expect(script.frames.get(early!)).toBe(1);
  });

  it("splits a long backlog into frames of bounded size, never re-sending and never sending old numbers", async () => {
    const [ws] = sockets(1);
    const script = new Script([ws!]);
    const fanout = new EventFanout(script);
    const pad = Math.floor(MAX_FRAME_CHARS / 4);
    for (const seq of range(1, 10)) fanout.publish(message(seq, pad));
    fanout.publish(message(7));
    await fanout.settled();

    expect(script.received.get(ws!)).toEqual(range(1, 10));
    expect(script.frames.get(ws!)).toBeGreaterThanOrEqual(3);
  });
});
