import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { cacheVersions } from "../db/schema.ts";

/** The home page lists every published tournament: any change to one bumps it. */
export const HOME_SCOPE = "home";

export function tournamentScope(slug: string): string {
  return `tournament:${slug}`;
}

/** What a change to a tournament's public facts must bump. */
export function scopesForTournament(slug: string): string[] {
  return [HOME_SCOPE, tournamentScope(slug)];
}

/**
 * Bumps the scopes' versions (a missing scope starts at 1). A query, not a promise of a result: put it in
 * the same batch as the change (`db.batch([change, bump])`, or `statement(db, bump)` in a D1 batch) so both
 * commit together.
 */
export function bumpCacheScopes(db: Db, scopes: string[]) {
  return db
    .insert(cacheVersions)
    .values([...new Set(scopes)].map((scope) => ({ scope, version: 1 })))
    .onConflictDoUpdate({ target: cacheVersions.scope, set: { version: sql`${cacheVersions.version} + 1` } });
}

/** The current version of each scope in one query; a scope never bumped is version 0. */
export async function readCacheVersions(db: Db, scopes: string[]): Promise<Map<string, number>> {
  const rows = await db.select().from(cacheVersions).where(inArray(cacheVersions.scope, scopes));
  const versions = new Map(scopes.map((s) => [s, 0]));
  for (const row of rows) versions.set(row.scope, row.version);
  return versions;
}
