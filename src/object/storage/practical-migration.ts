/** The object's tables for practical shooting (IPSC), applied by migrations.ts as one named migration. */
export const PRACTICAL_MIGRATION = {
  name: "practical_0001",
  sql: `
    -- A practical event's stages and offered divisions, as the Worker pushes them (JSON of PracticalEventConfig).
    CREATE TABLE practical_events (event_id INTEGER PRIMARY KEY, config TEXT NOT NULL);
    -- What the competitor declared at registration; a DQ is an operation that sets dq_at.
    CREATE TABLE practical_entries (
      entry_id TEXT PRIMARY KEY,
      division TEXT NOT NULL,
      power_factor TEXT NOT NULL,
      category TEXT,
      dq_at INTEGER,
      dq_reason TEXT,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    -- A stage's score as it stands (time in hundredths); rev orders the copies to D1.
    CREATE TABLE stage_scores (
      entry_id TEXT NOT NULL,
      stage_id INTEGER NOT NULL,
      a INTEGER NOT NULL, c INTEGER NOT NULL, d INTEGER NOT NULL,
      miss INTEGER NOT NULL, no_shoot INTEGER NOT NULL, procedural INTEGER NOT NULL,
      time_hundredths INTEGER NOT NULL,
      op_id TEXT NOT NULL,
      confirmed_at INTEGER,
      entered_at INTEGER NOT NULL,
      rev INTEGER NOT NULL,
      PRIMARY KEY (entry_id, stage_id)
    ) WITHOUT ROWID;
    -- Every recorded stage operation (applied, conflict, duplicate): a resend is a known-op duplicate.
    CREATE TABLE stage_ops (
      op_id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL,
      stage_id INTEGER,
      outcome TEXT NOT NULL,
      actor_id INTEGER,
      at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE stage_conflicts (
      op_id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL,
      stage_id INTEGER NOT NULL,
      standing TEXT NOT NULL,
      standing_op_id TEXT NOT NULL,
      incoming TEXT NOT NULL,
      actor_id INTEGER,
      recorded_at INTEGER NOT NULL,
      resolved_at INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX stage_conflicts_slot ON stage_conflicts (entry_id, stage_id);
    -- Corrections and DQs, audited in D1 once each.
    CREATE TABLE practical_audit (
      op_id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL,
      actor_id INTEGER,
      at INTEGER NOT NULL
    ) WITHOUT ROWID;
    -- Names what changed for the copy to D1: kind entry (ref entry id), score (entry/stage), conflict, audit (op id).
    CREATE TABLE practical_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ref TEXT NOT NULL);
  `,
};
