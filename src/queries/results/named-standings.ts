import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { NamedRow } from "../../object/contract/index.ts";
import type { StandingRow } from "../../object/contract/index.ts";

/** Competitors' names and clubs from D1 users in one query (the ids travel as one JSON parameter). */
export async function namesOf(db: Db, userIds: Iterable<number>): Promise<Map<number, { name: string; club: string }>> {
  const ids = [...new Set(userIds)];
  const names = new Map<number, { name: string; club: string }>();
  if (ids.length > 0) {
    const found = await db.all<{ id: number; name: string; club: string }>(
      sql`SELECT id, name, club FROM users WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    );
    for (const u of found) names.set(u.id, { name: u.name, club: u.club });
  }
  return names;
}

/**
 * The Worker's side: standings from the tournament object, names from D1 users in one query, so any
 * number of rows stays within D1's bound-parameter limit.
 */
export async function withNames(db: Db, rows: StandingRow[]): Promise<NamedRow[]> {
  const names = await namesOf(db, rows.map((r) => r.userId));
  return rows.map((r) => ({ ...r, name: names.get(r.userId)?.name ?? "Competitor", club: names.get(r.userId)?.club ?? "" }));
}
