import type { Book, Configuration, Remembered } from "../../domain/registration/book.ts";
import { nextStamp } from "../../domain/registration/clock.ts";
import type { EntryRecord, EntryStatus, EventRecord, RelayLoad, RelayRecord, Settings } from "../../domain/registration/types.ts";

type Row = Record<string, SqlStorageValue>;

export const ENTRY_COLUMNS =
  "id, tournament_id, event_id, relay_id, user_id, status, seq, firing_point, waitlist_position, hold_until, note, checked_in_at, created_at, updated_at";

const num = (v: SqlStorageValue | undefined) => Number(v);
const numOrNull = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));

export function entryFromRow(r: Row): EntryRecord {
  return {
    id: String(r.id),
    tournamentId: num(r.tournament_id),
    eventId: num(r.event_id),
    relayId: numOrNull(r.relay_id),
    userId: num(r.user_id),
    status: String(r.status) as EntryStatus,
    seq: num(r.seq),
    firingPoint: numOrNull(r.firing_point),
    waitlistPosition: numOrNull(r.waitlist_position),
    holdUntil: numOrNull(r.hold_until),
    note: r.note === null || r.note === undefined ? null : String(r.note),
    checkedInAt: numOrNull(r.checked_in_at),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

function relayFromRow(r: Row): RelayRecord {
  return {
    id: num(r.id),
    eventId: num(r.event_id),
    name: String(r.name),
    startsAt: num(r.starts_at),
    firingPoints: num(r.firing_points),
    reserved: num(r.reserved),
    active: num(r.active) === 1,
  };
}

function eventFromRow(r: Row): EventRecord {
  return { id: num(r.id), title: String(r.title), discipline: String(r.discipline), active: num(r.active) === 1 };
}

/** Confirmed and held counts per relay, joined onto relay rows. */
export const RELAY_LOAD_SQL = `
  SELECT r.*,
    (SELECT COUNT(*) FROM entries e WHERE e.relay_id = r.id AND e.status = 'confirmed') AS confirmed,
    (SELECT COUNT(*) FROM entries e WHERE e.relay_id = r.id AND e.status = 'held') AS held
  FROM relays r`;

export function relayLoadFromRow(r: Row): RelayLoad {
  return { ...relayFromRow(r), confirmed: num(r.confirmed), held: num(r.held) };
}

/**
 * The registration `Book` over the object's SQLite storage. Every method is synchronous; the object calls
 * the rules inside `transactionSync`, so a whole decision commits or none of it does. Every saved entry is
 * queued in the outbox in the same transaction.
 */
export class SqliteBook implements Book {
  constructor(private readonly sql: SqlStorage) {}

  private one(query: string, ...bindings: unknown[]): Row | null {
    return this.sql.exec(query, ...bindings).toArray()[0] ?? null;
  }

  private meta(key: string): number {
    return num(this.one("SELECT value FROM meta WHERE key = ?", key)?.value ?? 0);
  }

  private setMeta(key: string, value: number): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }

  /** Persists and returns the stamp for a decision at `now` (see `Clock`). */
  advanceStamp(now: number): number {
    const stamp = nextStamp(this.meta("stamp"), now);
    this.setMeta("stamp", stamp);
    return stamp;
  }

  settings(): Settings | null {
    const r = this.one("SELECT * FROM settings WHERE only = 1");
    if (!r) return null;
    return {
      tournamentId: num(r.tournament_id),
      revision: num(r.revision),
      opensAt: num(r.opens_at),
      closesAt: num(r.closes_at),
      holdMinutes: num(r.hold_minutes),
      refundFullUntil: numOrNull(r.refund_full_until),
      refundSharePercent: num(r.refund_share_percent ?? 100),
    };
  }

  writeConfiguration(config: Configuration): void {
    const s = config.settings;
    this.sql.exec(
      `INSERT INTO settings (only, tournament_id, revision, opens_at, closes_at, hold_minutes, refund_full_until, refund_share_percent)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (only) DO UPDATE SET tournament_id = excluded.tournament_id, revision = excluded.revision,
         opens_at = excluded.opens_at, closes_at = excluded.closes_at, hold_minutes = excluded.hold_minutes,
         refund_full_until = excluded.refund_full_until, refund_share_percent = excluded.refund_share_percent`,
      s.tournamentId, s.revision, s.opensAt, s.closesAt, s.holdMinutes, s.refundFullUntil ?? null, s.refundSharePercent ?? 100,
    );
    this.sql.exec("UPDATE events SET active = 0");
    this.sql.exec("UPDATE relays SET active = 0");
    for (const e of config.events) {
      this.sql.exec(
        `INSERT INTO events (id, title, discipline, active) VALUES (?, ?, ?, 1)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, discipline = excluded.discipline, active = 1`,
        e.id, e.title, e.discipline,
      );
    }
    for (const r of config.relays) {
      this.sql.exec(
        `INSERT INTO relays (id, event_id, name, starts_at, firing_points, reserved, active) VALUES (?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, name = excluded.name, starts_at = excluded.starts_at,
           firing_points = excluded.firing_points, reserved = excluded.reserved, active = 1`,
        r.id, r.eventId, r.name, r.startsAt, r.firingPoints, r.reserved,
      );
    }
  }

  event(id: number): EventRecord | null {
    const r = this.one("SELECT * FROM events WHERE id = ?", id);
    return r ? eventFromRow(r) : null;
  }

  relay(id: number): RelayRecord | null {
    const r = this.one("SELECT * FROM relays WHERE id = ?", id);
    return r ? relayFromRow(r) : null;
  }

  events(): EventRecord[] {
    return this.sql.exec("SELECT * FROM events ORDER BY id").toArray().map(eventFromRow);
  }

  relaysOf(eventId: number): RelayLoad[] {
    return this.sql.exec(`${RELAY_LOAD_SQL} WHERE r.event_id = ? ORDER BY r.id`, eventId).toArray().map(relayLoadFromRow);
  }

  entry(id: string): EntryRecord | null {
    const r = this.one(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE id = ?`, id);
    return r ? entryFromRow(r) : null;
  }

  activeEntryOf(userId: number, eventId: number): EntryRecord | null {
    const r = this.one(
      `SELECT ${ENTRY_COLUMNS} FROM entries
       WHERE user_id = ? AND event_id = ? AND status IN ('confirmed', 'held', 'waitlisted')`,
      userId, eventId,
    );
    return r ? entryFromRow(r) : null;
  }

  takenFiringPoints(relayId: number): number[] {
    return this.sql
      .exec(
        "SELECT firing_point FROM entries WHERE relay_id = ? AND status IN ('confirmed', 'held') AND firing_point IS NOT NULL",
        relayId,
      )
      .toArray()
      .map((r) => num(r.firing_point));
  }

  waitlistLength(eventId: number): number {
    return num(this.one("SELECT COUNT(*) AS n FROM entries WHERE event_id = ? AND status = 'waitlisted'", eventId)?.n);
  }

  waitlist(eventId: number): EntryRecord[] {
    return this.sql
      .exec(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE event_id = ? AND status = 'waitlisted' ORDER BY seq`, eventId)
      .toArray()
      .map(entryFromRow);
  }

  /** Due holds, except those with an open Checkout Session: the alarm expires the session first (src/object/payments). */
  dueHolds(now: number): EntryRecord[] {
    return this.sql
      .exec(
        `SELECT ${ENTRY_COLUMNS} FROM entries WHERE status = 'held' AND hold_until <= ?
           AND id NOT IN (SELECT entry_id FROM checkout_sessions WHERE status = 'open') ORDER BY seq`,
        now,
      )
      .toArray()
      .map(entryFromRow);
  }

  /** When the earliest unpaid hold lapses, if any entry is held. */
  nextHoldExpiry(): number | null {
    const at = this.one("SELECT MIN(hold_until) AS at FROM entries WHERE status = 'held'")?.at;
    return at === null || at === undefined ? null : Number(at);
  }

  nextSeq(): number {
    const seq = this.meta("seq") + 1;
    this.setMeta("seq", seq);
    return seq;
  }

  attemptTimes(userId: number, since: number): number[] {
    return this.sql
      .exec("SELECT at FROM attempts WHERE user_id = ? AND at > ? ORDER BY at", userId, since)
      .toArray()
      .map((r) => num(r.at));
  }

  recordAttempt(userId: number, at: number): void {
    this.sql.exec("INSERT INTO attempts (user_id, at) VALUES (?, ?)", userId, at);
  }

  /** Forgets attempts too old to count for any rate limit. */
  pruneAttempts(before: number): void {
    this.sql.exec("DELETE FROM attempts WHERE at <= ?", before);
  }

  /** Forgets answers remembered before `before` (see ANSWERS_KEPT_MS). */
  pruneAnswers(before: number): void {
    this.sql.exec("DELETE FROM idempotency WHERE at < ?", before);
  }

  recall(userId: number, key: string): Remembered | null {
    const r = this.one("SELECT fingerprint, outcome FROM idempotency WHERE user_id = ? AND key = ?", userId, key);
    return r ? { fingerprint: String(r.fingerprint), outcome: JSON.parse(String(r.outcome)) } : null;
  }

  remember(userId: number, key: string, value: Remembered): void {
    this.sql.exec(
      "INSERT INTO idempotency (user_id, key, fingerprint, outcome, at) VALUES (?, ?, ?, ?, ?)",
      userId, key, value.fingerprint, JSON.stringify(value.outcome), Date.now(),
    );
  }

  save(e: EntryRecord): void {
    this.sql.exec(
      `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, relay_id = excluded.relay_id, status = excluded.status,
         firing_point = excluded.firing_point, waitlist_position = excluded.waitlist_position,
         hold_until = excluded.hold_until, note = excluded.note, checked_in_at = excluded.checked_in_at,
         updated_at = excluded.updated_at`,
      e.id, e.tournamentId, e.eventId, e.relayId, e.userId, e.status, e.seq, e.firingPoint, e.waitlistPosition,
      e.holdUntil, e.note, e.checkedInAt, e.createdAt, e.updatedAt,
    );
    this.sql.exec("INSERT INTO outbox (entry_id) VALUES (?)", e.id);
  }
}
