import type { Category, Division, PowerFactor } from "../../domain/practical/rulebook.ts";
import type { StageSlot } from "../../domain/practical/operations.ts";
import type { StageHits } from "../../domain/practical/score.ts";
import type { PracticalChoice, PracticalEntryView, PracticalEventConfig, StageConflictView, StageScoreView } from "../contract/index.ts";

type Row = Record<string, SqlStorageValue>;
const num = (v: SqlStorageValue | undefined) => Number(v);
const str = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : String(v));

export interface PracticalEntryRow {
  id: string;
  eventId: number;
  userId: number;
  relayId: number | null;
  status: string;
}

function hitsFromRow(r: Row): StageHits {
  return {
    a: num(r.a), c: num(r.c), d: num(r.d), miss: num(r.miss), noShoot: num(r.no_shoot), procedural: num(r.procedural),
    timeHundredths: num(r.time_hundredths),
  };
}

/**
 * The object's practical-shooting tables (storage/practical-migration.ts). Synchronous, called inside the
 * decisions' transactions; every change is named in `practical_outbox` for the copy to D1.
 */
export class PracticalStore {
  constructor(private readonly sql: SqlStorage) {}

  private one(query: string, ...bindings: unknown[]): Row | null {
    return this.sql.exec(query, ...bindings).toArray()[0] ?? null;
  }

  private queue(kind: "entry" | "score" | "conflict" | "audit", ref: string): void {
    this.sql.exec("INSERT INTO practical_outbox (kind, ref) VALUES (?, ?)", kind, ref);
  }

  /** Replaces every practical event's configuration (the list is complete). */
  writeConfigs(configs: readonly PracticalEventConfig[]): void {
    this.sql.exec("DELETE FROM practical_events");
    for (const c of configs) this.sql.exec("INSERT INTO practical_events (event_id, config) VALUES (?, ?)", c.eventId, JSON.stringify(c));
  }

  config(eventId: number): PracticalEventConfig | null {
    const r = this.one("SELECT config FROM practical_events WHERE event_id = ?", eventId);
    return r ? (JSON.parse(String(r.config)) as PracticalEventConfig) : null;
  }

  eventTitle(eventId: number): string {
    return String(this.one("SELECT title FROM events WHERE id = ?", eventId)?.title ?? "");
  }

  entry(id: string): PracticalEntryRow | null {
    const r = this.one("SELECT id, event_id, user_id, relay_id, status FROM entries WHERE id = ?", id);
    if (!r) return null;
    return { id: String(r.id), eventId: num(r.event_id), userId: num(r.user_id), relayId: r.relay_id === null ? null : num(r.relay_id), status: String(r.status) };
  }

  saveChoice(entryId: string, choice: PracticalChoice, now: number): void {
    this.sql.exec(
      `INSERT INTO practical_entries (entry_id, division, power_factor, category, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (entry_id) DO UPDATE SET division = excluded.division, power_factor = excluded.power_factor,
         category = excluded.category, updated_at = excluded.updated_at`,
      entryId, choice.division, choice.powerFactor, choice.category ?? null, now,
    );
    this.queue("entry", entryId);
  }

  /** What every practical entry declared, whatever its status (the organisers' entries feed). */
  choices(): { entryId: string; division: Division; powerFactor: PowerFactor; category: Category | null; dq: boolean }[] {
    return this.sql
      .exec("SELECT entry_id, division, power_factor, category, dq_at FROM practical_entries")
      .toArray()
      .map((r) => ({
        entryId: String(r.entry_id),
        division: String(r.division) as Division,
        powerFactor: String(r.power_factor) as PowerFactor,
        category: str(r.category) as Category | null,
        dq: r.dq_at !== null,
      }));
  }

  isDq(entryId: string): boolean {
    return this.one("SELECT dq_at FROM practical_entries WHERE entry_id = ?", entryId)?.dq_at != null;
  }

  setDq(entryId: string, dq: boolean, reason: string, now: number): void {
    this.sql.exec(
      "UPDATE practical_entries SET dq_at = ?, dq_reason = ?, updated_at = ? WHERE entry_id = ?",
      dq ? now : null, dq ? reason : null, now, entryId,
    );
    this.queue("entry", entryId);
  }

  slot(entryId: string, stageId: number): StageSlot | null {
    const r = this.one("SELECT * FROM stage_scores WHERE entry_id = ? AND stage_id = ?", entryId, stageId);
    return r ? { hits: hitsFromRow(r), opId: String(r.op_id), confirmed: r.confirmed_at !== null } : null;
  }

  writeSlot(entryId: string, stageId: number, slot: StageSlot, now: number): void {
    const h = slot.hits;
    const rev = num(this.one("SELECT COALESCE(MAX(rev), 0) + 1 AS rev FROM stage_scores")?.rev);
    this.sql.exec(
      `INSERT INTO stage_scores (entry_id, stage_id, a, c, d, miss, no_shoot, procedural, time_hundredths, op_id, confirmed_at, entered_at, rev)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entry_id, stage_id) DO UPDATE SET a = excluded.a, c = excluded.c, d = excluded.d, miss = excluded.miss,
         no_shoot = excluded.no_shoot, procedural = excluded.procedural, time_hundredths = excluded.time_hundredths,
         op_id = excluded.op_id, confirmed_at = excluded.confirmed_at, entered_at = excluded.entered_at, rev = excluded.rev`,
      entryId, stageId, h.a, h.c, h.d, h.miss, h.noShoot, h.procedural, h.timeHundredths, slot.opId, slot.confirmed ? now : null, now, rev,
    );
    this.queue("score", `${entryId}/${stageId}`);
  }

