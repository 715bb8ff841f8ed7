/**
 * What became of a paid Checkout Session: `kept` pays for a confirmed entry; `returned` goes back in full
 * (a second payment, or no place for it); `settled` belongs to an entry that left, refunded by the policy
 * (possibly nothing, after registration closed). Null: paid, not yet decided (never left so by the object).
 */
export type PaymentOutcome = "kept" | "returned" | "settled";

export interface PaidSession {
  sessionId: string;
  entryId: string;
  outcome: PaymentOutcome | null;
  /** Refund decided and not yet done by Stripe: since when (null when none is pending). */
  refundPendingSince: number | null;
}

export interface ReconciliationProblem {
  sessionId: string;
  entryId: string;
  problem: string;
}

/** A refund Stripe has not confirmed after this long is worth a look. */
export const REFUND_OVERDUE_MS = 60 * 60_000;

/**
 * Every paid Checkout Session must map to a confirmed entry or to a refund, and an entry keeps at most one
 * payment. `statusOf` gives the entry's status (null when the entry is unknown).
 */
export function reconcile(sessions: readonly PaidSession[], statusOf: (entryId: string) => string | null, now: number): ReconciliationProblem[] {
  const problems: ReconciliationProblem[] = [];
  const keptPerEntry = new Map<string, number>();
  const flag = (s: PaidSession, problem: string) => problems.push({ sessionId: s.sessionId, entryId: s.entryId, problem });
  for (const s of sessions) {
    if (s.refundPendingSince !== null && now - s.refundPendingSince > REFUND_OVERDUE_MS) flag(s, "a refund decided over an hour ago is not done yet");
    if (s.outcome === null) flag(s, "paid, but neither kept for the entry nor refunded");
    if (s.outcome !== "kept") continue;
    const status = statusOf(s.entryId);
    if (status !== "confirmed") flag(s, `paid and kept, but the entry is ${status ?? "unknown"}`);
    const kept = (keptPerEntry.get(s.entryId) ?? 0) + 1;
    keptPerEntry.set(s.entryId, kept);
    if (kept > 1) flag(s, "a second payment kept for the same entry");
  }
  return problems;
}
