import { describe, expect, it } from "vitest";
import { CHECKOUT_MAX_MS, CHECKOUT_MIN_MS, checkoutExpiry, platformFee } from "../../src/domain/payments/checkout.ts";
import { reconcile } from "../../src/domain/payments/reconcile.ts";
import { refundOnWithdrawal } from "../../src/domain/payments/refund-policy.ts";
import { settlePayment } from "../../src/domain/payments/settle.ts";

const now = Date.UTC(2026, 5, 1, 10);
const min = 60_000;

describe("Checkout expiry", () => {
  it("ends with the hold when the hold is within Stripe's 30 min .. 24 h", () => {
    const hold = now + 90 * min;
    expect(checkoutExpiry(now, hold)).toEqual({ expiresAt: Math.floor(hold / 1000), outlivesHold: false });
  });
  it("is Stripe's minimum (plus a minute) when the hold ends sooner, and says it outlives the hold", () => {
    const e = checkoutExpiry(now, now + 5 * min);
    expect(e.outlivesHold).toBe(true);
    expect(e.expiresAt * 1000).toBe(now + CHECKOUT_MIN_MS + min);
  });
  it("never asks for more than 24 hours", () => {
    const e = checkoutExpiry(now, now + 3 * CHECKOUT_MAX_MS);
    expect(e.expiresAt * 1000).toBeLessThan(now + CHECKOUT_MAX_MS);
    expect(e.outlivesHold).toBe(false);
  });
  it("a default 30 min hold cannot fit Stripe's minimum: the session outlives it by the margin", () => {
    expect(checkoutExpiry(now, now + 30 * min).outlivesHold).toBe(true);
  });
});

describe("platform fee", () => {
  it("is 0 by default and floors basis points", () => {
    expect(platformFee(2500, 0)).toBe(0);
    expect(platformFee(2500, 250)).toBe(62);
    expect(platformFee(100, 20_000)).toBe(100);
  });
});

describe("refund policy", () => {
  const policy = { fullUntil: now + 10 * min, sharePercent: 50, closesAt: now + 60 * min };
  it("refunds in full until the date, the share after, nothing once registration closed", () => {
    expect(refundOnWithdrawal(policy, 2500, now)).toEqual({ kind: "full", amountCents: 2500 });
    expect(refundOnWithdrawal(policy, 2500, now + 20 * min)).toEqual({ kind: "share", amountCents: 1250, percent: 50 });
    expect(refundOnWithdrawal(policy, 2500, now + 60 * min)).toEqual({ kind: "none", amountCents: 0 });
  });
  it("without a full-refund date the share applies from the start; a 0 % share refunds nothing", () => {
    expect(refundOnWithdrawal({ ...policy, fullUntil: null }, 999, now).amountCents).toBe(499);
    expect(refundOnWithdrawal({ ...policy, fullUntil: null, sharePercent: 0 }, 999, now).kind).toBe("none");
  });
  it("never refunds more than is left to refund", () => {
    expect(refundOnWithdrawal(policy, -5, now).amountCents).toBe(0);
  });
});

describe("a successful payment", () => {
  const base = { thisPaymentKept: false, otherPaymentKept: false, placeFree: false };
  it("confirms a held entry, and is applied once", () => {
    expect(settlePayment({ ...base, status: "held" }).kind).toBe("confirm");
    expect(settlePayment({ ...base, status: "confirmed", thisPaymentKept: true }).kind).toBe("already_applied");
  });
  it("is refunded when another payment is kept or the entry was confirmed by hand", () => {
    expect(settlePayment({ ...base, status: "confirmed", otherPaymentKept: true })).toEqual({ kind: "refund", why: "duplicate" });
    expect(settlePayment({ ...base, status: "confirmed" })).toEqual({ kind: "refund", why: "duplicate" });
  });
  it("for a released place confirms it if a place is free, otherwise is refunded", () => {
    expect(settlePayment({ ...base, status: "expired", placeFree: true }).kind).toBe("confirm_late");
    expect(settlePayment({ ...base, status: "expired" })).toEqual({ kind: "refund", why: "no_place" });
    expect(settlePayment({ ...base, status: "withdrawn", placeFree: true })).toEqual({ kind: "refund", why: "left" });
  });
});

describe("reconciliation", () => {
  it("flags a kept payment whose entry is not confirmed, a second kept payment, and an overdue refund", () => {
    const statuses: Record<string, string> = { a: "confirmed", b: "expired" };
    const problems = reconcile(
      [
        { sessionId: "s1", entryId: "a", outcome: "kept", refundPendingSince: null },
        { sessionId: "s2", entryId: "a", outcome: "kept", refundPendingSince: null },
        { sessionId: "s3", entryId: "b", outcome: "kept", refundPendingSince: null },
        { sessionId: "s4", entryId: "b", outcome: "returned", refundPendingSince: null },
        { sessionId: "s5", entryId: "b", outcome: "returned", refundPendingSince: now - 2 * 60 * min },
        { sessionId: "s6", entryId: "b", outcome: "settled", refundPendingSince: now - min },
        { sessionId: "s7", entryId: "b", outcome: null, refundPendingSince: null },
      ],
      (id) => statuses[id] ?? null,
      now,
    );
    expect(problems.map((p) => p.sessionId)).toEqual(["s2", "s3", "s5", "s7"]);
  });
  it("finds nothing wrong when every payment maps to a confirmed entry or a refund", () => {
    expect(reconcile([{ sessionId: "s1", entryId: "a", outcome: "kept", refundPendingSince: null }], () => "confirmed", now)).toEqual([]);
  });
});
