/**
 * A tournament's refund policy: a full refund until `fullUntil`, then `sharePercent` of the fee until
 * registration closes, nothing after. No `fullUntil` means the share applies from the start.
 */
export interface RefundPolicy {
  fullUntil: number | null;
  sharePercent: number;
  closesAt: number;
}

export type RefundVerdict =
  | { kind: "full"; amountCents: number }
  | { kind: "share"; amountCents: number; percent: number }
  | { kind: "none"; amountCents: 0 };

/** What a withdrawal at `now` gets back of what was paid (and not yet refunded). */
export function refundOnWithdrawal(policy: RefundPolicy, refundableCents: number, now: number): RefundVerdict {
  const left = Math.max(0, refundableCents);
  if (left === 0 || now >= policy.closesAt) return { kind: "none", amountCents: 0 };
  if (policy.fullUntil !== null && now <= policy.fullUntil) return { kind: "full", amountCents: left };
  const percent = Math.min(100, Math.max(0, Math.trunc(policy.sharePercent)));
  const amountCents = Math.floor((left * percent) / 100);
  return amountCents > 0 ? { kind: "share", amountCents, percent } : { kind: "none", amountCents: 0 };
}

/** The policy in words, for the registration page and the withdrawal confirmation. */
export function describePolicy(policy: RefundPolicy, format: (ms: number) => string): string {
  const after = policy.sharePercent > 0 ? `${policy.sharePercent} % until registration closes (${format(policy.closesAt)})` : "no refund";
  if (policy.fullUntil === null) return `Withdrawing refunds ${after}, nothing after.`;
  return `Withdrawing refunds the full fee until ${format(policy.fullUntil)}, then ${after}${policy.sharePercent > 0 ? ", nothing after" : ""}.`;
}
