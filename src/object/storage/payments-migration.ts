/** The object's tables for Checkout Sessions and payments, applied by migrations.ts as one named migration. */
export const PAYMENTS_MIGRATION = {
  name: "0008_payments",
  sql: `
    -- The refund policy (src/domain/payments/refund-policy.ts), pushed with the configuration.
    ALTER TABLE settings ADD COLUMN refund_full_until INTEGER;
    ALTER TABLE settings ADD COLUMN refund_share_percent INTEGER NOT NULL DEFAULT 100;
    -- Stripe Checkout Sessions of held entries and what became of their payments (src/object/payments).
    CREATE TABLE checkout_sessions (
      id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      account_id TEXT NOT NULL,
      amount_cents INTEGER NOT NULL,
      currency TEXT NOT NULL,
      platform_fee_cents INTEGER NOT NULL DEFAULT 0,
      url TEXT,
      expires_at INTEGER NOT NULL,
      status TEXT NOT NULL,
      payment_intent TEXT,
      paid_at INTEGER,
      outcome TEXT,
      refund_due_cents INTEGER NOT NULL DEFAULT 0,
      refund_since INTEGER,
      refund_reason TEXT,
      refund_requests INTEGER NOT NULL DEFAULT 0,
      refunded_cents INTEGER NOT NULL DEFAULT 0,
      expire_tries INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX checkout_sessions_entry ON checkout_sessions (entry_id);
    CREATE INDEX checkout_sessions_intent ON checkout_sessions (payment_intent);
    CREATE TABLE payments_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL);
    -- Stripe event ids applied here: a replayed event changes nothing.
    CREATE TABLE payment_events (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
  `,
};
