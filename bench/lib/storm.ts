/** The webhook storm of `bench:rush-fee`: the fake Stripe's events, each sent twice and shuffled, to the Worker. */
import { pool, shuffle, type Timed, timedFetch } from "./load.ts";

export interface FakeEvent {
  id: string;
  type: string;
  payload: string;
  signature: string;
}

export interface FakeSession {
  id: string;
  status: string;
  payment_status: string;
  amount_total: number;
  metadata: { entryId?: string };
  _refunded?: number;
}

export async function fakeGet<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`fake Stripe ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

export async function fakePost<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { method: "POST" });
  if (!res.ok) throw new Error(`fake Stripe ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** What the storm saw: every delivery's answer, and the event ids delivered. */
export class Storm {
  readonly deliveries: (Timed & { type: string; eventId: string })[] = [];
  readonly delivered = new Set<string>();
  wallMs = 0;

  private readonly url: string;
  private readonly stripeBase: string;
  private readonly random: () => number;

  constructor(url: string, stripeBase: string, random: () => number) {
    this.url = url;
    this.stripeBase = stripeBase;
    this.random = random;
  }

  /** Sends every event not yet delivered, each twice, shuffled, at `concurrency`. Returns how many were new. */
  async deliverNew(concurrency: number, only?: (e: FakeEvent) => boolean): Promise<number> {
    const fresh = (await fakeGet<FakeEvent[]>(this.stripeBase, "/__fake/events")).filter((e) => !this.delivered.has(e.id) && (only?.(e) ?? true));
    if (fresh.length === 0) return 0;
    for (const e of fresh) this.delivered.add(e.id);
    await this.send(shuffle([...fresh, ...fresh], this.random), concurrency);
    return fresh.length;
  }

  async send(events: FakeEvent[], concurrency: number): Promise<Timed[]> {
    const started = performance.now();
    const { results } = await pool(events, concurrency, async (e) => {
      const answer = await timedFetch(`${this.url}/webhooks/stripe`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Stripe-Signature": e.signature },
        body: e.payload,
      });
      this.deliveries.push({ ...answer, type: e.type, eventId: e.id });
      return answer;
    });
    this.wallMs += performance.now() - started;
    return results;
  }

  /** Counts of what the webhook answered: the handler's `done` words, duplicates, and non-2xx answers. */
  outcomes(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const d of this.deliveries) {
      let word = `HTTP ${d.status}`;
      if (d.status === 200) {
        const body = JSON.parse(d.body) as { duplicate?: boolean; done?: string };
        word = body.duplicate ? "duplicate (recorded before)" : `${d.type}: ${body.done ?? "?"}`;
      }
      counts[word] = (counts[word] ?? 0) + 1;
    }
    return counts;
  }
}
