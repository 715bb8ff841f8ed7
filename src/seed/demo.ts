import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { events, relays, tournamentStaff, tournaments, users } from "../db/schema.ts";
import { bumpCacheScopes, HOME_SCOPE, tournamentScope } from "../queries/cache-versions.ts";
import { rawStatement, statement } from "../db/statements.ts";
import { tournamentFields } from "../queries/tournament-fields.ts";
import { DEMO_ACCOUNTS, type DemoTournament, ORGANISER, RANGE_OFFICER } from "./plan.ts";

export interface D1SeedCounts {
  users: number;
  tournaments: number;
  staff: number;
  events: number;
  relays: number;
}

/** D1 allows 100 bound parameters per statement; a user row binds 5. */
const USERS_PER_INSERT = 20;

function userId(email: string) {
  return sql`(SELECT id FROM users WHERE email = ${email})`;
}

function tournamentId(slug: string) {
  return sql`(SELECT id FROM tournaments WHERE slug = ${slug})`;
}

/**
 * Writes the demo accounts, tournaments, staff, events and relays in one D1 batch (one transaction).
 * Every statement is idempotent on stable emails, slugs, event positions and relay names, so a second run
 * inserts nothing; it only moves the "opens soon" tournament's window to a few minutes ahead again.
 */
export async function seedDemoRecords(db: Db, plan: DemoTournament[], passwordHash: string): Promise<D1SeedCounts> {
  const userInserts = [];
  for (let i = 0; i < DEMO_ACCOUNTS.length; i += USERS_PER_INSERT) {
    const chunk = DEMO_ACCOUNTS.slice(i, i + USERS_PER_INSERT);
    userInserts.push(
      db
        .insert(users)
        // The demo accounts' addresses count as confirmed: they can register and run tournaments at once.
        .values(chunk.map((a) => ({ email: a.email, name: a.name, club: a.club, passwordHash, emailVerifiedAt: Date.now() })))
        .onConflictDoNothing({ target: users.email }),
    );
  }

  const tournamentInsert = db
    .insert(tournaments)
    .values(
      plan.map((t) => ({ ...tournamentFields(t), status: "published" as const, createdBy: userId(ORGANISER.email) })),
    )
    .onConflictDoNothing({ target: tournaments.slug });

  const staffInsert = db
    .insert(tournamentStaff)
    .values(
      plan.flatMap((t) => [
        { tournamentId: tournamentId(t.slug), userId: userId(ORGANISER.email), role: "owner" as const },
        { tournamentId: tournamentId(t.slug), userId: userId(RANGE_OFFICER.email), role: "range_officer" as const },
      ]),
    )
    .onConflictDoNothing();

  const eventInserts = plan.flatMap((t) =>
    t.events.map((e) =>
      rawStatement(
        db,
        `INSERT INTO events (tournament_id, discipline, title, position)
         SELECT t.id, ?, ?, ? FROM tournaments t
         WHERE t.slug = ? AND NOT EXISTS (SELECT 1 FROM events e WHERE e.tournament_id = t.id AND e.position = ?)`,
        e.discipline,
        e.title,
        e.position,
        t.slug,
        e.position,
      ),
    ),
  );

  const relayInserts = plan.flatMap((t) =>
    t.events.flatMap((e) =>
      e.relays.map((r) =>
        rawStatement(
          db,
          `INSERT INTO relays (tournament_id, event_id, name, starts_at, firing_points, reserved)
           SELECT e.tournament_id, e.id, ?, ?, ?, ? FROM events e JOIN tournaments t ON t.id = e.tournament_id
           WHERE t.slug = ? AND e.position = ?
             AND NOT EXISTS (SELECT 1 FROM relays r WHERE r.event_id = e.id AND r.name = ?)`,
          r.name,
          r.startsAt,
          r.firingPoints,
          r.reserved,
          t.slug,
          e.position,
          r.name,
        ),
      ),
    ),
  );

  // The countdown tournament stays a few minutes from opening, however often the demo is seeded. The
  // revision moves too, so the Durable Object accepts the new window as newer configuration.
  const rewindSoon = plan
    .filter((t) => t.kind === "soon")
    .map((t) =>
      db
        .update(tournaments)
        .set({
          registrationOpensAt: t.registrationOpensAt,
          registrationClosesAt: t.registrationClosesAt,
          revision: sql`${tournaments.revision} + 1`,
          updatedAt: Date.now(),
        })
        .where(eq(tournaments.slug, t.slug)),
    );

  const results = await db.$client.batch([
    ...userInserts.map((q) => statement(db, q)),
    statement(db, tournamentInsert),
    statement(db, staffInsert),
    ...eventInserts,
    ...relayInserts,
    ...rewindSoon.map((q) => statement(db, q)),
    statement(db, bumpCacheScopes(db, [HOME_SCOPE, ...plan.map((t) => tournamentScope(t.slug))])),
    // Demo accounts seeded before addresses had to be confirmed (an older local state) count as confirmed too.
    rawStatement(
      db,
      "UPDATE users SET email_verified_at = ? WHERE email_verified_at IS NULL AND email IN (SELECT value FROM json_each(?))",
      Date.now(),
      JSON.stringify(DEMO_ACCOUNTS.map((a) => a.email)),
    ),
  ]);
  const changes = (from: number, n: number) => results.slice(from, from + n).reduce((sum, r) => sum + r.meta.changes, 0);
  const u = userInserts.length;
  const e = eventInserts.length;
  return {
    users: changes(0, u),
    tournaments: changes(u, 1),
    staff: changes(u + 1, 1),
    events: changes(u + 2, e),
    relays: changes(u + 2 + e, relayInserts.length),
  };
}

/** The demo tournaments as stored, with ids, events and relays: what the Durable Objects are told. */
export async function loadDemoTournaments(db: Db, slugs: string[]) {
  const ids = db.select({ id: tournaments.id }).from(tournaments).where(inArray(tournaments.slug, slugs));
  const [rows, eventRows, relayRows, accounts] = await db.batch([
    db.select().from(tournaments).where(inArray(tournaments.slug, slugs)),
    db.select().from(events).where(inArray(events.tournamentId, ids)),
    db.select().from(relays).where(inArray(relays.tournamentId, ids)),
    db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email))),
  ]);
  return {
    tournaments: rows.map((t) => ({
      ...t,
      events: eventRows.filter((e) => e.tournamentId === t.id),
      relays: relayRows.filter((r) => r.tournamentId === t.id),
    })),
    userIds: new Map(accounts.map((a) => [a.email, a.id])),
  };
}

export type StoredDemo = Awaited<ReturnType<typeof loadDemoTournaments>>;
