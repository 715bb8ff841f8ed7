import { refundOnWithdrawal } from "../../domain/payments/refund-policy.ts";
import { settlePayment } from "../../domain/payments/settle.ts";
import type { Book } from "../../domain/registration/book.ts";
import { placesLeft } from "../../domain/registration/capacity.ts";
import { settleHolds } from "../../domain/registration/changes.ts";
import type { Clock } from "../../domain/registration/clock.ts";
import { pointForPlacement } from "../../domain/registration/firing-points.ts";
import type { EntryRecord } from "../../domain/registration/types.ts";
import type {
  PaymentEvent,
  PaymentEventResult,
  RecordCheckoutRequest,
  RefundEntryRequest,
  RefundEntryResult,
  SessionPaymentEvent,
  StartCheckoutRequest,
  StartCheckoutResult,
} from "../contract/index.ts";
import type { PaymentStore } from "./store.ts";

/**
 * The object's payment decisions. Each runs inside one `transactionSync` with the registration rules, so a
 * payment confirms a held place (or is sent back) in the same step that reads the place: never a place sold
 * twice, never money kept without a place. Stripe is only called later, by the alarm (./stripe-work.ts).
 */
export function startCheckout(book: Book, store: PaymentStore, req: StartCheckoutRequest, clock: Clock): StartCheckoutResult {
  settleHolds(book, clock);
  const entry = book.entry(req.entryId);
  if (!entry || entry.userId !== req.userId) return { outcome: "refused", reason: "not_found", message: "There is no such entry of yours in this tournament." };
  if (store.kept(entry.id) || entry.status === "confirmed") return { outcome: "refused", reason: "paid", message: "This entry is already paid and confirmed." };
  if (entry.status === "expired") return { outcome: "refused", reason: "hold_expired", message: "The hold on this entry lapsed and its place was released." };
  if (entry.status !== "held" || entry.holdUntil === null) {
    return { outcome: "refused", reason: "not_held", message: `This entry is ${entry.status}, not awaiting payment.` };
  }
  if (entry.holdUntil <= clock.now) return { outcome: "refused", reason: "hold_expired", message: "The hold on this entry has just ended." };
  const open = store.ofEntry(entry.id).find((s) => s.status === "open" && s.url !== null && s.expiresAt > clock.now);
  if (open?.url) return { outcome: "open", url: open.url, holdUntil: entry.holdUntil };
  return { outcome: "create", attempt: store.attempts(entry.id) + 1, holdUntil: entry.holdUntil };
}

/** The Worker created the session on Stripe. Recorded even if the hold lapsed meanwhile: the alarm then expires it. */
export function recordCheckout(store: PaymentStore, req: RecordCheckoutRequest, clock: Clock): void {
  if (store.session(req.sessionId)) return;
  store.insert(req, "open", clock.stamp());
}

function relayHasRoom(book: Book, entry: EntryRecord): boolean {
  if (entry.relayId === null) return false;
  const relay = book.relaysOf(entry.eventId).find((r) => r.id === entry.relayId);
  return relay !== undefined && placesLeft(relay) > 0;
}

/** Sends a payment back in full (a duplicate, or no place for it): the alarm makes the refund. */
function returnPayment(store: PaymentStore, sessionId: string, amountCents: number, reason: string, clock: Clock): void {
  const s = store.session(sessionId)!;
  store.update(sessionId, {
    outcome: "returned",
    refundDueCents: Math.max(0, amountCents - s.refundedCents),
    refundSince: s.refundSince ?? clock.now,
    refundReason: reason,
  }, clock.stamp());
}

