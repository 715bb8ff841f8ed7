import type { EntryStatus } from "../registration/types.ts";

/**
 * What a successful payment does to its entry. Only the tournament object decides this, inside the same
 * transaction that changes the entry, so a place is never sold twice and money is never kept without one.
 */
export type PaymentVerdict =
  /** The held entry becomes confirmed. */
  | { kind: "confirm" }
  /** The hold lapsed but its relay still has a free place: the entry takes it, confirmed. */
  | { kind: "confirm_late" }
  /** This payment was already applied (a replayed or out-of-order event): nothing changes. */
  | { kind: "already_applied" }
  /** The entry is already paid by another payment (or at the range): this one goes back. */
  | { kind: "refund"; why: "duplicate" | "no_place" | "left" };

export interface PaymentFacts {
  status: EntryStatus;
  /** Whether this very payment is the one kept for the entry. */
  thisPaymentKept: boolean;
  /** Whether another payment (online or at the range) is already kept for the entry. */
  otherPaymentKept: boolean;
  /** Whether the entry's relay has a free place now (for an entry whose hold lapsed). */
  placeFree: boolean;
}

export function settlePayment(f: PaymentFacts): PaymentVerdict {
  if (f.thisPaymentKept) return { kind: "already_applied" };
  if (f.otherPaymentKept) return { kind: "refund", why: "duplicate" };
  switch (f.status) {
    case "held":
      return { kind: "confirm" };
    case "confirmed":
      // Confirmed without a kept payment: an organiser marked it paid (or it was confirmed for free).
      return { kind: "refund", why: "duplicate" };
    case "expired":
      return f.placeFree ? { kind: "confirm_late" } : { kind: "refund", why: "no_place" };
    case "waitlisted":
      return { kind: "refund", why: "no_place" };
    case "withdrawn":
    case "removed":
      return { kind: "refund", why: "left" };
  }
}

/** The words a competitor reads about a refund the object made on its own. */
export function refundWhy(why: "duplicate" | "no_place" | "left" | "withdrawal" | "organiser"): string {
  switch (why) {
    case "duplicate":
      return "The entry was already paid; this second payment is refunded.";
    case "no_place":
      return "The payment arrived after the place was released and no place was free; it is refunded in full.";
    case "left":
      return "The entry was withdrawn or removed before the payment arrived; it is refunded in full.";
    case "withdrawal":
      return "Refund for the withdrawal, by the tournament's refund policy.";
    case "organiser":
      return "Refund by the organiser.";
  }
}
