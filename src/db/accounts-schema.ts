import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tournaments, users } from "./schema.ts";

/** Accounts' mailed links and the mail log (drizzle.config.ts reads this file with schema.ts). */

export const ACCOUNT_TOKEN_PURPOSES = ["verify", "reset", "invite", "claim"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Single-use links sent by mail (verify an address, reset a password, accept a staff invitation, claim a
 * walk-up entry). Only the SHA-256 of the token is kept; `usedAt` makes it single use.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The address the link was sent to (lower case): what the link proves. */
    email: text("email").notNull(),
    tournamentId: integer("tournament_id").references(() => tournaments.id, { onDelete: "cascade" }),
    /** What the link is about: the invited role, the walk-up entry id. */
    subject: text("subject").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("account_tokens_user").on(t.userId, t.purpose, t.createdAt), index("account_tokens_email").on(t.email, t.purpose)],
);

/**
 * One row per mail the queue consumer handled, keyed by the message's idempotency key: a redelivered
 * message whose key is `sent` is acknowledged without sending again. `text`/`html` are kept only when the
 * local mailbox is on (`LOCAL_MAILBOX`), never in production, since they carry single-use links.
 */
export const mailLog = sqliteTable(
  "mail_log",
  {
    key: text("key").primaryKey(),
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    state: text("state", { enum: ["sending", "sent"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    claimedAt: integer("claimed_at").notNull(),
    sentAt: integer("sent_at"),
    text: text("text"),
    html: text("html"),
  },
  (t) => [index("mail_log_recipient").on(t.recipient, t.claimedAt)],
);

/** Messages the dead-letter queue's consumer received: kept for an operator to read, never sent. */
export const mailDead = sqliteTable("mail_dead", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key"),
  body: text("body").notNull(),
  attempts: integer("attempts").notNull(),
  at: integer("at").notNull(),
});
