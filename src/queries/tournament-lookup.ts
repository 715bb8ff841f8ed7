import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tournaments, tournamentStaff } from "../db/schema.ts";
import { TtlCache } from "../lib/ttl-cache.ts";

export interface TournamentRef {
  id: number;
  slug: string;
  status: "draft" | "published";
}

/**
 * Slug → tournament for the registration hot path. Slugs and publication change rarely; a change shows
 * here within `SLUG_CACHE_MS`. The registration window itself is never cached: the tournament object
 * enforces it on its own clock.
 */
const SLUG_CACHE_MS = 30_000;
const bySlug = new TtlCache<TournamentRef>(SLUG_CACHE_MS, 2_000);

const refColumns = { id: tournaments.id, slug: tournaments.slug, status: tournaments.status };

export async function tournamentBySlug(db: Db, slug: string, options: { cached: boolean }): Promise<TournamentRef | null> {
  if (options.cached) {
    const known = bySlug.get(slug);
    if (known) return known;
  }
  const row = (await db.select(refColumns).from(tournaments).where(eq(tournaments.slug, slug)).get()) ?? null;
  if (row) bySlug.set(slug, row);
  return row;
}

export async function tournamentById(db: Db, id: number): Promise<TournamentRef | null> {
  return (await db.select(refColumns).from(tournaments).where(eq(tournaments.id, id)).get()) ?? null;
}

type StaffRole = (typeof tournamentStaff.$inferSelect)["role"];

/** True when the user has one of the roles in the tournament's staff. */
export async function hasStaffRole(db: Db, tournamentId: number, userId: number, roles: readonly StaffRole[]): Promise<boolean> {
  const row = await db
    .select({ role: tournamentStaff.role })
    .from(tournamentStaff)
    .where(
      and(
        eq(tournamentStaff.tournamentId, tournamentId),
        eq(tournamentStaff.userId, userId),
        inArray(tournamentStaff.role, [...roles]),
      ),
    )
    .get();
  return row !== undefined;
}

/** Owners and organisers manage a tournament's entries; range officers do not. */
export function isOrganiser(db: Db, tournamentId: number, userId: number): Promise<boolean> {
  return hasStaffRole(db, tournamentId, userId, ["owner", "organiser"]);
}
