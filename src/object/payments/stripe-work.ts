import type Stripe from "stripe";
import { refundIdempotencyKey } from "../../domain/payments/checkout.ts";
import type { Log } from "../../lib/log.ts";
import { stripeRefused } from "../../payments/stripe.ts";
import type { CheckoutView, PaymentEvent, SessionPaymentEvent } from "../contract/index.ts";

/** After this many failed tries to expire a session, the hold is released anyway (a late payment is settled then). */
export const EXPIRE_TRIES = 5;

/** What the alarm's Stripe work needs from the object: its decisions, run synchronously. */
export interface PaymentDesk {
  toExpire(now: number): CheckoutView[];
  refundsDue(): CheckoutView[];
  /** Stripe says the session is over: expired, or paid after all (then applied like its webhook). */
  sessionEnded(s: CheckoutView, ev: PaymentEvent | null): void;
  expireFailed(s: CheckoutView): void;
  refundMade(s: CheckoutView, amountCents: number): void;
}

/**
 * The Stripe calls of the alarm, made outside any transaction (other requests may interleave; each result
 * is then written by its own decision). First the sessions of lapsed holds are expired, so no payment can
 * arrive for them, and only then are the holds released (the alarm's `tidy`); then refunds are made.
 */
export async function stripeWork(stripe: Stripe, desk: PaymentDesk, log: Log): Promise<void> {
  for (const s of desk.toExpire(Date.now())) {
    try {
      await stripe.checkout.sessions.expire(s.sessionId, {}, { stripeAccount: s.accountId });
      desk.sessionEnded(s, null);
    } catch (err) {
      if (!stripeRefused(err)) {
        log.error("payments: could not expire a Checkout Session; retried by the next alarm", err, { sessionId: s.sessionId });
        desk.expireFailed(s);
        continue;
      }
      // Not open any more: completed (paid, or an async payment under way) or already expired.
      try {
        const now = await stripe.checkout.sessions.retrieve(s.sessionId, {}, { stripeAccount: s.accountId });
        desk.sessionEnded(s, eventFromSession(now, s.accountId, `expire-check:${s.sessionId}`));
      } catch (retrieveErr) {
        log.error("payments: could not read a Checkout Session that would not expire", retrieveErr, { sessionId: s.sessionId });
        desk.expireFailed(s);
      }
    }
  }
  for (const s of desk.refundsDue()) {
    const amount = s.refundDueCents;
    try {
      await stripe.refunds.create(
        { payment_intent: s.paymentIntent!, amount, metadata: { entryId: s.entryId, sessionId: s.sessionId, reason: s.refundReason ?? "" } },
        { stripeAccount: s.accountId, idempotencyKey: refundIdempotencyKey(s.sessionId, s.refundRequests + 1) },
      );
      desk.refundMade(s, amount);
    } catch (err) {
      log.error("payments: a refund failed; retried by the next alarm", err, { sessionId: s.sessionId, amount });
    }
  }
}

/** What a Checkout Session object says, as a payment event (from a webhook or a retrieve). */
export function eventFromSession(session: Stripe.Checkout.Session, accountId: string, eventId: string): SessionPaymentEvent | null {
  const entryId = session.metadata?.entryId;
  if (!entryId) return null;
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  const base = {
    eventId,
    sessionId: session.id,
    entryId,
    accountId,
    paymentIntent,
    amountCents: session.amount_total ?? 0,
    currency: (session.currency ?? "eur").toLowerCase(),
  };
  if (session.status === "expired") return { ...base, type: "expired" };
  if (session.status !== "complete") return null;
  return { ...base, type: session.payment_status === "paid" ? "paid" : "processing" };
}
