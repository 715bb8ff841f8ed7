/** Payments: Checkout Sessions of held entries, Stripe's events about them, and refunds. */
import { z } from "zod";
import type { PaymentOutcome } from "../../domain/payments/reconcile.ts";
import { entryIdSchema, positiveId } from "./registration.ts";

const stripeId = z.string().min(3).max(255);
const cents = z.number().int().min(0).max(100_000_000);
const currency = z.string().regex(/^[a-z]{3}$/);

/** "Pay now": the owner of a held entry asks for a Checkout Session. */
export const startCheckoutSchema = z.object({ entryId: entryIdSchema, userId: positiveId });
export type StartCheckoutRequest = z.infer<typeof startCheckoutSchema>;

export type StartCheckoutResult =
  /** Create a session with this attempt number (its idempotency key), ending no later than the hold. */
  | { outcome: "create"; attempt: number; holdUntil: number }
  /** A session for this entry is still open: send the competitor back to it. */
  | { outcome: "open"; url: string; holdUntil: number }
  | { outcome: "refused"; reason: "not_found" | "not_held" | "hold_expired" | "paid"; message: string };

/** The session the Worker created on Stripe for an entry and attempt. */
export const recordCheckoutSchema = z.object({
  sessionId: stripeId,
  entryId: entryIdSchema,
  attempt: z.number().int().positive(),
  accountId: stripeId,
  amountCents: cents,
  currency,
  platformFeeCents: cents,
  url: z.url().max(2000),
  /** Epoch ms. */
  expiresAt: z.number().int().positive(),
});
export type RecordCheckoutRequest = z.infer<typeof recordCheckoutSchema>;

/**
 * What a Stripe event says about a Checkout Session or a charge, as the Worker read it from the verified
 * payload. `eventId` is applied at most once.
 */
export const paymentEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.enum(["paid", "processing", "failed", "expired"]),
    eventId: stripeId,
    sessionId: stripeId,
    entryId: entryIdSchema,
    accountId: stripeId,
    paymentIntent: stripeId.nullable(),
    amountCents: cents,
    currency,
  }),
  z.object({ type: z.literal("refunded"), eventId: stripeId, paymentIntent: stripeId, refundedCents: cents }),
]);
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
/** An event about a Checkout Session (not a charge). */
export type SessionPaymentEvent = Exclude<PaymentEvent, { type: "refunded" }>;

export interface PaymentEventResult {
  /** "duplicate": this event id was applied before; "ignored": it names nothing of this tournament. */
  outcome: "applied" | "duplicate" | "ignored";
  /** For a payment: what it did to the entry. */
  verdict?: "confirm" | "confirm_late" | "already_applied" | "refund";
}

/** An organiser refunds an entry's payment in full (no amount) or in part, with a reason. */
export const refundEntrySchema = z.object({
  entryId: entryIdSchema,
  amountCents: z.number().int().positive().max(100_000_000).nullable(),
  reason: z.string().trim().min(3).max(500),
  byUserId: positiveId,
});
export type RefundEntryRequest = z.infer<typeof refundEntrySchema>;

export type RefundEntryResult =
  | { outcome: "queued"; sessionId: string; amountCents: number }
  | { outcome: "refused"; reason: "not_found" | "not_paid" | "too_much"; message: string };

/** A Checkout Session and its payment as the object keeps it. */
export interface CheckoutView {
  sessionId: string;
  entryId: string;
  attempt: number;
  accountId: string;
  amountCents: number;
  currency: string;
  platformFeeCents: number;
  url: string | null;
  expiresAt: number;
  status: "open" | "processing" | "paid" | "expired" | "failed" | "expire_failed";
  paymentIntent: string | null;
  paidAt: number | null;
  outcome: PaymentOutcome | null;
  refundDueCents: number;
  refundSince: number | null;
  refundReason: string | null;
  refundRequests: number;
  refundedCents: number;
  createdAt: number;
  updatedAt: number;
}
