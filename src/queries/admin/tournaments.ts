import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditLog, events, relays, tournaments, users } from "../../db/schema.ts";
import { scopesForTournament, tournamentScope } from "../cache-versions.ts";
import { rawStatement, statement } from "../../db/statements.ts";
import { TOURNAMENT_COLUMNS, type TournamentFields, tournamentFields } from "../tournament-fields.ts";
import { type CommitOutcome, commit } from "./commit.ts";
import type { RelayOnCalendar } from "./tournament-form.ts";

type Tournament = typeof tournaments.$inferSelect;

export async function slugTaken(db: Db, slug: string, exceptId: number | null): Promise<boolean> {
  const row = await db
    .select({ id: tournaments.id })
    .from(tournaments)
    .where(exceptId === null ? eq(tournaments.slug, slug) : and(eq(tournaments.slug, slug), ne(tournaments.id, exceptId)))
    .get();
  return row !== undefined;
}

export const SLUG_TAKEN = "Another tournament already has this address: choose another.";

function isUniqueSlugViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (e.message.includes("UNIQUE constraint failed: tournaments.slug")) return true;
  return false;
}

/**
 * A new tournament, as a draft, with its creator as owner and an audit row, in one batch. Returns null
 * when the slug was taken in the meantime (the unique index decides).
 */
export async function createTournament(db: Db, fields: TournamentFields, ownerId: number, now = Date.now()): Promise<{ id: number; slug: string } | null> {
  const insert = db.insert(tournaments).values({ ...fields, status: "draft", createdBy: ownerId, revision: 1, updatedAt: now });
  let results: D1Result[];
  try {
    results = await db.$client.batch([
      statement(db, insert),
      rawStatement(db, "INSERT INTO tournament_staff (tournament_id, user_id, role) SELECT id, ?, 'owner' FROM tournaments WHERE slug = ?", ownerId, fields.slug),
      rawStatement(
        db,
        `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
         SELECT id, ?, 'tournament.create', 'tournament:' || id, ?, ? FROM tournaments WHERE slug = ?`,
        ownerId, JSON.stringify({ title: fields.title, slug: fields.slug }), now, fields.slug,
      ),
      rawStatement(db, "SELECT id FROM tournaments WHERE slug = ?", fields.slug),
    ]);
  } catch (err) {
    if (isUniqueSlugViolation(err)) return null;
    throw err;
  }
  const id = (results[3]?.results[0] as { id: number } | undefined)?.id;
  if (id === undefined) throw new Error(`Tournament ${fields.slug} is missing right after it was created.`);
  return { id, slug: fields.slug };
}


/** Fields whose change the tournament object must hear about (window and fee, which sets the hold time). */
const REGISTRATION_FIELDS = new Set<string>(["registrationOpensAt", "registrationClosesAt", "entryFeeCents"]);

export type UpdateOutcome =
  | { committed: true; revision: number | null; changed: string[]; affectsRegistration: boolean }
  | { committed: false; reason: "stale" | "slug_taken" };

/** Saves the tournament form if the tournament is still at `revision`. */
export async function updateTournament(db: Db, current: Tournament, fields: TournamentFields, revision: number, actorId: number): Promise<UpdateOutcome> {
  const changed = TOURNAMENT_COLUMNS.filter((f) => current[f] !== fields[f]);
  const values = tournamentFields(fields);
  try {
    const outcome = await commit(db, {
      tournamentId: current.id,
      actorId,
      action: "tournament.edit",
      subject: `tournament:${current.id}`,
      // The new values too (the description is long and stays out), so the audit log can say what changed to what.
      detail: { changed, now: Object.fromEntries(changed.filter((f) => f !== "description").map((f) => [f, fields[f]])) },
      revision,
      statements: [statement(db, db.update(tournaments).set(values).where(eq(tournaments.id, current.id)))],
      cacheScopes: [...scopesForTournament(current.slug), tournamentScope(fields.slug)],
    });
    if (!outcome.committed) return outcome;
    return { ...outcome, changed, affectsRegistration: changed.some((f) => REGISTRATION_FIELDS.has(f)) };
  } catch (err) {
    if (isUniqueSlugViolation(err)) return { committed: false, reason: "slug_taken" };
    throw err;
  }
}

/** What stands in the way of publishing: every tournament needs an event, and every event a relay. */
export async function publishProblems(db: Db, tournamentId: number): Promise<string[]> {
  const [eventRows, relayRows] = await db.batch([
    db.select({ id: events.id, title: events.title }).from(events).where(eq(events.tournamentId, tournamentId)),
    db.select({ eventId: relays.eventId }).from(relays).where(eq(relays.tournamentId, tournamentId)),
  ]);
  if (eventRows.length === 0) return ["Add at least one event with a relay before publishing."];
  const withRelays = new Set(relayRows.map((r) => r.eventId));
  return eventRows.filter((e) => !withRelays.has(e.id)).map((e) => `${e.title} has no relay yet: add one, or delete the event.`);
}

export function setPublished(db: Db, t: Tournament, published: boolean, revision: number, actorId: number): Promise<CommitOutcome> {
  return commit(db, {
    tournamentId: t.id,
    actorId,
    action: published ? "tournament.publish" : "tournament.unpublish",
    subject: `tournament:${t.id}`,
    detail: {},
    revision,
    statements: [statement(db, db.update(tournaments).set({ status: published ? "published" : "draft" }).where(eq(tournaments.id, t.id)))],
    cacheScopes: scopesForTournament(t.slug),
  });
}

/** Every relay of the tournament with its event's title (for the match-day check of the tournament form). */
export async function relaysOnCalendar(db: Db, tournamentId: number): Promise<RelayOnCalendar[]> {
  return db
    .select({ name: relays.name, eventTitle: events.title, startsAt: relays.startsAt })
    .from(relays)
    .innerJoin(events, eq(events.id, relays.eventId))
    .where(eq(relays.tournamentId, tournamentId))
    .orderBy(asc(relays.startsAt))
    .all();
}

/** The newest audit row of the tournament with its author: what the other organiser just did. */
export async function latestChange(db: Db, tournamentId: number) {
  return (
    (await db
      .select({ action: auditLog.action, detail: auditLog.detail, at: auditLog.at, actor: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(eq(auditLog.tournamentId, tournamentId))
      .orderBy(desc(auditLog.id))
      .limit(1)
      .get()) ?? null
  );
}
