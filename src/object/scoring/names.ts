import type { Log } from "../../lib/log.ts";

/**
 * Competitors' names for the fragments the object renders. D1 holds them (users); the object keeps a copy
 * in its own storage, fetched once per competitor when first needed, so a broadcast after hibernation does
 * not wait for D1. A copy older than `REFRESH_MS` is refreshed in the background (a renamed user shows on
 * the scoreboard within that time; pages and the API read D1 directly).
 */
const REFRESH_MS = 60 * 60_000;

export interface Name {
  name: string;
  club: string;
}

const UNKNOWN: Name = { name: "Competitor", club: "" };

export class CompetitorNames {
  constructor(
    private readonly sql: SqlStorage,
    private readonly d1: D1Database,
    private readonly log: Log,
  ) {}

  /** The names on hand; ids without a copy get a neutral placeholder. */
  known(userIds: Iterable<number>): Map<number, Name> {
    const ids = [...new Set(userIds)];
    const found = new Map<number, Name>();
    if (ids.length === 0) return found;
    const rows = this.sql.exec(
      "SELECT user_id, name, club FROM competitors WHERE user_id IN (SELECT value FROM json_each(?))",
      JSON.stringify(ids),
    );
    for (const r of rows) found.set(Number(r.user_id), { name: String(r.name), club: String(r.club) });
    for (const id of ids) if (!found.has(id)) found.set(id, UNKNOWN);
    return found;
  }

  /** Ids with no copy at all (must be fetched before rendering) and ids whose copy is old (may be refreshed later). */
  gaps(userIds: Iterable<number>, now: number): { missing: number[]; stale: number[] } {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return { missing: [], stale: [] };
    const have = new Map<number, number>();
    const rows = this.sql.exec(
      "SELECT user_id, fetched_at FROM competitors WHERE user_id IN (SELECT value FROM json_each(?))",
      JSON.stringify(ids),
    );
    for (const r of rows) have.set(Number(r.user_id), Number(r.fetched_at));
    return {
      missing: ids.filter((id) => !have.has(id)),
      stale: ids.filter((id) => (have.get(id) ?? now) < now - REFRESH_MS),
    };
  }

  /** Copies the users' names from D1; a D1 failure leaves the placeholder (the next broadcast tries again). */
  async fetch(userIds: number[]): Promise<void> {
    if (userIds.length === 0) return;
    try {
      const { results } = await this.d1
        .prepare("SELECT id, name, club FROM users WHERE id IN (SELECT value FROM json_each(?1))")
        .bind(JSON.stringify(userIds))
        .all<{ id: number; name: string; club: string }>();
      const now = Date.now();
      for (const u of results) {
        this.sql.exec(
          `INSERT INTO competitors (user_id, name, club, fetched_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, club = excluded.club, fetched_at = excluded.fetched_at`,
          u.id, u.name, u.club, now,
        );
      }
    } catch (err) {
      this.log.error("live: could not read competitor names from D1", err, { competitors: userIds.length });
    }
  }
}