  isKnownOp(opId: string): boolean {
    return this.one("SELECT 1 AS known FROM stage_ops WHERE op_id = ?", opId) !== null;
  }

  recordOp(opId: string, entryId: string, stageId: number | null, outcome: string, actorId: number | null, now: number): void {
    this.sql.exec(
      "INSERT INTO stage_ops (op_id, entry_id, stage_id, outcome, actor_id, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO NOTHING",
      opId, entryId, stageId, outcome, actorId, now,
    );
  }

  recordConflict(entryId: string, stageId: number, standing: StageSlot, incoming: StageSlot, actorId: number | null, now: number): void {
    this.sql.exec(
      `INSERT INTO stage_conflicts (op_id, entry_id, stage_id, standing, standing_op_id, incoming, actor_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO NOTHING`,
      incoming.opId, entryId, stageId, JSON.stringify(standing.hits), standing.opId, JSON.stringify(incoming.hits), actorId, now,
    );
    this.queue("conflict", incoming.opId);
  }

  /** A correction of the stage settles its open conflicts. */
  settleConflicts(entryId: string, stageId: number, now: number): void {
    const open = this.sql
      .exec("SELECT op_id FROM stage_conflicts WHERE entry_id = ? AND stage_id = ? AND resolved_at IS NULL", entryId, stageId)
      .toArray();
    for (const r of open) {
      this.sql.exec("UPDATE stage_conflicts SET resolved_at = ? WHERE op_id = ?", now, r.op_id);
      this.queue("conflict", String(r.op_id));
    }
  }

  audit(opId: string, entryId: string, action: "stage.corrected" | "stage.conflict_resolved" | "entry.disqualified" | "entry.reinstated", detail: object, actorId: number | null, now: number): void {
    this.sql.exec(
      "INSERT INTO practical_audit (op_id, entry_id, action, detail, actor_id, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO NOTHING",
      opId, entryId, action, JSON.stringify(detail), actorId, now,
    );
    this.queue("audit", opId);
  }

  isOfficial(eventId: number): boolean {
    return this.one("SELECT 1 AS official FROM official_results WHERE event_id = ?", eventId) !== null;
  }

  /** The event's confirmed entries with what they declared; entries without a declaration are left out. */
  entries(eventId: number): PracticalEntryView[] {
    return this.sql
      .exec(
        `SELECT e.id, e.user_id, e.relay_id, p.division, p.power_factor, p.category, p.dq_at, p.dq_reason
         FROM entries e JOIN practical_entries p ON p.entry_id = e.id
         WHERE e.event_id = ? AND e.status = 'confirmed' ORDER BY e.seq`,
        eventId,
      )
      .toArray()
      .map((r) => ({
        entryId: String(r.id),
        userId: num(r.user_id),
        relayId: r.relay_id === null ? null : num(r.relay_id),
        division: String(r.division) as Division,
        powerFactor: String(r.power_factor) as PowerFactor,
        category: str(r.category) as Category | null,
        dq: r.dq_at !== null,
        dqReason: str(r.dq_reason),
      }));
  }

  scores(eventId: number): StageScoreView[] {
    return this.sql
      .exec(`SELECT s.* FROM stage_scores s JOIN entries e ON e.id = s.entry_id WHERE e.event_id = ?`, eventId)
      .toArray()
      .map((r) => ({ entryId: String(r.entry_id), stageId: num(r.stage_id), hits: hitsFromRow(r), opId: String(r.op_id), confirmed: r.confirmed_at !== null }));
  }

  conflicts(eventId: number, includeResolved: boolean): StageConflictView[] {
    return this.sql
      .exec(
        `SELECT c.*, o.actor_id AS standing_actor_id FROM stage_conflicts c JOIN entries e ON e.id = c.entry_id
         LEFT JOIN stage_ops o ON o.op_id = c.standing_op_id
         WHERE e.event_id = ? AND (? OR c.resolved_at IS NULL) ORDER BY c.recorded_at`,
        eventId, includeResolved ? 1 : 0,
      )
      .toArray()
      .map(conflictFromRow);
  }

  /** One conflict by its operation id, open or settled. */
  conflict(opId: string): StageConflictView | null {
    const r = this.one(
      `SELECT c.*, o.actor_id AS standing_actor_id FROM stage_conflicts c LEFT JOIN stage_ops o ON o.op_id = c.standing_op_id WHERE c.op_id = ?`,
      opId,
    );
    return r ? conflictFromRow(r) : null;
  }
}

function conflictFromRow(r: Row): StageConflictView {
  return {
    opId: String(r.op_id),
    entryId: String(r.entry_id),
    stageId: num(r.stage_id),
    standing: JSON.parse(String(r.standing)) as StageHits,
    incoming: JSON.parse(String(r.incoming)) as StageHits,
    recordedAt: num(r.recorded_at),
    resolvedAt: r.resolved_at === null ? null : num(r.resolved_at),
    standingOpId: String(r.standing_op_id),
    standingActorId: r.standing_actor_id === null || r.standing_actor_id === undefined ? null : num(r.standing_actor_id),
    actorId: r.actor_id === null ? null : num(r.actor_id),
  };
}
