import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { createApiToken } from "../../auth/api-tokens.ts";
import type { StaffRole } from "../../auth/roles.ts";
import type { Db } from "../../db/client.ts";
import { apiTokens, events, relays, shots, users } from "../../db/schema.ts";
import { randomToken } from "../../lib/encoding.ts";
import type { ConflictView, ScoringActor, ShotOutcome } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import { scopesForTournament } from "../cache-versions.ts";
import { statement } from "../../db/statements.ts";
import { commit } from "./commit.ts";

interface Actor {
  client: TournamentClient;
  db: Db;
  tournament: { id: number; slug: string };
  actorId: number;
  /** The organiser's role in the tournament (`c.var.role`): the object checks it before a correction of official results. */
  role: StaffRole;
}

const sessionActor = (a: Actor): ScoringActor => ({ userId: a.actorId, tokenId: null, via: "session", role: a.role });

/**
 * Marks an event's results official (frozen: only corrections change them) or unofficial again. The object
 * freezes first, so D1 never says "official" while the object still takes ordinary shots.
 */
export async function setResultsStatus(a: Actor, event: { id: number; title: string }, official: boolean, reason: string) {
  await a.client.call("setResultsOfficial", event.id, official);
  await commit(a.db, {
    tournamentId: a.tournament.id,
    actorId: a.actorId,
    action: official ? "results.official" : "results.unofficial",
    subject: `event:${event.id}`,
    detail: official ? { event: event.title } : { event: event.title, reason },
    statements: [statement(a.db, a.db.update(events).set({ resultsStatus: official ? "official" : "unofficial" }).where(eq(events.id, event.id)))],
    cacheScopes: scopesForTournament(a.tournament.slug),
  });
}

export const reasonField = z
  .string()
  .trim()
  .min(3, "Give a reason (at least 3 characters): it goes into the audit log.")
  .max(500, "Keep the reason to 500 characters or fewer.");

export const resolveForm = z.object({
  keep: z.enum(["standing", "incoming"], { error: "Choose which value counts." }),
  reason: reasonField,
});

export type ResolveOutcome = { ok: true } | { ok: false; message: string };

/**
 * Resolves a scoring conflict. Keeping the standing value settles the slot's conflicts in the object;
 * taking the other value is a correction of the slot (which the live scoring applies, broadcasts and audits
 * as `shot.corrected`). Either way the organiser's decision is audited here with the reason.
 */
export async function resolveConflict(a: Actor, conflict: ConflictView, keep: "standing" | "incoming", reason: string): Promise<ResolveOutcome> {
  let correction: string | null = null;
  if (keep === "standing") {
    const kept = await a.client.call("keepStandingValue", conflict.opId);
    if (kept.outcome === "not_found") return { ok: false, message: "This conflict no longer exists." };
  } else {
    correction = `resolve-${randomToken(12)}`;
    const { results } = await a.client.call(
      "applyShots",
      [
        {
          opId: correction,
          entryId: conflict.entryId,
          shotNo: conflict.shotNo,
          value: conflict.incoming.value,
          innerTen: conflict.incoming.innerTen,
          replaces: { value: conflict.standing.value, innerTen: conflict.standing.innerTen },
          reason,
        },
      ],
      sessionActor(a),
    );
    const outcome: ShotOutcome | undefined = results[0];
    if (outcome?.outcome !== "applied") return { ok: false, message: outcome?.message ?? "The correction was not applied." };
  }
  await commit(a.db, {
    tournamentId: a.tournament.id,
    actorId: a.actorId,
    action: "conflict.resolved",
    subject: `shot:${conflict.entryId}/${conflict.shotNo}`,
    detail: {
      conflict: conflict.opId,
      kept: keep,
      value: keep === "standing" ? conflict.standing : { value: conflict.incoming.value, innerTen: conflict.incoming.innerTen },
      replaced: keep === "incoming" ? conflict.standing : null,
      correction,
      reason,
    },
  });
  return { ok: true };
}