function applyPaid(book: Book, store: PaymentStore, ev: SessionPaymentEvent, clock: Clock): PaymentEventResult {
  const known = store.session(ev.sessionId);
  if (!known) {
    // Created on Stripe but never recorded here (the Worker failed in between): the event tells enough.
    store.insert({ ...ev, attempt: store.attempts(ev.entryId) + 1, platformFeeCents: 0, url: "https://checkout.stripe.com/", expiresAt: clock.now }, "open", clock.stamp());
  }
  const session = store.session(ev.sessionId)!;
  if (session.status === "paid") return { outcome: "applied", verdict: "already_applied" };
  store.update(session.sessionId, { status: "paid", paymentIntent: ev.paymentIntent, paidAt: clock.now, amountCents: ev.amountCents }, clock.stamp());
  const entry = book.entry(ev.entryId);
  const kept = store.kept(ev.entryId);
  if (!entry) {
    returnPayment(store, session.sessionId, ev.amountCents, "no_place", clock);
    return { outcome: "applied", verdict: "refund" };
  }
  const verdict = settlePayment({
    status: entry.status,
    thisPaymentKept: kept?.sessionId === session.sessionId,
    otherPaymentKept: kept !== null && kept.sessionId !== session.sessionId,
    placeFree: entry.status === "expired" && relayHasRoom(book, entry),
  });
  if (verdict.kind === "refund") {
    returnPayment(store, session.sessionId, ev.amountCents, verdict.why, clock);
  } else if (verdict.kind === "confirm" || verdict.kind === "confirm_late") {
    const relayId = entry.relayId!;
    const firingPoint = verdict.kind === "confirm" ? entry.firingPoint : pointForPlacement(book, relayId);
    book.save({ ...entry, status: "confirmed", holdUntil: null, firingPoint, waitlistPosition: null, updatedAt: clock.stamp() });
    store.update(session.sessionId, { outcome: "kept" }, clock.stamp());
  }
  settleHolds(book, clock);
  return { outcome: "applied", verdict: verdict.kind };
}

/** One Stripe event about this tournament's payments; an event id is applied once. */
export function applyPaymentEvent(book: Book, store: PaymentStore, ev: PaymentEvent, clock: Clock): PaymentEventResult {
  if (!store.firstTime(ev.eventId, clock.now)) return { outcome: "duplicate" };
  if (ev.type === "refunded") {
    const s = store.byPaymentIntent(ev.paymentIntent);
    if (!s) return { outcome: "ignored" };
    const refundedCents = Math.max(s.refundedCents, ev.refundedCents);
    if (refundedCents !== s.refundedCents) store.update(s.sessionId, { refundedCents }, clock.stamp());
    return { outcome: "applied" };
  }
  if (ev.type === "paid") return applyPaid(book, store, ev, clock);
  const s = store.session(ev.sessionId);
  if (!s) return { outcome: "ignored" };
  // A paid session never goes back; an expired or failed one may still be paid later (async methods).
  if (s.status === "paid" || s.status === ev.type) return { outcome: "applied" };
  if (ev.type === "processing" && s.status !== "open") return { outcome: "applied" };
  store.update(s.sessionId, { status: ev.type }, clock.stamp());
  settleHolds(book, clock);
  return { outcome: "applied" };
}

/**
 * An entry left (withdrawn by its competitor, removed by an organiser): its kept payment is settled by the
 * refund policy (withdrawal) or refunded in full (removal), in the same decision.
 */
export function settleLeaving(book: Book, store: PaymentStore, entry: EntryRecord, by: "withdrawal" | "removal", clock: Clock): void {
  const kept = store.kept(entry.id);
  if (!kept) return;
  const refundable = kept.amountCents - kept.refundedCents - kept.refundDueCents;
  const settings = book.settings();
  const amount =
    by === "removal" || !settings
      ? refundable
      : refundOnWithdrawal({ fullUntil: settings.refundFullUntil ?? null, sharePercent: settings.refundSharePercent ?? 100, closesAt: settings.closesAt }, refundable, clock.now).amountCents;
  store.update(kept.sessionId, {
    outcome: "settled",
    refundDueCents: kept.refundDueCents + amount,
    refundSince: amount > 0 ? (kept.refundSince ?? clock.now) : kept.refundSince,
    refundReason: by,
  }, clock.stamp());
}

/** An organiser refunds an entry's payment (the kept one, else the latest paid one), in full or in part. */
export function refundEntry(store: PaymentStore, req: RefundEntryRequest, clock: Clock): RefundEntryResult {
  const paid = store.ofEntry(req.entryId).filter((s) => s.status === "paid");
  const target = paid.find((s) => s.outcome === "kept") ?? paid.at(-1);
  if (!target) return { outcome: "refused", reason: "not_paid", message: "This entry has no online payment to refund." };
  const left = target.amountCents - target.refundedCents - target.refundDueCents;
  const amount = req.amountCents ?? left;
  if (amount <= 0 || amount > left) {
    return { outcome: "refused", reason: "too_much", message: `At most ${left} (minor units) is left to refund on this payment.` };
  }
  store.update(target.sessionId, { refundDueCents: target.refundDueCents + amount, refundSince: target.refundSince ?? clock.now, refundReason: req.reason }, clock.stamp());
  return { outcome: "queued", sessionId: target.sessionId, amountCents: amount };
}
