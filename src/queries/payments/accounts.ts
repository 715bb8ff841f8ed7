import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { tournaments } from "../../db/schema.ts";
import { stripeAccounts, tournamentPaymentSettings } from "../../db/payments-schema.ts";
import { HOLD_MINUTES_WITH_FEE } from "../../object-client/configuration.ts";

export type StripeAccountRow = typeof stripeAccounts.$inferSelect;

/** The connected Stripe account of an organiser, if they started onboarding. */
export async function accountOfUser(db: Db, userId: number): Promise<StripeAccountRow | null> {
  return (await db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, userId)).get()) ?? null;
}

/** The account a tournament's fees are paid to: its organiser's (the account that created it). */
export async function accountOfTournament(db: Db, tournamentId: number): Promise<StripeAccountRow | null> {
  const row = await db
    .select({ account: stripeAccounts })
    .from(tournaments)
    .innerJoin(stripeAccounts, eq(stripeAccounts.userId, tournaments.createdBy))
    .where(eq(tournaments.id, tournamentId))
    .get();
  return row?.account ?? null;
}

export async function saveAccount(db: Db, userId: number, accountId: string, now: number): Promise<void> {
  await db.insert(stripeAccounts).values({ userId, accountId, updatedAt: now }).onConflictDoNothing();
}

/** From `account.updated`: whether the account can take payments now. */
export async function updateAccountState(db: Db, accountId: string, state: { chargesEnabled: boolean; detailsSubmitted: boolean }, now: number): Promise<void> {
  await db
    .update(stripeAccounts)
    .set({ chargesEnabled: state.chargesEnabled ? 1 : 0, detailsSubmitted: state.detailsSubmitted ? 1 : 0, updatedAt: now })
    .where(eq(stripeAccounts.accountId, accountId));
}

export interface PaymentSettingsView {
  holdMinutes: number;
  refundFullUntil: number | null;
  refundSharePercent: number;
}

export async function paymentSettingsOf(db: Db, tournamentId: number): Promise<PaymentSettingsView> {
  const row = await db.select().from(tournamentPaymentSettings).where(eq(tournamentPaymentSettings.tournamentId, tournamentId)).get();
  return {
    holdMinutes: row?.holdMinutes ?? HOLD_MINUTES_WITH_FEE,
    refundFullUntil: row?.refundFullUntil ?? null,
    refundSharePercent: row?.refundSharePercent ?? 100,
  };
}
