/**
 * When a Checkout Session for a held entry expires. Stripe accepts `expires_at` only between 30 minutes and
 * 24 hours after the session is created; a minute of margin covers the clock difference between the object
 * and Stripe. A hold that ends sooner than Stripe's minimum gets a session that outlives it: the object then
 * expires that session itself when the hold ends (before it releases the place), so no payment arrives for
 * a released place except one already under way, which the late-payment rule settles.
 */
export const CHECKOUT_MIN_MS = 30 * 60_000;
export const CHECKOUT_MAX_MS = 24 * 60 * 60_000;
const MARGIN_MS = 60_000;

export interface CheckoutExpiry {
  /** Unix seconds, as Stripe takes it. */
  expiresAt: number;
  /** True when the session ends after the hold: the hold's end must expire it explicitly. */
  outlivesHold: boolean;
}

export function checkoutExpiry(now: number, holdUntil: number): CheckoutExpiry {
  const earliest = now + CHECKOUT_MIN_MS + MARGIN_MS;
  const latest = now + CHECKOUT_MAX_MS - MARGIN_MS;
  const at = Math.min(Math.max(holdUntil, earliest), latest);
  return { expiresAt: Math.floor(at / 1000), outlivesHold: at > holdUntil };
}

/** One Checkout Session per entry and attempt: a retried "Pay now" gets the same session back from Stripe. */
export function checkoutIdempotencyKey(entryId: string, attempt: number): string {
  return `checkout:${entryId}:${attempt}`;
}

/** One refund per payment and request number: a retried refund never pays out twice. */
export function refundIdempotencyKey(sessionId: string, request: number): string {
  return `refund:${sessionId}:${request}`;
}

/** The platform's share in minor units, from basis points (1/100 of a percent); never more than the amount. */
export function platformFee(amountCents: number, basisPoints: number): number {
  if (!(basisPoints > 0) || amountCents <= 0) return 0;
  return Math.min(amountCents, Math.floor((amountCents * basisPoints) / 10_000));
}
