import type { PaymentOutcome } from "../../domain/payments/reconcile.ts";
import type { CheckoutView, RecordCheckoutRequest } from "../contract/index.ts";

type Row = Record<string, SqlStorageValue>;
const numOrNull = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : String(v));

export function checkoutFromRow(r: Row): CheckoutView {
  return {
    sessionId: String(r.id),
    entryId: String(r.entry_id),
    attempt: Number(r.attempt),
    accountId: String(r.account_id),
    amountCents: Number(r.amount_cents),
    currency: String(r.currency),
    platformFeeCents: Number(r.platform_fee_cents),
    url: strOrNull(r.url),
    expiresAt: Number(r.expires_at),
    status: String(r.status) as CheckoutView["status"],
    paymentIntent: strOrNull(r.payment_intent),
    paidAt: numOrNull(r.paid_at),
    outcome: strOrNull(r.outcome) as PaymentOutcome | null,
    refundDueCents: Number(r.refund_due_cents),
    refundSince: numOrNull(r.refund_since),
    refundReason: strOrNull(r.refund_reason),
    refundRequests: Number(r.refund_requests),
    refundedCents: Number(r.refunded_cents),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/**
 * The object's Checkout Sessions over its SQLite storage, synchronous like the registration book: callers
 * run it inside the decision's transaction. Every change queues the session for D1 (payments_outbox).
 */
export class PaymentStore {
  constructor(private readonly sql: SqlStorage) {}

  private rows(query: string, ...bindings: unknown[]): CheckoutView[] {
    return this.sql.exec(query, ...bindings).toArray().map(checkoutFromRow);
  }

  session(id: string): CheckoutView | null {
    return this.rows("SELECT * FROM checkout_sessions WHERE id = ?", id)[0] ?? null;
  }

  byPaymentIntent(paymentIntent: string): CheckoutView | null {
    return this.rows("SELECT * FROM checkout_sessions WHERE payment_intent = ?", paymentIntent)[0] ?? null;
  }

  ofEntry(entryId: string): CheckoutView[] {
    return this.rows("SELECT * FROM checkout_sessions WHERE entry_id = ? ORDER BY attempt, created_at", entryId);
  }

  all(): CheckoutView[] {
    return this.rows("SELECT * FROM checkout_sessions ORDER BY created_at, id");
  }

  /** The payment kept for the entry (the one that confirms it), if any. */
  kept(entryId: string): CheckoutView | null {
    return this.rows("SELECT * FROM checkout_sessions WHERE entry_id = ? AND outcome = 'kept'", entryId)[0] ?? null;
  }

  /** Open sessions whose entry no longer waits for them: not held any more, or held past its hold's end. */
  toExpire(now: number): CheckoutView[] {
    return this.rows(
      `SELECT s.* FROM checkout_sessions s LEFT JOIN entries e ON e.id = s.entry_id
       WHERE s.status = 'open' AND (e.id IS NULL OR e.status <> 'held' OR e.hold_until <= ?) ORDER BY s.created_at`,
      now,
    );
  }

  /** Refunds decided and not yet made. */
  refundsDue(): CheckoutView[] {
    return this.rows("SELECT * FROM checkout_sessions WHERE refund_due_cents > 0 AND payment_intent IS NOT NULL ORDER BY refund_since");
  }

  /** When the alarm has Stripe work: an open session to expire (at its entry's hold end) or a refund to make. */
  nextWorkAt(now: number): number | null {
    if (this.sql.exec("SELECT 1 FROM checkout_sessions WHERE refund_due_cents > 0 LIMIT 1").toArray().length > 0) return now;
    const r = this.sql
      .exec(
        `SELECT MIN(CASE WHEN e.status = 'held' THEN e.hold_until ELSE 0 END) AS at
         FROM checkout_sessions s LEFT JOIN entries e ON e.id = s.entry_id WHERE s.status = 'open'`,
      )
      .toArray()[0];
    const at = numOrNull(r?.at);
    return at === null ? null : Math.max(at, now);
  }

  /** Sessions made for the entry so far (the next attempt number is one more). */
  attempts(entryId: string): number {
    return Number(this.sql.exec("SELECT COALESCE(MAX(attempt), 0) AS n FROM checkout_sessions WHERE entry_id = ?", entryId).one().n);
  }

  /** Records a created session; the same session recorded again (a retried "Pay now") changes nothing. */
  insert(s: RecordCheckoutRequest, status: CheckoutView["status"], now: number): CheckoutView {
    this.sql.exec(
      `INSERT INTO checkout_sessions (id, entry_id, attempt, account_id, amount_cents, currency, platform_fee_cents, url, expires_at,
         status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      s.sessionId, s.entryId, s.attempt, s.accountId, s.amountCents, s.currency, s.platformFeeCents, s.url, s.expiresAt, status, now, now,
    );
    this.queue(s.sessionId);
    return this.session(s.sessionId)!;
  }

  update(id: string, change: Partial<Omit<CheckoutView, "sessionId">>, now: number): void {
    const columns: Record<string, keyof CheckoutView> = {
      status: "status", payment_intent: "paymentIntent", paid_at: "paidAt", outcome: "outcome", refund_due_cents: "refundDueCents",
      refund_since: "refundSince", refund_reason: "refundReason", refund_requests: "refundRequests", refunded_cents: "refundedCents",
      amount_cents: "amountCents",
    };
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [column, field] of Object.entries(columns)) {
      if (field in change) {
        sets.push(`${column} = ?`);
        values.push((change as Record<string, unknown>)[field] ?? null);
      }
    }
    this.sql.exec(`UPDATE checkout_sessions SET ${[...sets, "updated_at = ?"].join(", ")} WHERE id = ?`, ...values, now, id);
    this.queue(id);
  }

  /** A failed try to expire the session; returns how many tries have failed. */
  expireFailed(id: string): number {
    this.sql.exec("UPDATE checkout_sessions SET expire_tries = expire_tries + 1 WHERE id = ?", id);
    return Number(this.sql.exec("SELECT expire_tries AS n FROM checkout_sessions WHERE id = ?", id).one().n);
  }

  /** Records the event id; false when it was applied before. */
  firstTime(eventId: string, now: number): boolean {
    const before = this.sql.exec("SELECT 1 FROM payment_events WHERE id = ?", eventId).toArray().length > 0;
    if (!before) this.sql.exec("INSERT INTO payment_events (id, at) VALUES (?, ?)", eventId, now);
    return !before;
  }

  private queue(id: string): void {
    this.sql.exec("INSERT INTO payments_outbox (session_id) VALUES (?)", id);
  }
}
