import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CheckoutView } from "../../src/object/contract/index.ts";
import { type Person, person } from "../helpers/accounts.ts";
import { d1Entries } from "../helpers/d1.ts";
import { drainOutboxes, freshKey, objectEntries } from "../helpers/entries.ts";
import { alarms, d1Payments, deliver, extraSession, fakePay, fakeSettle, feeTournament, payNow, type SignedEvent } from "../helpers/payments.ts";

type Fee = Awaited<ReturnType<typeof feeTournament>>;
const HOLD_MS = 900;

/** The invariants that hold after every step: places never oversold, an entry keeps at most one payment. */
async function checkAlways(t: Fee): Promise<void> {
  const snap = await t.stub.snapshot();
  for (const relay of snap.events.flatMap((e) => e.relays)) expect(relay.confirmed + relay.held).toBeLessThanOrEqual(relay.capacity);
  const kept = (await t.stub.checkoutSessions(null)).filter((s) => s.outcome === "kept").map((s) => s.entryId);
  expect(new Set(kept).size).toBe(kept.length);
}

/** Lets every hold run out (promotions make new ones) and the alarm do its Stripe work; bounded. */
async function settleAll(t: Fee): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await alarms(t.stub, 2);
    const held = (await objectEntries(t.stub)).filter((e) => e.status === "held");
    const due = (await t.stub.checkoutSessions(null)).some((s) => s.refundDueCents > 0 || s.status === "open");
    if (held.length === 0 && !due) return;
    await scheduler.wait(HOLD_MS + 100);
  }
}

const state = async (t: Fee) => JSON.stringify([await objectEntries(t.stub), await t.stub.checkoutSessions(null)]);

interface Plan {
  /** Per held entry: pay (0 no, 1 card, 2 delayed then succeeds, 3 delayed then fails), and a second session paid too. */
  pays: { how: 0 | 1 | 2 | 3; second: boolean }[];
  withdraws: boolean[];
  /** Sort keys for the delivery order of every event, each sent twice. */
  order: number[];
  /** After how many deliveries the holds lapse and the alarm runs. */
  lapseAt: number;
}

const plan = fc.record({
  pays: fc.array(fc.record({ how: fc.constantFrom(0, 1, 1, 2, 3), second: fc.boolean() }), { minLength: 3, maxLength: 3 }),
  withdraws: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  order: fc.array(fc.integer(), { minLength: 40, maxLength: 40 }),
  lapseAt: fc.nat(30),
}) as fc.Arbitrary<Plan>;

describe("payment invariants under parallel calls and any order of webhooks", () => {
  it("never oversells, keeps at most one payment per entry, refunds every payment without a place, ends every hold", async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const t = await feeTournament({ relays: [2, 1], holdMinutes: HOLD_MS / 60_000 });
        const people: Person[] = await Promise.all(Array.from({ length: 6 }, () => person({ verified: true })));
        const registered = await Promise.all(
          people.map((who) => t.stub.register({ userId: who.user.id, eventId: t.eventId, relayId: "any", idempotencyKey: freshKey() })),
        );
        await checkAlways(t);
        const held = registered.flatMap((r, i) => (r.outcome === "held" ? [{ entry: r.entry, who: people[i]! }] : []));
        expect(held).toHaveLength(3);
        const events: SignedEvent[] = [];
        const delayed: string[] = [];
        await Promise.all(
          held.map(async ({ entry, who }, i) => {
            const { how, second } = p.pays[i]!;
            const sessions = [await payNow(who, entry.id)];
            if (second) sessions.push(await extraSession(t.accountId, t.tournament.id, entry.id));
            if (how === 0) return;
            for (const s of sessions) {
              const e = await fakePay(s, how >= 2);
              if (e) events.push(e);
              if (how >= 2) delayed.push(`${s}:${how === 2}`);
            }
          }),
        );
        const deliveries = [...events, ...events].map((e, i) => ({ e, key: p.order[i % p.order.length]! + i / 1000 })).sort((a, b) => a.key - b.key);
        for (const [i, { e }] of deliveries.entries()) {
          if (i === p.lapseAt) {
            await scheduler.wait(HOLD_MS + 100);
            await alarms(t.stub);
          }
          if (i === 3) {
            await Promise.all(held.map(({ entry, who }, k) => (p.withdraws[k] ? t.stub.withdraw({ entryId: entry.id, userId: who.user.id }) : null)));
          }
          expect((await deliver(e)).status).toBe(200);
          await checkAlways(t);
        }
        // Delayed payments settle late (some after their hold lapsed), delivered twice.
        for (const d of delayed) {
          const [sessionId, ok] = d.split(":");
          const e = await fakeSettle(sessionId!, ok === "true");
          if (e) for (const copy of [e, e]) expect((await deliver(copy)).status).toBe(200);
          await checkAlways(t);
        }
        await settleAll(t);
        await checkAlways(t);

        const entries = await objectEntries(t.stub);
        const statusOf = new Map(entries.map((e) => [e.id, e.status]));
        expect(entries.filter((e) => e.status === "held")).toEqual([]);
        const paid = (await t.stub.checkoutSessions(null)).filter((s: CheckoutView) => s.status === "paid");
        for (const s of paid) {
          expect(s.refundDueCents).toBe(0);
          if (s.outcome === "kept") expect(statusOf.get(s.entryId)).toBe("confirmed");
          else if (s.outcome === "returned") expect(s.refundedCents).toBe(s.amountCents);
          else expect(s.outcome).toBe("settled");
        }
        // Replaying every event changes nothing.
        const before = await state(t);
        for (const e of events) expect((await deliver(e)).status).toBe(200);
        await alarms(t.stub);
        expect(await state(t)).toBe(before);
        // D1's copies match the object's.
        await drainOutboxes(t.stub);
        await alarms(t.stub);
        const d1 = new Map((await d1Entries(t.tournament.id)).map((e) => [e.id, e.status]));
        expect(d1).toEqual(statusOf);
        const d1Paid = new Map((await d1Payments(t.tournament.id)).map((s) => [s.id, `${s.status}/${s.outcome}/${s.refundedCents}`]));
        for (const s of await t.stub.checkoutSessions(null)) expect(d1Paid.get(s.sessionId)).toBe(`${s.status}/${s.outcome}/${s.refundedCents}`);
      }),
      // A failure is reported as found: shrinking would replay whole tournaments for minutes.
      { numRuns: 6, endOnFailure: true },
    );
  }, 180_000);
});
