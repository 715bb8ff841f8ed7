import { and, eq, inArray } from "drizzle-orm";
import type { StaffRole } from "../auth/roles.ts";
import type { Db } from "../db/client.ts";
import { tournaments, tournamentStaff } from "../db/schema.ts";
import { TtlCache } from "../lib/ttl-cache.ts";

export interface TournamentRef {
  id: number;
  slug: string;
  status: "draft" | "published";
}

const refColumns = { id: tournaments.id, slug: tournaments.slug, status: tournaments.status };

/**
 * The tournament an entry id names, if D1 knows it: checked before an object is woken, so an invented id
 * never creates one.
 */
export async function tournamentById(db: Db, id: number): Promise<TournamentRef | null> {
  return (await db.select(refColumns).from(tournaments).where(eq(tournaments.id, id)).get()) ?? null;
}

// TRANSITION: src/routes/scoreboard/index.tsx's slug lookup, until it uses the tournamentBySlug() middleware.
const SLUG_CACHE_MS = 30_000;
const bySlug = new TtlCache<TournamentRef>(SLUG_CACHE_MS, 2_000);
export async function tournamentBySlug(db: Db, slug: string, options: { cached: boolean }): Promise<TournamentRef | null> {
  if (options.cached) {
    const known = bySlug.get(slug);
    if (known) return known;
  }
  const row = (await db.select(refColumns).from(tournaments).where(eq(tournaments.slug, slug)).get()) ?? null;
  if (row) bySlug.set(slug, row);
  return row;
}

// TRANSITION: serves isScoringStaff (src/routes/api/shots.ts) until the scoring pages use requireStaff().
export async function hasStaffRole(db: Db, tournamentId: number, userId: number, roles: readonly StaffRole[]): Promise<boolean> {
  const row = await db
    .select({ role: tournamentStaff.role })
    .from(tournamentStaff)
    .where(and(eq(tournamentStaff.tournamentId, tournamentId), eq(tournamentStaff.userId, userId), inArray(tournamentStaff.role, [...roles])))
    .get();
  return row !== undefined;
}
