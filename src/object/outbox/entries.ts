import type { EntryRecord } from "../../domain/registration/types.ts";
import { ENTRY_COLUMNS, entryFromRow } from "../registration/sqlite-book.ts";

/** Outbox rows taken per drain; the rest waits for the next alarm (set at once). */
const ROWS_PER_DRAIN = 2000;
/** Entries per D1 statement. They travel as one JSON parameter, far below D1's 100 bound parameters. */
const ENTRIES_PER_STATEMENT = 100;
/** A first change waits this long for company, so a rush reaches D1 in a few batches, not one per entry. */
const COALESCE_MS = 200;
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 5 * 60_000;

export interface OutboxBatch {
  /** Outbox rows up to this id are covered by `entries`. */
  lastRowId: number;
  /** The current state of every entry those rows name (a later change is sent as it is now). */
  entries: EntryRecord[];
}

/** The oldest waiting changes, read synchronously before D1 is called. */
export function takeBatch(sql: SqlStorage): OutboxBatch | null {
  const last = sql.exec("SELECT MAX(id) AS id FROM (SELECT id FROM outbox ORDER BY id LIMIT ?)", ROWS_PER_DRAIN).one().id;
  if (last === null) return null;
  const lastRowId = Number(last);
  const entries = sql
    .exec(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE id IN (SELECT entry_id FROM outbox WHERE id <= ?)`, lastRowId)
    .toArray()
    .map(entryFromRow);
  return { lastRowId, entries };
}

/**
 * The D1 upsert for a chunk of entries passed as one JSON array. It only overwrites a row with an older
 * `updated_at`, so resending, or a late resend of an older state, never undoes a newer one. (Plain D1
 * rather than drizzle: drizzle's batch cannot carry a raw statement.)
 */
const UPSERT = `
  INSERT INTO entries (id, tournament_id, event_id, relay_id, user_id, status, seq, firing_point, waitlist_position, created_at, updated_at,
    checked_in_at)
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
    json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
    json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]')
  FROM json_each(?1) WHERE true
  ON CONFLICT (id) DO UPDATE SET relay_id = excluded.relay_id, status = excluded.status, seq = excluded.seq,
    firing_point = excluded.firing_point, waitlist_position = excluded.waitlist_position, updated_at = excluded.updated_at,
    checked_in_at = excluded.checked_in_at
  WHERE excluded.updated_at > entries.updated_at`;

/** Copies entries to D1 in one batch, which D1 runs as one transaction: all of it lands or none. */
export async function sendToD1(d1: D1Database, entries: EntryRecord[]): Promise<void> {
  if (entries.length === 0) return;
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < entries.length; i += ENTRIES_PER_STATEMENT) {
    const rows = entries
      .slice(i, i + ENTRIES_PER_STATEMENT)
      .map((e) => [
        e.id, e.tournamentId, e.eventId, e.relayId, e.userId, e.status, e.seq, e.firingPoint, e.waitlistPosition, e.createdAt, e.updatedAt,
        e.checkedInAt,
      ]);
    statements.push(d1.prepare(UPSERT).bind(JSON.stringify(rows)));
  }
  await d1.batch(statements);
}

/**
 * The object's outbox tables: `outbox` (entries, above) and `shots_outbox` (scores, src/object/outbox/shots.ts).
 * Each has an integer `id` and its own back-off, kept in `meta` as `<table>_failures` and `<table>_retry_at`.
 */
export type OutboxTable = "outbox" | "shots_outbox";

/** D1 has the batch: its rows leave the outbox. Rows added meanwhile have higher ids and stay. */
export function settleBatch(sql: SqlStorage, lastRowId: number, table: OutboxTable = "outbox"): void {
  sql.exec(`DELETE FROM ${table} WHERE id <= ?`, lastRowId);
  sql.exec("DELETE FROM meta WHERE key IN (?, ?)", `${table}_failures`, `${table}_retry_at`);
}

/** D1 refused: the rows stay, and the next try waits longer each time (1 s, 2 s, 4 s ... 5 min). */
export function recordFailure(sql: SqlStorage, now: number, table: OutboxTable = "outbox"): number {
  const failures = Number(sql.exec("SELECT value FROM meta WHERE key = ?", `${table}_failures`).toArray()[0]?.value ?? 0) + 1;
  const retryAt = now + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
  const upsert = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  sql.exec(upsert, `${table}_failures`, failures);
  sql.exec(upsert, `${table}_retry_at`, retryAt);
  return retryAt;
}

function retryAt(sql: SqlStorage, table: OutboxTable): number {
  return Number(sql.exec("SELECT value FROM meta WHERE key = ?", `${table}_retry_at`).toArray()[0]?.value ?? 0);
}

/** True while a failed try's back-off lasts: the alarm leaves this outbox alone until then. */
export function backingOff(sql: SqlStorage, now: number, table: OutboxTable = "outbox"): boolean {
  return retryAt(sql, table) > now;
}

/** When the outbox next wants the alarm: shortly, or after the back-off of a failed try; null when empty. */
export function outboxDueAt(sql: SqlStorage, now: number, table: OutboxTable = "outbox"): number | null {
  if (sql.exec(`SELECT 1 FROM ${table} LIMIT 1`).toArray().length === 0) return null;
  return Math.max(now + COALESCE_MS, retryAt(sql, table));
}
