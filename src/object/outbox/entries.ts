import type { EntryRecord } from "../../domain/registration/types.ts";
import { ENTRY_COLUMNS, entryFromRow } from "../registration/sqlite-book.ts";
import type { OutboxStream } from "./driver.ts";

/** Entries per D1 statement. They travel as one JSON parameter, far below D1's 100 bound parameters. */
const ENTRIES_PER_STATEMENT = 100;

/**
 * The D1 upsert for a chunk of entries passed as one JSON array. It only overwrites a row with an older
 * `updated_at`, so resending, or a late resend of an older state, never undoes a newer one. (Plain D1
 * rather than drizzle: drizzle's batch cannot carry a raw statement.)
 */
const UPSERT = `
  INSERT INTO entries (id, tournament_id, event_id, relay_id, user_id, status, seq, firing_point, waitlist_position, created_at, updated_at,
    checked_in_at, note)
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
    json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
    json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]'),
    json_extract(value, '$[12]')
  FROM json_each(?1) WHERE true
  ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, relay_id = excluded.relay_id, status = excluded.status, seq = excluded.seq,
    firing_point = excluded.firing_point, waitlist_position = excluded.waitlist_position, updated_at = excluded.updated_at,
    checked_in_at = excluded.checked_in_at, note = excluded.note
  WHERE excluded.updated_at > entries.updated_at`;

function upserts(d1: D1Database, entries: EntryRecord[]): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < entries.length; i += ENTRIES_PER_STATEMENT) {
    const rows = entries
      .slice(i, i + ENTRIES_PER_STATEMENT)
      .map((e) => [
        e.id, e.tournamentId, e.eventId, e.relayId, e.userId, e.status, e.seq, e.firingPoint, e.waitlistPosition, e.createdAt, e.updatedAt,
        e.checkedInAt, e.note,
      ]);
    statements.push(d1.prepare(UPSERT).bind(JSON.stringify(rows)));
  }
  return statements;
}

/** Registration's copy: the `outbox` table names changed entries; each is sent as it is now. */
export const entriesStream: OutboxStream<EntryRecord> = {
  name: "entries",
  table: "outbox",
  rowsPerDrain: 2000,
  waitsOutBackOff: false,
  take: (sql, lastRowId) =>
    sql
      .exec(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE id IN (SELECT entry_id FROM outbox WHERE id <= ?)`, lastRowId)
      .toArray()
      .map(entryFromRow),
  statements: upserts,
  describe: (e) => ({ tournamentId: e.tournamentId, subject: `entry:${e.id}`, row: JSON.stringify(e) }),
};

/** Copies entries to D1 in one batch (one transaction there): all of it lands or none. */
export async function sendToD1(d1: D1Database, entries: EntryRecord[]): Promise<void> {
  if (entries.length > 0) await d1.batch(upserts(d1, entries));
}
