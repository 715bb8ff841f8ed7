/**
 * The tournament object's SQLite schema. Migrations run in order, once each, recorded in `_migrations`
 * (`PRAGMA user_version` is not available in Durable Objects). Append new ones; never edit an applied one.
 */
import { FINALS_MIGRATION } from "./finals-migration.ts";
import { PAYMENTS_MIGRATION } from "./payments-migration.ts";
import { PRACTICAL_MIGRATION } from "./practical-migration.ts";

const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: "0001_registration",
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE settings (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        tournament_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        opens_at INTEGER NOT NULL,
        closes_at INTEGER NOT NULL,
        hold_minutes REAL NOT NULL
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        discipline TEXT NOT NULL,
        active INTEGER NOT NULL
      );
      CREATE TABLE relays (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        firing_points INTEGER NOT NULL,
        reserved INTEGER NOT NULL,
        active INTEGER NOT NULL
      );
      CREATE INDEX relays_event ON relays (event_id);
      CREATE TABLE entries (
        id TEXT PRIMARY KEY,
        tournament_id INTEGER NOT NULL,
        event_id INTEGER NOT NULL,
        relay_id INTEGER,
        user_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        firing_point INTEGER,
        waitlist_position INTEGER,
        hold_until INTEGER,
        note TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- The rules keep one active entry per competitor and event; the index makes a slip impossible.
      CREATE UNIQUE INDEX entries_one_active ON entries (user_id, event_id)
        WHERE status IN ('confirmed', 'held', 'waitlisted');
      CREATE INDEX entries_user ON entries (user_id, event_id);
      CREATE INDEX entries_relay ON entries (relay_id, status);
      CREATE INDEX entries_waitlist ON entries (event_id, status, seq);
      CREATE INDEX entries_holds ON entries (status, hold_until);
      CREATE INDEX entries_updated ON entries (updated_at);
      CREATE TABLE idempotency (
        user_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        outcome TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (user_id, key)
      ) WITHOUT ROWID;
      CREATE TABLE attempts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX attempts_user ON attempts (user_id, at);
      CREATE INDEX attempts_at ON attempts (at);
      -- Entry ids changed since D1 last took them; AUTOINCREMENT so a drained id is never reused.
      CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, entry_id TEXT NOT NULL);
    `,
  },
  {
    name: "0002_scoring",
    sql: `
      -- Match shots as they stand: one row per filled slot, with the operation that put it there.
      -- rev grows with every write in this object, so D1 keeps only the newest state of a slot.
      CREATE TABLE shots (
        entry_id TEXT NOT NULL,
        shot_no INTEGER NOT NULL,
        value INTEGER NOT NULL,
        inner_ten INTEGER NOT NULL,
        x REAL,
        y REAL,
        op_id TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        rev INTEGER NOT NULL,
        PRIMARY KEY (entry_id, shot_no)
      ) WITHOUT ROWID;
      -- Every recorded operation id (applied, conflict, same value): a resend is a no-op.
      CREATE TABLE shot_ops (
        op_id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL,
        shot_no INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        device_id TEXT,
        device_seq INTEGER,
        actor_id INTEGER,
        token_id INTEGER,
        entered_at INTEGER NOT NULL,
        at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE shot_conflicts (
        op_id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL,
        shot_no INTEGER NOT NULL,
        standing_value INTEGER NOT NULL,
        standing_inner_ten INTEGER NOT NULL,
        standing_op_id TEXT NOT NULL,
        incoming_value INTEGER NOT NULL,
        incoming_inner_ten INTEGER NOT NULL,
        x REAL,
        y REAL,
        device_id TEXT,
        device_seq INTEGER,
        entered_at INTEGER NOT NULL,
        actor_id INTEGER,
        token_id INTEGER,
        recorded_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by_op_id TEXT
      ) WITHOUT ROWID;
      CREATE INDEX shot_conflicts_slot ON shot_conflicts (entry_id, shot_no);
      CREATE TABLE shot_corrections (
        op_id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL,
        shot_no INTEGER NOT NULL,
        from_value INTEGER NOT NULL,
        from_inner_ten INTEGER NOT NULL,
        from_op_id TEXT NOT NULL,
        to_value INTEGER,
        to_inner_ten INTEGER,
        reason TEXT NOT NULL,
        actor_id INTEGER,
        token_id INTEGER,
        at INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- Per event: the sequence number of the last scoreboard message.
      CREATE TABLE live_events (event_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
      -- Names for scoreboard fragments, copied from D1 users when first needed.
      CREATE TABLE competitors (user_id INTEGER PRIMARY KEY, name TEXT NOT NULL, club TEXT NOT NULL, fetched_at INTEGER NOT NULL);
      -- Scoring changes D1 has not taken yet: kind 'shot' (a slot), 'conflict' or 'correction' (ref = op id).
      CREATE TABLE shots_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        shot_no INTEGER NOT NULL,
        ref TEXT,
        rev INTEGER NOT NULL
      );
    `,
  },
  {
    name: "0003_admin",
    sql: `
      -- Check-in at the range (organisers, src/domain/registration/organiser.ts); copied to D1 with the entry.
      ALTER TABLE entries ADD COLUMN checked_in_at INTEGER;
      -- Events whose results the organiser marked official: shots there change only by correction.
      CREATE TABLE official_results (event_id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
    `,
  },
  {
    name: "0004_answers_age",
    sql: `
      -- Remembered registration answers are let go after a while (src/domain/registration/register.ts).
      CREATE INDEX idempotency_at ON idempotency (at);
    `,
  },
  {
    name: "0005_outbox_set_aside",
    sql: `
      -- Rows D1 refused for good (src/object/outbox/set-aside.ts), kept for the organiser; reported_at is set
      -- once their audit_log row is in D1.
      CREATE TABLE outbox_set_aside (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        stream TEXT NOT NULL,
        tournament_id INTEGER,
        subject TEXT NOT NULL,
        row TEXT NOT NULL,
        error TEXT NOT NULL,
        at INTEGER NOT NULL,
        reported_at INTEGER
      );
    `,
  },
  {
    name: "0006_positions_in_hundredths",
    sql: `
      -- Shot positions were kept as millimetres (reals); they are integer hundredths of a mm now, as D1 keeps them.
      UPDATE shots SET x = CAST(ROUND(x * 100) AS INTEGER) WHERE x IS NOT NULL;
      UPDATE shots SET y = CAST(ROUND(y * 100) AS INTEGER) WHERE y IS NOT NULL;
      UPDATE shot_conflicts SET x = CAST(ROUND(x * 100) AS INTEGER) WHERE x IS NOT NULL;
      UPDATE shot_conflicts SET y = CAST(ROUND(y * 100) AS INTEGER) WHERE y IS NOT NULL;
    `,
  },
  FINALS_MIGRATION,
  PRACTICAL_MIGRATION,
  PAYMENTS_MIGRATION,
];

/** Brings the schema up to date; call inside `blockConcurrencyWhile` in the constructor. */
export function migrate(storage: DurableObjectStorage): void {
  storage.transactionSync(() => {
    const sql = storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
    const applied = new Set(sql.exec<{ name: string }>("SELECT name FROM _migrations").toArray().map((r) => r.name));
    for (const m of MIGRATIONS) {
      if (applied.has(m.name)) continue;
      sql.exec(m.sql);
      sql.exec("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", m.name, Date.now());
    }
  });
}
