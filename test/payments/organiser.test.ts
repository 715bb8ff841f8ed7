import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tournaments } from "../../src/db/schema.ts";
import { stripeAccounts } from "../../src/db/payments-schema.ts";
import { person } from "../helpers/accounts.ts";
import { auditOf, db } from "../helpers/d1.ts";
import { drainOutboxes, freshKey } from "../helpers/entries.ts";
import { get, postForm } from "../helpers/http.ts";
import { mailTo } from "../helpers/mail.ts";
import { alarms, deliver, FAKE_STRIPE, fakePay, feeTournament, payNow } from "../helpers/payments.ts";
import { createTournament } from "../helpers/tournaments.ts";

async function paidEntry(t: Awaited<ReturnType<typeof feeTournament>>) {
  const p = await person({ verified: true });
  const r = await t.stub.register({ userId: p.user.id, eventId: t.eventId, relayId: "any", idempotencyKey: freshKey() });
  if (r.outcome === "refused") throw new Error(r.message);
  const sessionId = await payNow(p, r.entry.id);
  expect((await deliver((await fakePay(sessionId))!)).status).toBe(200);
  await drainOutboxes(t.stub);
  await alarms(t.stub);
  return { p, entry: r.entry, sessionId };
}

describe("the organiser's payments page", () => {
  it("lists payments with totals, reconciles, exports CSV, and refunds in part with a reason (audited, mailed)", async () => {
    const t = await feeTournament();
    const { p, entry, sessionId } = await paidEntry(t);
    expect((await mailTo(p.user.email, "Receipt")).subject).toContain("Receipt");
    const base = `/admin/t/${t.tournament.slug}/payments`;
    const page = await (await get(base, { cookie: t.organiser.cookie })).text();
    expect(page).toContain(sessionId);
    expect(page).toContain('data-ok="yes"');
    expect(page).toMatch(/€25\.00|25\.00/);

    const csv = await (await get(`${base}.csv`, { cookie: t.organiser.cookie })).text();
    expect(csv.split("\n")[1]).toContain(sessionId);

    const bad = await postForm(`${base}/refund`, { _csrf: t.organiser.csrf, entryId: entry.id, amount: "99.00", reason: "Too much" }, { cookie: t.organiser.cookie });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("left to refund");
    const ok = await postForm(`${base}/refund`, { _csrf: t.organiser.csrf, entryId: entry.id, amount: "5.50", reason: "Club member discount" }, { cookie: t.organiser.cookie });
    expect(ok.status).toBe(303);
    await alarms(t.stub);
    expect((await t.stub.checkoutSessions(entry.id))[0]).toMatchObject({ refundedCents: 550, outcome: "kept" });
    expect((await auditOf(t.tournament.id)).find((a) => a.action === "payment.refund")?.detail).toContain("Club member discount");
    await drainOutboxes(t.stub);
    await alarms(t.stub);
    expect((await mailTo(p.user.email, "Refund")).subject).toContain("Refund");
    expect(await (await get(base, { cookie: t.organiser.cookie })).text()).toContain("partly refunded");
  });

  it("hold time and refund policy are validated, saved, and reach the tournament object", async () => {
    const t = await feeTournament();
    const [row] = await db.select().from(tournaments).where(eq(tournaments.id, t.tournament.id));
    const base = `/admin/t/${t.tournament.slug}/payments`;
    const fields = { _csrf: t.organiser.csrf, revision: String(row!.revision), refundFullUntil: "", refundSharePercent: "50" };
    const bad = await postForm(`${base}/settings`, { ...fields, holdMinutes: "0" }, { cookie: t.organiser.cookie });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("at least 1 minute");
    const ok = await postForm(`${base}/settings`, { ...fields, holdMinutes: "45" }, { cookie: t.organiser.cookie });
    expect(ok.status).toBe(303);
    expect((await t.stub.snapshot()).holdMinutes).toBe(45);
  });

  it("connecting Stripe creates the organiser's account and sends them to onboarding; account.updated makes it ready", async () => {
    const organiser = await person({ verified: true });
    const { tournament } = await createTournament({ entryFeeCents: 1000, staff: [[organiser.user.id, "owner"]] });
    await db.update(tournaments).set({ createdBy: organiser.user.id }).where(eq(tournaments.id, tournament.id));
    const base = `/admin/t/${tournament.slug}/payments`;
    expect(await (await get(base, { cookie: organiser.cookie })).text()).toContain('data-state="none"');
    const res = await postForm(`${base}/connect`, { _csrf: organiser.csrf }, { cookie: organiser.cookie });
    expect(res.status).toBe(303);
    const onboarding = res.headers.get("Location")!;
    expect(onboarding.startsWith(`${FAKE_STRIPE}/onboard/acct_`)).toBe(true);
    expect(await (await get(base, { cookie: organiser.cookie })).text()).toContain('data-state="onboarding"');
    // Completing onboarding on (the fake) Stripe sends account.updated.
    const done = await fetch(onboarding, { method: "POST", redirect: "manual" });
    expect(done.status).toBe(303);
    const accountId = new URL(onboarding).pathname.split("/").pop()!;
    const events: { type: string; payload: string; signature: string }[] = await (await fetch(`${FAKE_STRIPE}/__fake/events?session=${accountId}`)).json();
    const updated = events.find((e) => e.type === "account.updated")!;
    expect((await deliver(updated)).status).toBe(200);
    const [account] = await db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, organiser.user.id));
    expect(account).toMatchObject({ accountId, chargesEnabled: 1 });
    expect(await (await get(base, { cookie: organiser.cookie })).text()).toContain('data-state="ready"');
  });
});
