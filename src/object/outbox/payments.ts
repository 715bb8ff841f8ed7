import { enqueueMail } from "../../mail/enqueue.ts";
import { type MailMessage, paymentMailKey } from "../../mail/message.ts";
import type { CheckoutView } from "../contract/index.ts";
import { checkoutFromRow } from "../payments/store.ts";
import type { OutboxStream } from "./driver.ts";

type PaymentRow = CheckoutView & { tournamentId: number };

const COLUMNS = [
  "id", "tournament_id", "entry_id", "attempt", "account_id", "amount_cents", "currency", "platform_fee_cents", "status", "payment_intent",
  "paid_at", "outcome", "refund_due_cents", "refund_since", "refund_reason", "refunded_cents", "created_at", "updated_at",
];
const PER_STATEMENT = 100;

/** The D1 upsert of Checkout Sessions as one JSON parameter; only a newer state overwrites an older one. */
const UPSERT = `
  INSERT INTO checkout_payments (${COLUMNS.join(", ")})
  SELECT ${COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ")} FROM json_each(?1) WHERE true
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(", ")}
  WHERE excluded.updated_at > checkout_payments.updated_at`;

const values = (p: PaymentRow) => [
  p.sessionId, p.tournamentId, p.entryId, p.attempt, p.accountId, p.amountCents, p.currency, p.platformFeeCents, p.status, p.paymentIntent,
  p.paidAt, p.outcome, p.refundDueCents, p.refundSince, p.refundReason, p.refundedCents, p.createdAt, p.updatedAt,
];

/** Payments' copy: `payments_outbox` names changed sessions; each is sent as it is now. */
export const paymentsStream: OutboxStream<PaymentRow> = {
  name: "payments",
  table: "payments_outbox",
  rowsPerDrain: 2000,
  waitsOutBackOff: false,
  take: (sql, lastRowId) => {
    const tournamentId = Number(sql.exec("SELECT tournament_id FROM settings WHERE only = 1").toArray()[0]?.tournament_id ?? 0);
    return sql
      .exec("SELECT * FROM checkout_sessions WHERE id IN (SELECT session_id FROM payments_outbox WHERE id <= ?)", lastRowId)
      .toArray()
      .map((r) => ({ ...checkoutFromRow(r), tournamentId }));
  },
  statements: (d1, rows) => {
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < rows.length; i += PER_STATEMENT) {
      statements.push(d1.prepare(UPSERT).bind(JSON.stringify(rows.slice(i, i + PER_STATEMENT).map(values))));
    }
    return statements;
  },
  describe: (p) => ({ tournamentId: p.tournamentId, subject: `payment:${p.sessionId}`, row: JSON.stringify(p) }),
};

/**
 * The receipt and refund mails, enqueued once D1 has the payments (the mail is composed from D1). Keys make
 * a resend harmless: one receipt per payment, one refund mail per refunded total.
 */
export function paymentMails(queue: Queue, origin: string) {
  return async (rows: PaymentRow[]): Promise<void> => {
    const messages: MailMessage[] = [];
    for (const p of rows) {
      if (p.status === "paid" && p.outcome === "kept") {
        messages.push({ key: paymentMailKey(p.sessionId, "receipt", 0), to: null, origin, body: { kind: "payment", sessionId: p.sessionId, event: "receipt", refundedCents: 0 } });
      }
      if (p.refundedCents > 0) {
        const body = { kind: "payment" as const, sessionId: p.sessionId, event: "refunded" as const, refundedCents: p.refundedCents };
        messages.push({ key: paymentMailKey(p.sessionId, "refunded", p.refundedCents), to: null, origin, body });
      }
    }
    if (messages.length > 0) await enqueueMail(queue, messages);
  };
}
