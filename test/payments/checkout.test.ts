import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { person } from "../helpers/accounts.ts";
import { get } from "../helpers/http.ts";
import { d1Entries } from "../helpers/d1.ts";
import { drainOutboxes, freshKey } from "../helpers/entries.ts";
import { alarms, d1Payments, deliver, extraSession, fakeEvents, fakePay, fakeSession, fakeSettle, feeTournament, payNow } from "../helpers/payments.ts";

async function heldEntry(t: Awaited<ReturnType<typeof feeTournament>>) {
  const p = await person({ verified: true });
  const r = await t.stub.register({ userId: p.user.id, eventId: t.eventId, relayId: "any", idempotencyKey: freshKey() });
  if (r.outcome === "refused") throw new Error(r.message);
  return { p, entry: r.entry };
}

const statusOf = async (t: Awaited<ReturnType<typeof feeTournament>>, id: string) => (await t.stub.entry(id))?.status;

describe("paying a held place through Stripe Checkout", () => {
  it("Pay now opens a session on the club's account; the signed webhook confirms the entry; a replay changes nothing", async () => {
    const t = await feeTournament();
    const { p, entry } = await heldEntry(t);
    expect(entry.status).toBe("held");
    const sessionId = await payNow(p, entry.id);
    // A second click goes back to the same open session.
    expect(await payNow(p, entry.id)).toBe(sessionId);
    const session = await fakeSession(sessionId);
    expect(session).toMatchObject({ _account: t.accountId, amount_total: 2500, metadata: { entryId: entry.id, tournamentId: String(t.tournament.id) } });
    expect(session!.expires_at * 1000).toBeGreaterThan(Date.now() + 30 * 60_000);

    const returned = await get(`/me/entries/${entry.id}/paid?session=${sessionId}`, { cookie: p.cookie });
    expect(await returned.text()).toContain("Payment received, confirming");

    const paid = (await fakePay(sessionId))!;
    const res = await deliver(paid);
    expect(res.status).toBe(200);
    expect(await statusOf(t, entry.id)).toBe("confirmed");
    const replay = await deliver(paid);
    expect(await replay.json()).toMatchObject({ duplicate: true });

    const status = await get(`/me/entries/${entry.id}/payment`, { cookie: p.cookie, hx: true });
    expect(await status.text()).toContain("your place is confirmed");
    await drainOutboxes(t.stub);
    await alarms(t.stub);
    const [copy] = await d1Payments(t.tournament.id);
    expect(copy).toMatchObject({ id: sessionId, status: "paid", outcome: "kept", amountCents: 2500, refundedCents: 0 });
    expect((await d1Entries(t.tournament.id)).find((e) => e.id === entry.id)?.status).toBe("confirmed");
  });

  it("refuses an unsigned or tampered event", async () => {
    const t = await feeTournament();
    const { p, entry } = await heldEntry(t);
    const paid = (await fakePay(await payNow(p, entry.id)))!;
    expect((await deliver({ payload: paid.payload, signature: "t=1,v1=00" })).status).toBe(400);
    expect((await deliver({ payload: paid.payload.replace("2500", "1"), signature: paid.signature })).status).toBe(400);
    expect(await statusOf(t, entry.id)).toBe("held");
  });

  it("a second successful payment for an entry is refunded through Stripe", async () => {
    const t = await feeTournament();
    const { p, entry } = await heldEntry(t);
    const first = await payNow(p, entry.id);
    const second = await extraSession(t.accountId, t.tournament.id, entry.id);
    const a = (await fakePay(first))!;
    const b = (await fakePay(second))!;
    expect((await deliver(b)).status).toBe(200);
    expect((await deliver(a)).status).toBe(200);
    await alarms(t.stub);
    const sessions = await t.stub.checkoutSessions(entry.id);
    expect(sessions.filter((s) => s.outcome === "kept").map((s) => s.sessionId)).toEqual([second]);
    const refunded = sessions.find((s) => s.sessionId === first)!;
    expect(refunded).toMatchObject({ outcome: "returned", refundDueCents: 0, refundedCents: 2500 });
    // Stripe's charge.refunded arrives afterwards and changes nothing further.
    const [chargeRefunded] = await fakeEvents(refunded.paymentIntent!).then((es) => es.filter((e) => e.type === "charge.refunded"));
    await drainOutboxes(t.stub);
    await alarms(t.stub);
    expect((await deliver(chargeRefunded!)).status).toBe(200);
    expect((await t.stub.checkoutSessions(entry.id)).find((s) => s.sessionId === first)!.refundedCents).toBe(2500);
  });

  it("when the hold ends, the alarm expires the session first, then releases the place to the next in line as a new hold", async () => {
    const t = await feeTournament({ relays: [1], holdMinutes: 0.02 });
    const a = await heldEntry(t);
    const b = await heldEntry(t);
    expect(b.entry.status).toBe("waitlisted");
    const sessionId = await payNow(a.p, a.entry.id);
    await scheduler.wait(1300);
    await alarms(t.stub);
    expect((await fakeSession(sessionId))!.status).toBe("expired");
    expect(await statusOf(t, a.entry.id)).toBe("expired");
    const promoted = await t.stub.entry(b.entry.id);
    expect(promoted).toMatchObject({ status: "held" });
    expect(promoted!.holdUntil).toBeGreaterThan(Date.now());
    // The session's own expiry event, delivered late, changes nothing.
    const [expired] = (await fakeEvents(sessionId)).filter((e) => e.type === "checkout.session.expired");
    expect((await deliver(expired!)).status).toBe(200);
    expect(await statusOf(t, b.entry.id)).toBe("held");
  });

  it("a payment completed just before the hold's end confirms the place (the alarm finds it instead of expiring it)", async () => {
    const t = await feeTournament({ relays: [1], holdMinutes: 0.02 });
    const a = await heldEntry(t);
    const b = await heldEntry(t);
    const sessionId = await payNow(a.p, a.entry.id);
    const paid = (await fakePay(sessionId))!;
    await scheduler.wait(1300);
    await alarms(t.stub);
    expect(await statusOf(t, a.entry.id)).toBe("confirmed");
    expect(await statusOf(t, b.entry.id)).toBe("waitlisted");
    expect((await deliver(paid)).status).toBe(200);
    expect((await t.stub.checkoutSessions(a.entry.id)).map((s) => s.outcome)).toEqual(["kept"]);
  });

  it("a delayed payment that succeeds after its place went to the next in line is refunded at once", async () => {
    const t = await feeTournament({ relays: [1], holdMinutes: 0.02 });
    const a = await heldEntry(t);
    const b = await heldEntry(t);
    const sessionId = await payNow(a.p, a.entry.id);
    expect((await deliver((await fakePay(sessionId, true))!)).status).toBe(200);
    await scheduler.wait(1300);
    await alarms(t.stub);
    expect(await statusOf(t, a.entry.id)).toBe("expired");
    expect(await statusOf(t, b.entry.id)).toBe("held");
    expect((await deliver((await fakeSettle(sessionId, true))!)).status).toBe(200);
    await alarms(t.stub);
    expect(await statusOf(t, a.entry.id)).toBe("expired");
    expect((await t.stub.checkoutSessions(a.entry.id))[0]).toMatchObject({ status: "paid", outcome: "returned", refundReason: "no_place", refundedCents: 2500 });
    const page = await get(`/me/entries/${a.entry.id}/payment`, { cookie: a.p.cookie, hx: true });
    expect(await page.text()).toContain("after the place was released");
  });

  it("withdrawing a paid entry refunds it by the policy: full until the date, the share after", async () => {
    const full = await feeTournament({ refundFullUntil: Date.now() + 3_600_000, refundSharePercent: 40 });
    const share = await feeTournament({ refundFullUntil: Date.now() - 1000, refundSharePercent: 40 });
    for (const [t, expected] of [[full, 2500], [share, 1000]] as const) {
      const { p, entry } = await heldEntry(t);
      await deliver((await fakePay(await payNow(p, entry.id)))!);
      expect((await t.stub.withdraw({ entryId: entry.id, userId: p.user.id })).outcome).toBe("changed");
      await alarms(t.stub);
      expect((await t.stub.checkoutSessions(entry.id))[0]).toMatchObject({ outcome: "settled", refundedCents: expected, refundDueCents: 0 });
    }
  });
});

