import type Stripe from "stripe";
import type { Db } from "../db/client.ts";
import type { Log } from "../lib/log.ts";
import type { PaymentEvent } from "../object/contract/index.ts";
import { eventFromSession } from "../object/payments/stripe-work.ts";
import { TournamentClient } from "../object-client/client.ts";
import { accountOfTournament, updateAccountState } from "../queries/payments/accounts.ts";
import { tournamentOfPaymentIntent } from "../queries/payments/events.ts";

/** The Checkout Session events Tenring acts on, and what each means for the payment. */
const SESSION_EVENTS: Record<string, "paid" | "failed" | "expired" | "from_session"> = {
  "checkout.session.completed": "from_session",
  "checkout.session.async_payment_succeeded": "paid",
  "checkout.session.async_payment_failed": "failed",
  "checkout.session.expired": "expired",
};

/**
 * Applies one verified Stripe event. Payments go to the tournament object (the one writer of places);
 * a club's account state goes to D1. Throws when it could not be applied, so Stripe sends it again.
 * Returns what was done, for the log.
 */
export async function applyStripeEvent(env: Env, db: Db, event: Stripe.Event, log: Log): Promise<string> {
  const account = event.account ?? null;
  const sessionKind = SESSION_EVENTS[event.type];
  if (sessionKind) {
    const session = event.data.object as Stripe.Checkout.Session;
    const tournamentId = Number(session.metadata?.tournamentId);
    const fromSession = account ? eventFromSession(session, account, event.id) : null;
    if (!Number.isInteger(tournamentId) || tournamentId <= 0 || !fromSession) return "ignored: not a Tenring session";
    // Only the tournament's own connected account can pay for its entries.
    const owner = await accountOfTournament(db, tournamentId);
    if (owner?.accountId !== account) {
      log.warn("payments: a session event from an account that is not the tournament's", { tournamentId, account });
      return "ignored: another account";
    }
    const ev: PaymentEvent = sessionKind === "from_session" ? fromSession : { ...fromSession, type: sessionKind };
    const result = await new TournamentClient(env, db, tournamentId, { log }).call("paymentEvent", ev);
    return `${result.outcome}${result.verdict ? `: ${result.verdict}` : ""}`;
  }
  if (event.type === "charge.refunded") {
    const charge = event.data.object as Stripe.Charge;
    const paymentIntent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
    if (!paymentIntent) return "ignored: no payment intent";
    const tournamentId = await tournamentOfPaymentIntent(db, paymentIntent);
    if (tournamentId === null) return "ignored: unknown payment";
    const ev: PaymentEvent = { type: "refunded", eventId: event.id, paymentIntent, refundedCents: charge.amount_refunded };
    return (await new TournamentClient(env, db, tournamentId, { log }).call("paymentEvent", ev)).outcome;
  }
  if (event.type === "account.updated") {
    const a = event.data.object as Stripe.Account;
    await updateAccountState(db, a.id, { chargesEnabled: a.charges_enabled, detailsSubmitted: a.details_submitted }, Date.now());
    return `account ${a.charges_enabled ? "can" : "cannot yet"} take payments`;
  }
  return "ignored: not an event Tenring uses";
}
