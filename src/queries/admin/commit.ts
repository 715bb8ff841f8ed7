import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { tournaments } from "../../db/schema.ts";
import { forgetCacheVersions } from "../cache-version-memo.ts";
import { bumpCacheScopes } from "../cache-versions.ts";
import { rawStatement, statement } from "../../db/statements.ts";

export interface Change {
  tournamentId: number;
  actorId: number;
  /** `tournament.edit`, `relay.add`, `entry.move`, ...: the audit log's filter. */
  action: string;
  /** What was changed: `tournament:3`, `relay:12`, `entry:3-abc`, `user:7`. */
  subject: string;
  detail: Record<string, unknown>;
  /**
   * The tournament revision the organiser's form was loaded at. With it the change is refused as stale
   * when someone saved in between, and it bumps the revision (the tournament object's configuration and
   * cached pages key on it).
   */
  revision?: number;
  /** The writes themselves; they commit together with the audit row and the cache bumps, or not at all. */
  statements?: D1PreparedStatement[];
  /** Cache scopes of public pages that show the change. */
  cacheScopes?: string[];
}

export type CommitOutcome = { committed: true; revision: number | null } | { committed: false; reason: "stale" };

/** D1 reports a stale revision through this constraint (see `commit`). */
const STALE_MARK = "NOT NULL constraint failed: audit_log.action";

function isStale(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (e.message.includes(STALE_MARK)) return true;
  return false;
}

/**
 * Writes a change in one D1 batch (one transaction): the audit row first, then the writes, the revision
 * bump and the cache bumps. With a `revision`, the audit row's action is null unless the tournament is still
 * at that revision, so a stale save fails on the NOT NULL constraint and D1 rolls the whole batch back:
 * nothing is half-written, whoever saved first wins, and the loser is told.
 */
export async function commit(db: Db, change: Change, now = Date.now()): Promise<CommitOutcome> {
  const detail = JSON.stringify(change.revision === undefined ? change.detail : { ...change.detail, revision: change.revision + 1 });
  const audit =
    change.revision === undefined
      ? rawStatement(
          db,
          "INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
          change.tournamentId, change.actorId, change.action, change.subject, detail, now,
        )
      : rawStatement(
          db,
          `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
           VALUES (?1, ?2, (SELECT CASE WHEN revision = ?3 THEN ?4 END FROM tournaments WHERE id = ?1), ?5, ?6, ?7)`,
          change.tournamentId, change.actorId, change.revision, change.action, change.subject, detail, now,
        );
  const batch = [audit, ...(change.statements ?? [])];
  if (change.revision !== undefined) {
    batch.push(
      statement(
        db,
        db
          .update(tournaments)
          .set({ revision: sql`${tournaments.revision} + 1`, updatedAt: now })
          .where(sql`${tournaments.id} = ${change.tournamentId}`),
      ),
    );
  }
  if (change.cacheScopes && change.cacheScopes.length > 0) batch.push(statement(db, bumpCacheScopes(db, change.cacheScopes)));
  try {
    await db.$client.batch(batch);
  } catch (err) {
    if (isStale(err)) return { committed: false, reason: "stale" };
    throw err;
  }
  if (change.cacheScopes) forgetCacheVersions(change.cacheScopes);
  return { committed: true, revision: change.revision === undefined ? null : change.revision + 1 };
}
