/**
 * One side of the fan-out benchmark (Tenring or the baseline): its spectators, how it sends message i, and
 * the figures of the messages sent so far. The two sides take turns in rounds, so a change in the shared
 * machine's load during the run falls on both alike.
 */
import { Crowd, type CrowdReport, percentiles } from "./crowd.ts";

export interface Sent {
  /** What identifies the message it caused (see `keyOf`). */
  key: string;
  sentAt: number;
  requestMs: number;
  ok: boolean;
}

export interface SideOptions {
  name: string;
  crowd: Crowd;
  socketUrl: string;
  send: (i: number) => Promise<Sent>;
  /** The key of the request that caused a message, read from the message's first copy. */
  keyOf: (message: string) => string;
}

export interface Figures {
  firstMs: number[];
  lastMs: number[];
  requestMs: number[];
  /** Bytes of each message, in sequence order. */
  sizes: number[];
  failed: number;
  report: CrowdReport;
  openSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Side {
  readonly name: string;
  private readonly options: SideOptions;
  private readonly sent = new Map<string, number>();
  private readonly requestMs: number[] = [];
  private failed = 0;
  private base = 0;
  private count = 0;
  private openSeconds = 0;

  constructor(options: SideOptions) {
    this.options = options;
    this.name = options.name;
  }

  async open(sockets: number): Promise<void> {
    const started = performance.now();
    await this.options.crowd.open(this.options.socketUrl, sockets);
    this.openSeconds = (performance.now() - started) / 1000;
  }

  /** Messages numbered after `seq` are the ones measured. */
  startAt(seq: number): void {
    this.base = seq;
    this.options.crowd.startAt(seq);
  }

  /**
   * Sends messages `from`..`from + count - 1`, one every `intervalMs` (open loop: a slow answer does not
   * delay the next), then waits until every socket has the last one, or `drainMs` passed.
   */
  async round(from: number, count: number, intervalMs: number, drainMs: number): Promise<void> {
    const start = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const wait = start + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      inflight.push(
        this.options.send(from + i).then(
          (s) => {
            this.sent.set(s.key, s.sentAt);
            this.requestMs.push(s.requestMs);
            if (!s.ok) this.failed += 1;
          },
          // No answer at all (the server restarted, the connection broke): counted, never thrown mid-round.
          () => {
            this.failed += 1;
          },
        ),
      );
    }
    await Promise.all(inflight);
    this.count += count;
    await this.options.crowd.waitFor(this.base + this.count, drainMs);
  }

  /** Bytes of message `i` (0-based), once a socket has it. */
  sizeOf(i: number): number | undefined {
    const message = this.options.crowd.message(this.base + i + 1);
    return message === undefined ? undefined : Buffer.byteLength(message);
  }

  figures(): Figures {
    const firstMs: number[] = [];
    const lastMs: number[] = [];
    const sizes: number[] = [];
    for (let seq = this.base + 1; seq <= this.base + this.count; seq++) {
      const d = this.options.crowd.delivery(seq);
      const message = this.options.crowd.message(seq);
      if (message !== undefined) sizes.push(Buffer.byteLength(message));
      const sentAt = message === undefined ? undefined : this.sent.get(this.options.keyOf(message));
      if (!d || sentAt === undefined) continue;
      firstMs.push(d.first - sentAt);
      lastMs.push(d.last - sentAt);
    }
    return {
      firstMs,
      lastMs,
      requestMs: this.requestMs,
      sizes,
      failed: this.failed,
      report: this.options.crowd.report(this.count),
      openSeconds: this.openSeconds,
    };
  }

  close(): Promise<void> {
    return this.options.crowd.close();
  }
}

/** Every message reached every socket once, in order, and each was timed. */
export function whole(f: Figures, messages: number): boolean {
  const r = f.report;
  return r.complete === r.sockets && r.lost === 0 && r.outOfOrder === 0 && r.dropped === 0 && f.lastMs.length === messages && f.failed === 0;
}

export { percentiles };
