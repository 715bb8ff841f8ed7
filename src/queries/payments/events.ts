import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { checkoutPayments, stripeEvents } from "../../db/payments-schema.ts";

/** Records a Stripe event (once); true when it was already handled, so a replay is answered at once. */
export async function recordEvent(db: Db, e: { id: string; type: string; account: string | null }, now: number): Promise<boolean> {
  await db.insert(stripeEvents).values({ id: e.id, type: e.type, accountId: e.account, receivedAt: now }).onConflictDoNothing();
  const row = await db.select({ handledAt: stripeEvents.handledAt }).from(stripeEvents).where(eq(stripeEvents.id, e.id)).get();
  return row?.handledAt != null;
}

export async function markHandled(db: Db, id: string, now: number): Promise<void> {
  await db.update(stripeEvents).set({ handledAt: now }).where(eq(stripeEvents.id, id));
}

/** The tournament of a payment, by its PaymentIntent (for charge events, which carry no entry). */
export async function tournamentOfPaymentIntent(db: Db, paymentIntent: string): Promise<number | null> {
  const row = await db.select({ t: checkoutPayments.tournamentId }).from(checkoutPayments).where(eq(checkoutPayments.paymentIntent, paymentIntent)).get();
  return row?.t ?? null;
}
