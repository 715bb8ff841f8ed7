import { capacityOf, placesLeft } from "../../domain/registration/capacity.ts";
import { windowState } from "../../domain/registration/window.ts";
import type { ChangesPage, EntryView, EventSnapshot, TournamentSnapshot } from "../contract/index.ts";
import { ENTRY_COLUMNS, entryFromRow, RELAY_LOAD_SQL, relayLoadFromRow, type SqliteBook } from "./sqlite-book.ts";

/** Read-only queries behind the object's reporting methods; none of them changes state. */

export function snapshot(sql: SqlStorage, book: SqliteBook, now: number): TournamentSnapshot {
  const settings = book.settings();
  const waiting = new Map<string, number>();
  for (const r of sql.exec("SELECT event_id, relay_id, COUNT(*) AS n FROM entries WHERE status = 'waitlisted' GROUP BY event_id, relay_id")) {
    waiting.set(`${r.event_id}:${r.relay_id ?? "any"}`, Number(r.n));
  }
  const relays = sql.exec(`${RELAY_LOAD_SQL} WHERE r.active = 1 ORDER BY r.starts_at, r.id`).toArray().map(relayLoadFromRow);
  const events: EventSnapshot[] = sql
    .exec("SELECT id, title, discipline FROM events WHERE active = 1 ORDER BY id")
    .toArray()
    .map((e) => {
      const eventId = Number(e.id);
      let waitlisted = 0;
      for (const [key, n] of waiting) if (key.startsWith(`${eventId}:`)) waitlisted += n;
      return {
        id: eventId,
        title: String(e.title),
        discipline: String(e.discipline),
        waitlisted,
        relays: relays
          .filter((r) => r.eventId === eventId)
          .map((r) => ({
            id: r.id,
            name: r.name,
            startsAt: r.startsAt,
            firingPoints: r.firingPoints,
            reserved: r.reserved,
            capacity: capacityOf(r),
            confirmed: r.confirmed,
            held: r.held,
            placesLeft: placesLeft(r),
            waitlisted: waiting.get(`${eventId}:${r.id}`) ?? 0,
          })),
      };
    });
  return {
    configured: settings !== null,
    tournamentId: settings?.tournamentId ?? null,
    revision: settings?.revision ?? 0,
    now,
    window: settings
      ? { opensAt: settings.opensAt, closesAt: settings.closesAt, state: windowState(now, settings) }
      : null,
    holdMinutes: settings?.holdMinutes ?? 0,
    events,
    outboxPending: outboxPending(sql),
  };
}

export function outboxPending(sql: SqlStorage): number {
  return Number(sql.exec("SELECT COUNT(*) AS n FROM outbox").one().n);
}

/** All of one competitor's entries here, active or not, in order of arrival. */
export function entriesOf(sql: SqlStorage, userId: number): EntryView[] {
  return sql.exec(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE user_id = ? ORDER BY seq`, userId).toArray().map(entryFromRow);
}

/**
 * Entries changed after `since`, oldest change first, about `limit` at most. A page never ends inside one
 * decision's changes (they share an updatedAt), so `through` is always a safe cursor for the next call.
 */
export function changesSince(sql: SqlStorage, since: number, limit: number): ChangesPage {
  const rows = sql
    .exec(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE updated_at > ? ORDER BY updated_at, seq LIMIT ?`, since, limit + 1)
    .toArray()
    .map(entryFromRow);
  if (rows.length <= limit) {
    return { entries: rows, through: rows.at(-1)?.updatedAt ?? since, more: false, outboxPending: outboxPending(sql) };
  }
  const through = rows[limit - 1]?.updatedAt ?? since;
  const page = rows.slice(0, limit);
  const seen = new Set(page.map((e) => e.id));
  // Finish the last decision's changes so the cursor does not split it.
  const rest = sql
    .exec(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE updated_at = ? ORDER BY seq`, through)
    .toArray()
    .map(entryFromRow)
    .filter((e) => !seen.has(e.id));
  const more = sql.exec("SELECT 1 FROM entries WHERE updated_at > ? LIMIT 1", through).toArray().length > 0;
  return { entries: [...page, ...rest], through, more, outboxPending: outboxPending(sql) };
}
