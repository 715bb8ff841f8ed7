import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tournaments, users } from "./schema.ts";

/** Payments: Stripe accounts, payment settings, the copy of the objects' Checkout Sessions, webhook events (drizzle.config.ts reads this file too). */
/** An organiser's Stripe account (Connect): entries of their tournaments are paid to it directly. */
export const stripeAccounts = sqliteTable("stripe_accounts", {
  userId: integer("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  accountId: text("account_id").notNull().unique(),
  /** From `account.updated`: the account can take card payments. */
  chargesEnabled: integer("charges_enabled").notNull().default(0),
  detailsSubmitted: integer("details_submitted").notNull().default(0),
  updatedAt: integer("updated_at").notNull(),
});

/** A tournament's payment settings: how long a place is held for payment, and the refund policy. */
export const tournamentPaymentSettings = sqliteTable("tournament_payment_settings", {
  tournamentId: integer("tournament_id").primaryKey().references(() => tournaments.id, { onDelete: "cascade" }),
  holdMinutes: integer("hold_minutes").notNull().default(30),
  /** Full refund on withdrawal until then (epoch ms); null: the share applies from the start. */
  refundFullUntil: integer("refund_full_until"),
  /** The share refunded after `refundFullUntil` until registration closes. */
  refundSharePercent: integer("refund_share_percent").notNull().default(100),
  updatedAt: integer("updated_at").notNull(),
});

/** A copy of the tournament object's Checkout Sessions and their payments, written only by its outbox. */
export const checkoutPayments = sqliteTable(
  "checkout_payments",
  {
    id: text("id").primaryKey(),
    tournamentId: integer("tournament_id").notNull(),
    entryId: text("entry_id").notNull(),
    attempt: integer("attempt").notNull(),
    accountId: text("account_id").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    platformFeeCents: integer("platform_fee_cents").notNull().default(0),
    status: text("status").notNull(),
    paymentIntent: text("payment_intent"),
    paidAt: integer("paid_at"),
    outcome: text("outcome"),
    refundDueCents: integer("refund_due_cents").notNull().default(0),
    refundSince: integer("refund_since"),
    refundReason: text("refund_reason"),
    refundedCents: integer("refunded_cents").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("checkout_payments_tournament").on(t.tournamentId, t.status), index("checkout_payments_entry").on(t.entryId)],
);

/** Stripe webhook events, each recorded once; `handledAt` is set once it was applied (a replay is then answered at once). */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  accountId: text("account_id"),
  receivedAt: integer("received_at").notNull(),
  handledAt: integer("handled_at"),
});
