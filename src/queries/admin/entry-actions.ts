import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { ChangeResult, EntryView } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import { rawStatement } from "../../db/statements.ts";
import { commit } from "./commit.ts";

/**
 * Organiser changes to entries. The tournament object decides (it is the one writer of entries; D1 gets
 * the result through its outbox); what it changed is then audited in D1.
 */
interface Actor {
  client: TournamentClient;
  db: Db;
  tournament: { id: number; entryFeeCents: number; currency: string };
  actorId: number;
}

async function audited(a: Actor, entry: EntryView, action: string, result: ChangeResult, detail: Record<string, unknown>, extra: D1PreparedStatement[] = []) {
  if (result.outcome !== "changed") return result;
  await commit(a.db, {
    tournamentId: a.tournament.id,
    actorId: a.actorId,
    action,
    subject: `entry:${entry.id}`,
    detail: { ...detail, ...(result.promoted.length > 0 ? { promoted: result.promoted.map((p) => p.id) } : {}) },
    statements: extra,
  });
  return result;
}

export async function moveEntry(a: Actor, entry: EntryView, relayId: number) {
  const result = await a.client.call("move", { entryId: entry.id, relayId, byUserId: a.actorId });
  return audited(a, entry, "entry.move", result, { from: entry.relayId, to: relayId, status: entry.status });
}

export async function removeEntry(a: Actor, entry: EntryView, reason: string) {
  const result = await a.client.call("remove", { entryId: entry.id, byUserId: a.actorId, reason });
  return audited(a, entry, "entry.remove", result, { reason, relay: entry.relayId, was: entry.status });
}

/** Paid at the range: the held entry is confirmed, and the payment is recorded once. */
export async function markPaidOnSite(a: Actor, entry: EntryView) {
  const result = await a.client.call("markPaid", entry.id);
  const now = Date.now();
  return audited(a, entry, "entry.paid", result, { amountCents: a.tournament.entryFeeCents, currency: a.tournament.currency }, [
    onSitePayment(a, entry.id, now),
  ]);
}

export function onSitePayment(a: Pick<Actor, "db" | "tournament">, entryId: string, now: number): D1PreparedStatement {
  return rawStatement(
    a.db,
    `INSERT INTO payments (id, entry_id, tournament_id, amount_cents, currency, status, provider, provider_ref, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'paid', 'on_site', NULL, ?, ?) ON CONFLICT (id) DO NOTHING`,
    `on-site-${entryId}`, entryId, a.tournament.id, a.tournament.entryFeeCents, a.tournament.currency, now, now,
  );
}

export async function setFiringPoint(a: Actor, entry: EntryView, point: number) {
  const result = await a.client.call("assignFiringPoint", entry.id, point);
  return audited(a, entry, "entry.firing_point", result, { relay: entry.relayId, from: entry.firingPoint, to: point });
}

export async function setCheckedIn(a: Actor, entry: EntryView, checkedIn: boolean) {
  const result = await a.client.call("checkIn", entry.id, checkedIn);
  return audited(a, entry, checkedIn ? "entry.check_in" : "entry.check_in_undone", result, { relay: entry.relayId });
}

export const removeForm = z.object({
  reason: z.string().trim().min(3, "Give a reason (the competitor sees it).").max(500, "Keep the reason to 500 characters or fewer."),
});

export const pointForm = z.object({
  firingPoint: z.string().trim().regex(/^\d{1,3}$/, "Enter the firing point as a whole number.").transform(Number),
});

export const moveForm = z.object({
  relayId: z.string().regex(/^[1-9]\d{0,14}$/, "Choose the relay to move to.").transform(Number),
});
