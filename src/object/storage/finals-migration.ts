/** The object's tables for sighters and finals, applied by migrations.ts as one named migration. */
export const FINALS_MIGRATION = {
  name: "0007_finals_and_sighters",
  sql: `
    -- Sighters an electronic target reports: kept for the plots, never counted (src/object/scoring/sighters.ts).
    CREATE TABLE sighters (
      op_id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL,
      sighter_no INTEGER NOT NULL,
      value INTEGER NOT NULL,
      inner_ten INTEGER NOT NULL,
      x INTEGER,
      y INTEGER,
      entered_at INTEGER NOT NULL
    );
    CREATE INDEX sighters_by_entry ON sighters (entry_id, sighter_no);
    -- Finals (src/object/finals): the eight qualified of an event start from zero; shots in tenths.
    CREATE TABLE finals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id INTEGER NOT NULL,
      format_id TEXT NOT NULL,
      seq INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      created_by INTEGER
    );
    CREATE TABLE finalists (
      final_id INTEGER NOT NULL,
      entry_id TEXT NOT NULL,
      user_id INTEGER NOT NULL,
      start_order INTEGER NOT NULL,
      PRIMARY KEY (final_id, entry_id)
    ) WITHOUT ROWID;
    -- shoot_off_after: 0 for the final's own shots, else the elimination point the shoot-off shot decides.
    CREATE TABLE final_shots (
      final_id INTEGER NOT NULL,
      entry_id TEXT NOT NULL,
      shoot_off_after INTEGER NOT NULL,
      shot_no INTEGER NOT NULL,
      value INTEGER NOT NULL,
      inner_ten INTEGER NOT NULL,
      x INTEGER,
      y INTEGER,
      op_id TEXT NOT NULL,
      entered_at INTEGER NOT NULL,
      PRIMARY KEY (final_id, entry_id, shoot_off_after, shot_no)
    ) WITHOUT ROWID;
    CREATE TABLE final_ops (
      op_id TEXT PRIMARY KEY,
      final_id INTEGER NOT NULL,
      entry_id TEXT NOT NULL,
      outcome TEXT NOT NULL,
      reason TEXT,
      actor_id INTEGER,
      token_id INTEGER,
      at INTEGER NOT NULL
    );
  `,
};
