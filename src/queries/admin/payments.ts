import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { type PaidSession, type PaymentOutcome, reconcile, type ReconciliationProblem } from "../../domain/payments/reconcile.ts";
import { splitLocal } from "../../domain/time/local-input.ts";
import { localTimeProblem } from "../../domain/time/local-problems.ts";
import { fromLocal } from "../../domain/time/zoned.ts";
import type { Db } from "../../db/client.ts";
import { entries, events, users } from "../../db/schema.ts";
import { checkoutPayments, tournamentPaymentSettings } from "../../db/payments-schema.ts";
import { statement } from "../../db/statements.ts";
import type { Errors } from "../../lib/forms.ts";
import { commit } from "./commit.ts";

export interface PaymentRow {
  sessionId: string;
  entryId: string;
  name: string;
  email: string;
  eventTitle: string;
  entryStatus: string;
  amountCents: number;
  currency: string;
  platformFeeCents: number;
  status: string;
  outcome: string | null;
  refundedCents: number;
  refundDueCents: number;
  refundReason: string | null;
  paidAt: number | null;
  createdAt: number;
}

export interface CurrencyTotals {
  currency: string;
  paidCents: number;
  refundedCents: number;
  platformFeeCents: number;
  netCents: number;
  count: number;
}

/** What the payments page shows: every session (newest first), totals per currency, the reconciliation check. */
export async function loadPayments(db: Db, tournamentId: number, now = Date.now()) {
  const rows: PaymentRow[] = await db
    .select({
      sessionId: checkoutPayments.id,
      entryId: checkoutPayments.entryId,
      name: users.name,
      email: users.email,
      eventTitle: events.title,
      entryStatus: entries.status,
      amountCents: checkoutPayments.amountCents,
      currency: checkoutPayments.currency,
      platformFeeCents: checkoutPayments.platformFeeCents,
      status: checkoutPayments.status,
      outcome: checkoutPayments.outcome,
      refundedCents: checkoutPayments.refundedCents,
      refundDueCents: checkoutPayments.refundDueCents,
      refundReason: checkoutPayments.refundReason,
      paidAt: checkoutPayments.paidAt,
      createdAt: checkoutPayments.createdAt,
    })
    .from(checkoutPayments)
    .innerJoin(entries, eq(entries.id, checkoutPayments.entryId))
    .innerJoin(users, eq(users.id, entries.userId))
    .innerJoin(events, eq(events.id, entries.eventId))
    .where(eq(checkoutPayments.tournamentId, tournamentId))
    .orderBy(asc(checkoutPayments.createdAt));
  rows.reverse();
  const totals = new Map<string, CurrencyTotals>();
  for (const r of rows.filter((r) => r.status === "paid")) {
    const t = totals.get(r.currency) ?? { currency: r.currency, paidCents: 0, refundedCents: 0, platformFeeCents: 0, netCents: 0, count: 0 };
    t.count += 1;
    t.paidCents += r.amountCents;
    t.refundedCents += r.refundedCents;
    t.platformFeeCents += r.platformFeeCents;
    t.netCents = t.paidCents - t.refundedCents - t.platformFeeCents;
    totals.set(r.currency, t);
  }
  const statusOf = new Map(rows.map((r) => [r.entryId, r.entryStatus]));
  const paid: PaidSession[] = rows
    .filter((r) => r.status === "paid")
    .map((r) => ({ sessionId: r.sessionId, entryId: r.entryId, outcome: r.outcome as PaymentOutcome | null, refundPendingSince: r.refundDueCents > 0 ? (r.paidAt ?? r.createdAt) : null }));
  const problems: ReconciliationProblem[] = reconcile(paid, (id) => statusOf.get(id) ?? null, now);
  return { rows, totals: [...totals.values()], problems };
}

/** A row's state in one word for people: held (open), paid, refunded, failed, expired. */
export function paymentWord(r: Pick<PaymentRow, "status" | "outcome" | "refundedCents" | "amountCents" | "refundDueCents">): string {
  if (r.status === "paid") {
    if (r.refundDueCents > 0) return "refund pending";
    if (r.refundedCents >= r.amountCents) return "refunded";
    if (r.refundedCents > 0) return "partly refunded";
    return "paid";
  }
  return ({ open: "held", processing: "processing", expired: "expired", failed: "failed", expire_failed: "expired" } as Record<string, string>)[r.status] ?? r.status;
}

// ---------- Settings ----------

export const SETTINGS_FIELDS = ["holdMinutes", "refundFullUntil", "refundSharePercent"] as const;

const settingsShape = z.object({
  holdMinutes: z.string().trim().regex(/^\d{1,4}$/, "Enter the hold time in whole minutes.").transform(Number)
    .pipe(z.number().min(1, "Hold a place at least 1 minute.").max(1440, "Hold a place at most 24 hours (1,440 minutes).")),
  refundFullUntil: z.string().trim(),
  refundSharePercent: z.string().trim().regex(/^\d{1,3}$/, "Enter a whole percentage.").transform(Number)
    .pipe(z.number().max(100, "The share cannot be over 100 %.")),
});

export type SettingsForm = { holdMinutes: number; refundFullUntil: number | null; refundSharePercent: number };

/** The settings form, with the full-refund date read in the tournament's zone (empty: no full-refund period). */
export function parseSettings(values: Record<string, string>, zone: string): { data: SettingsForm } | { errors: Errors } {
  const parsed = settingsShape.safeParse(values);
  const errors: Errors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  let refundFullUntil: number | null = null;
  const raw = values.refundFullUntil?.trim() ?? "";
  if (raw !== "") {
    const local = splitLocal(raw);
    const gap = local ? localTimeProblem(local.date, local.time, zone) : "Enter a date and time.";
    if (gap || !local) errors.refundFullUntil = gap ?? "Enter a date and time.";
    else refundFullUntil = fromLocal(local.date, local.time, zone);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  return { data: { holdMinutes: parsed.data.holdMinutes, refundSharePercent: parsed.data.refundSharePercent, refundFullUntil } };
}

/** Saves the settings with the audit row and a revision bump (the object's configuration carries them). */
export async function saveSettings(db: Db, tournamentId: number, actorId: number, revision: number, s: SettingsForm) {
  const now = Date.now();
  const upsert = db
    .insert(tournamentPaymentSettings)
    .values({ tournamentId, ...s, updatedAt: now })
    .onConflictDoUpdate({ target: tournamentPaymentSettings.tournamentId, set: { ...s, updatedAt: now } });
  return commit(db, { tournamentId, actorId, action: "payments.settings", subject: `tournament:${tournamentId}`, detail: { ...s }, revision, statements: [statement(db, upsert)] });
}

// ---------- Refunds ----------

export const refundForm = z.object({
  entryId: z.string().regex(/^[1-9][0-9]{0,14}-[A-Za-z0-9_-]{8,64}$/, "Choose the entry to refund."),
  amount: z.string().trim().regex(/^$|^\d{1,7}([.,]\d{1,2})?$/, "Enter an amount like 12.50, or leave it empty for the full amount."),
  reason: z.string().trim().min(3, "Give a reason (the competitor sees it).").max(500, "Keep the reason to 500 characters or fewer."),
});

/** "12.50" → 1250 minor units (two-decimal currencies); empty → null (the full amount). */
export function amountCents(text: string): number | null {
  if (text.trim() === "") return null;
  const [whole = "0", fraction = ""] = text.trim().replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
