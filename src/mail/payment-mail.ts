import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { entries, events, tournaments, users } from "../db/schema.ts";
import { checkoutPayments } from "../db/payments-schema.ts";
import { refundWhy } from "../domain/payments/settle.ts";
import { HOLD_MINUTES_WITH_FEE } from "../object-client/configuration.ts";
import { paymentSettingsOf } from "../queries/payments/accounts.ts";
import { formatMoney } from "../views/components/money.tsx";
import { type PaymentMailFacts, receiptMail, refundedMail } from "../views/mail/payments.tsx";
import type { ComposedMail } from "./message.ts";
import { rendered } from "./rendered.ts";

const UNDELIVERABLE = /\.invalid$/;
const WHY = new Set(["duplicate", "no_place", "left", "withdrawal"]);

/** When a place held from `heldAt` must be paid by (the tournament's hold time; the object's exact time is close by). */
export async function payBy(db: Db, tournamentId: number, heldAt: number): Promise<number> {
  const settings = await paymentSettingsOf(db, tournamentId);
  return heldAt + (settings.holdMinutes || HOLD_MINUTES_WITH_FEE) * 60_000;
}

/** A payment's receipt or refund mail, from D1's copy of the payment (null: nothing to tell any more). */
export async function composePaymentMail(db: Db, origin: string, sessionId: string, event: "receipt" | "refunded", refundedCents: number): Promise<ComposedMail | null> {
  const row = await db
    .select({
      email: users.email, name: users.name, title: tournaments.title, timeZone: tournaments.timeZone, slug: tournaments.slug, event: events.title,
      amountCents: checkoutPayments.amountCents, currency: checkoutPayments.currency, outcome: checkoutPayments.outcome, reason: checkoutPayments.refundReason,
    })
    .from(checkoutPayments)
    .innerJoin(entries, eq(entries.id, checkoutPayments.entryId))
    .innerJoin(users, eq(users.id, entries.userId))
    .innerJoin(tournaments, eq(tournaments.id, entries.tournamentId))
    .innerJoin(events, eq(events.id, entries.eventId))
    .where(eq(checkoutPayments.id, sessionId))
    .get();
  if (!row || UNDELIVERABLE.test(row.email)) return null;
  const currency = row.currency.toUpperCase();
  const facts: PaymentMailFacts = {
    tournament: { title: row.title, timeZone: row.timeZone, slug: row.slug },
    name: row.name,
    event: row.event,
    amount: formatMoney(row.amountCents, currency),
    refunded: formatMoney(refundedCents, currency),
    reason: row.reason === null ? null : WHY.has(row.reason) ? refundWhy(row.reason as "duplicate") : row.reason,
    sessionId,
    link: new URL("/me/entries", origin).toString(),
  };
  return rendered(row.email, event === "receipt" ? receiptMail(facts) : refundedMail(facts));
}
