import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { tournaments } from "../../src/db/schema.ts";
import { checkoutPayments, stripeAccounts, tournamentPaymentSettings } from "../../src/db/payments-schema.ts";
import { readConfiguration } from "../../src/object-client/configuration.ts";
import { stripeClient } from "../../src/payments/stripe.ts";
import { type Person, person } from "./accounts.ts";
import { addStaff } from "./staff.ts";
import { db } from "./d1.ts";
import { ORIGIN, postForm } from "./http.ts";
import { createTournament } from "./tournaments.ts";

/** The fake Stripe (test/fakes/stripe-server.ts) the Worker's Stripe client talks to in tests. */
export const FAKE_STRIPE = env.STRIPE_API_BASE;

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  signature: string;
}

let accounts = 0;

export interface FeeTournamentSpec {
  /** Firing points of each relay of the one event (default one relay of 2). */
  relays?: number[];
  feeCents?: number;
  /** Fractions allowed: tests use holds of a second or so (pushed to the object only). */
  holdMinutes?: number;
  refundFullUntil?: number | null;
  refundSharePercent?: number;
}

/** A tournament with an entry fee whose organiser's Stripe account (connected, ready) takes payments. */
export async function feeTournament(spec: FeeTournamentSpec = {}) {
  const organiser = await person({ verified: true });
  const made = await createTournament({
    entryFeeCents: spec.feeCents ?? 2500,
    events: [{ relays: (spec.relays ?? [2]).map((firingPoints) => ({ firingPoints })) }],
    configure: false,
  });
  const tournamentId = made.tournament.id;
  await db.update(tournaments).set({ createdBy: organiser.user.id }).where(eq(tournaments.id, tournamentId));
  await addStaff(tournamentId, organiser.user.id, "owner");
  const accountId = `acct_test${tournamentId}n${++accounts}`;
  await db.insert(stripeAccounts).values({ userId: organiser.user.id, accountId, chargesEnabled: 1, detailsSubmitted: 1, updatedAt: Date.now() });
  await db.insert(tournamentPaymentSettings).values({
    tournamentId,
    holdMinutes: 30,
    refundFullUntil: spec.refundFullUntil ?? null,
    refundSharePercent: spec.refundSharePercent ?? 100,
    updatedAt: Date.now(),
  });
  const config = await readConfiguration(db, tournamentId);
  await made.stub.configure({ ...config!, holdMinutes: spec.holdMinutes ?? 30 });
  return { ...made, organiser, accountId, eventId: made.events[0]!.id };
}

/** "Pay now" as the competitor's browser posts it; returns the Checkout Session id the fake made. */
export async function payNow(p: Person, entryId: string): Promise<string> {
  const res = await postForm(`/me/entries/${encodeURIComponent(entryId)}/pay`, { _csrf: p.csrf }, { cookie: p.cookie });
  expect(res.status, await res.clone().text()).toBe(303);
  const location = res.headers.get("Location") ?? "";
  expect(location.startsWith(`${FAKE_STRIPE}/checkout/`)).toBe(true);
  return location.slice(`${FAKE_STRIPE}/checkout/`.length);
}

async function fake<T>(path: string, method = "GET"): Promise<T> {
  const res = await fetch(`${FAKE_STRIPE}${path}`, { method });
  return (await res.json()) as T;
}

/** Pays the session on the fake as its checkout page does (not delivered: the test delivers the event). */
export const fakePay = (sessionId: string, delayed = false) => fake<SignedEvent | null>(`/__fake/pay/${sessionId}${delayed ? "?delayed=1" : ""}`, "POST");
export const fakeSettle = (sessionId: string, ok: boolean) => fake<SignedEvent | null>(`/__fake/settle/${sessionId}?ok=${ok ? 1 : 0}`, "POST");
export const fakeSession = (sessionId: string) => fake<Record<string, any> | null>(`/__fake/sessions/${sessionId}`);
/** Every event the fake signed that mentions `text` (a session id, a payment intent), oldest first. */
export const fakeEvents = (text: string) => fake<SignedEvent[]>(`/__fake/events?session=${encodeURIComponent(text)}`);

/** Delivers a signed event to Tenring's webhook, as Stripe does. */
export function deliver(e: Pick<SignedEvent, "payload" | "signature">): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}/webhooks/stripe`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": e.signature },
    body: e.payload,
  });
}

/** A second Checkout Session for the same entry, made straight on Stripe (say, from a tab left open). */
export async function extraSession(accountId: string, tournamentId: number, entryId: string, amountCents = 2500): Promise<string> {
  const stripe = stripeClient(env)!;
  const s = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: amountCents, product_data: { name: "Entry" } } }],
      metadata: { tournamentId: String(tournamentId), entryId, attempt: "99" },
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      success_url: `${ORIGIN}/me/entries`,
    },
    { stripeAccount: accountId },
  );
  return s.id;
}

/** Runs the object's alarm (Stripe work, hold expiry, outboxes) a few times, as the runtime would. */
export async function alarms(stub: Parameters<typeof runDurableObjectAlarm>[0], times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await runDurableObjectAlarm(stub);
}

export async function d1Payments(tournamentId: number) {
  return db.select().from(checkoutPayments).where(eq(checkoutPayments.tournamentId, tournamentId));
}
