import type { Context } from "hono";
import { checkoutExpiry, checkoutIdempotencyKey, platformFee } from "../domain/payments/checkout.ts";
import type { AppEnv } from "../env.ts";
import { Refusal } from "../lib/refusal.ts";
import type { EntryView } from "../object/contract/index.ts";
import type { TournamentClient } from "../object-client/client.ts";
import { accountOfTournament } from "../queries/payments/accounts.ts";
import { platformFeeBasisPoints, stripeClient } from "./stripe.ts";

const unavailable = (detail: string) => new Refusal(409, { title: "Online payment is not available", detail });

/**
 * "Pay now": a Stripe Checkout Session on the club's connected account (a direct charge) for a held
 * entry, ending no later than the hold (src/domain/payments/checkout.ts). The object names the attempt, so
 * a double click or a retry gets the same session (the idempotency key is per entry and attempt); a session
 * still open is reused. Returns the URL to send the competitor to.
 */
export async function checkoutUrl(
  c: Context<AppEnv>,
  client: TournamentClient,
  entry: EntryView,
  tournament: { id: number; title: string; entryFeeCents: number; currency: string },
): Promise<string> {
  const stripe = stripeClient(c.env);
  if (!stripe || tournament.entryFeeCents <= 0) throw unavailable("This tournament takes its entry fee at the range.");
  const account = await accountOfTournament(c.get("db"), tournament.id);
  if (!account?.chargesEnabled) throw unavailable("The organiser's payment account is not ready yet; the fee is paid at the range.");
  const start = await client.call("startCheckout", { entryId: entry.id, userId: entry.userId });
  if (start.outcome === "refused") throw new Refusal(409, { title: "Nothing to pay", detail: start.message });
  if (start.outcome === "open") return start.url;
  const expiry = checkoutExpiry(Date.now(), start.holdUntil);
  const fee = platformFee(tournament.entryFeeCents, platformFeeBasisPoints(c.env));
  const currency = tournament.currency.toLowerCase();
  const origin = new URL(c.req.url).origin;
  const metadata = { tournamentId: String(tournament.id), entryId: entry.id, attempt: String(start.attempt) };
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency, unit_amount: tournament.entryFeeCents, product_data: { name: `Entry: ${tournament.title}` } } }],
      metadata,
      client_reference_id: entry.id,
      payment_intent_data: { metadata, ...(fee > 0 ? { application_fee_amount: fee } : {}) },
      expires_at: expiry.expiresAt,
      success_url: `${origin}/me/entries/${encodeURIComponent(entry.id)}/paid?session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${origin}/me/entries`,
    },
    { stripeAccount: account.accountId, idempotencyKey: checkoutIdempotencyKey(entry.id, start.attempt) },
  );
  if (!session.url) throw unavailable("Stripe did not return a payment page; please try again.");
  await client.call("recordCheckout", {
    sessionId: session.id,
    entryId: entry.id,
    attempt: start.attempt,
    accountId: account.accountId,
    amountCents: tournament.entryFeeCents,
    currency,
    platformFeeCents: fee,
    url: session.url,
    expiresAt: expiry.expiresAt * 1000,
  });
  return session.url;
}
