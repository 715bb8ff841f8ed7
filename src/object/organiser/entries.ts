import type { CheckInCount, EntryView } from "../contract/index.ts";
import { ENTRY_COLUMNS, entryFromRow } from "../registration/sqlite-book.ts";

/** Every entry of the tournament, in order of arrival: the organisers' tables read it fresh from here. */
export function allEntries(sql: SqlStorage): EntryView[] {
  return sql.exec(`SELECT ${ENTRY_COLUMNS} FROM entries ORDER BY seq`).toArray().map(entryFromRow);
}

/** Per relay: competitors with a place (expected at the range) and how many of them are checked in. */
export function checkInCounts(sql: SqlStorage): CheckInCount[] {
  return sql
    .exec(
      `SELECT relay_id, COUNT(*) AS expected, COUNT(checked_in_at) AS checked_in FROM entries
       WHERE status IN ('confirmed', 'held') AND relay_id IS NOT NULL GROUP BY relay_id ORDER BY relay_id`,
    )
    .toArray()
    .map((r) => ({ relayId: Number(r.relay_id), expected: Number(r.expected), checkedIn: Number(r.checked_in) }));
}