export const correctionForm = z.object({
  entryId: z.string().regex(/^[1-9]\d{0,14}-[A-Za-z0-9_-]{8,64}$/, "Choose the competitor."),
  shotNo: z.string().trim().regex(/^\d{1,3}$/, "Enter the shot number.").transform(Number),
  value: z.string().trim().min(1, "Enter the corrected value, like 10.4 or 9.").max(20, "Enter the value as it is written, like 10.4."),
  reason: reasonField,
});

export type CorrectionForm = z.infer<typeof correctionForm>;

/**
 * An audited correction of one shot (the only change official results take): it names the value the slot
 * holds now (from D1's copy; the object refuses it as stale if that moved meanwhile).
 */
export async function correctShot(a: Actor, form: CorrectionForm): Promise<ResolveOutcome & { field?: string }> {
  const current = await a.db
    .select({ value: shots.value, innerTen: shots.innerTen })
    .from(shots)
    .where(and(eq(shots.entryId, form.entryId), eq(shots.shotNo, form.shotNo)))
    .get();
  if (!current) return { ok: false, field: "shotNo", message: `Shot ${form.shotNo} of this competitor is empty: there is nothing to correct.` };
  const opId = `correct-${randomToken(12)}`;
  const { results } = await a.client.call(
    "applyShots",
    [{ opId, entryId: form.entryId, shotNo: form.shotNo, display: form.value, replaces: current, reason: form.reason }],
    sessionActor(a),
  );
  const outcome = results[0];
  if (outcome?.outcome !== "applied") {
    const field = outcome?.reason === "display_mismatch" || outcome?.reason === "out_of_range" ? "value" : "form";
    return { ok: false, field, message: outcome?.message ?? "The correction was not applied." };
  }
  await commit(a.db, {
    tournamentId: a.tournament.id,
    actorId: a.actorId,
    action: "results.correction",
    subject: `shot:${form.entryId}/${form.shotNo}`,
    detail: { from: current, to: form.value, reason: form.reason, correction: opId },
  });
  return { ok: true };
}

// ---------- Scoring tokens for electronic targets ----------

function scoringTokensQuery(db: Db, tournamentId: number) {
  return db
    // Aliased: in a D1 batch, rows come back keyed by column name, and the token's and the user's are both "name".
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt, by: sql<string | null>`${users.name}`.as("created_by") })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tournamentId, tournamentId), eq(apiTokens.kind, "scoring")))
    .orderBy(desc(apiTokens.createdAt));
}

/** The results control's D1 reads in one batch: events, relays and the scoring tokens. */
export async function resultsControlRows(db: Db, tournamentId: number) {
  const [eventRows, relayRows, tokens] = await db.batch([
    db.select().from(events).where(eq(events.tournamentId, tournamentId)).orderBy(asc(events.position), asc(events.id)),
    db.select().from(relays).where(eq(relays.tournamentId, tournamentId)).orderBy(asc(relays.startsAt), asc(relays.id)),
    scoringTokensQuery(db, tournamentId),
  ]);
  return { structure: eventRows.map((e) => ({ ...e, relays: relayRows.filter((r) => r.eventId === e.id) })), tokens };
}

export const tokenForm = z.object({
  name: z.string().trim().min(2, "Name the token after its device, like Target bank A.").max(80, "Keep the name to 80 characters or fewer."),
});

export async function createScoringToken(a: Actor, name: string): Promise<{ id: number; token: string }> {
  const made = await createApiToken(a.db, { kind: "scoring", tournamentId: a.tournament.id, userId: a.actorId }, name);
  await commit(a.db, { tournamentId: a.tournament.id, actorId: a.actorId, action: "token.create", subject: `token:${made.id}`, detail: { name } });
  return made;
}

/** Revokes a scoring token of this tournament (any organiser may, not only its creator); false if there is none. */
export async function revokeScoringToken(a: Actor, tokenId: number): Promise<boolean> {
  const revoked = await a.db
    .update(apiTokens)
    .set({ revokedAt: Date.now() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.tournamentId, a.tournament.id), eq(apiTokens.kind, "scoring"), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  const row = revoked[0];
  if (!row) return false;
  await commit(a.db, { tournamentId: a.tournament.id, actorId: a.actorId, action: "token.revoke", subject: `token:${row.id}`, detail: { name: row.name } });
  return true;
}
