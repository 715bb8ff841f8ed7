import type { ShotOperation, ShotSlot } from "../../domain/scoring/index.ts";
import type { FinalShotView, FinalSummary, FinalView, ScoringActor } from "../contract/index.ts";

type Row = Record<string, SqlStorageValue>;
const num = (v: SqlStorageValue | undefined) => Number(v);
const numOrNull = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));

export interface FinalRecord {
  id: number;
  eventId: number;
  formatId: string;
  seq: number;
}

/** The finals tables of the tournament object (migration 0007). Synchronous, for use inside `transactionSync`. */
export class FinalsStore {
  constructor(private readonly sql: SqlStorage) {}

  private one(query: string, ...bindings: unknown[]): Row | null {
    return this.sql.exec(query, ...bindings).toArray()[0] ?? null;
  }

  final(id: number): FinalRecord | null {
    const r = this.one("SELECT id, event_id, format_id, seq FROM finals WHERE id = ?", id);
    return r ? { id: num(r.id), eventId: num(r.event_id), formatId: String(r.format_id), seq: num(r.seq) } : null;
  }

  finalOfEvent(eventId: number): number | null {
    return numOrNull(this.one("SELECT id FROM finals WHERE event_id = ?", eventId)?.id);
  }

  list(): FinalSummary[] {
    return this.sql
      .exec("SELECT id, event_id, format_id, created_at FROM finals ORDER BY id")
      .toArray()
      .map((r) => ({ id: num(r.id), eventId: num(r.event_id), formatId: String(r.format_id), createdAt: num(r.created_at) }));
  }

  create(eventId: number, formatId: string, finalists: { entryId: string; userId: number }[], createdBy: number | null, now: number): number {
    const id = num(
      this.one("INSERT INTO finals (event_id, format_id, created_at, created_by) VALUES (?, ?, ?, ?) RETURNING id", eventId, formatId, now, createdBy)!.id,
    );
    finalists.forEach((f, i) => {
      this.sql.exec("INSERT INTO finalists (final_id, entry_id, user_id, start_order) VALUES (?, ?, ?, ?)", id, f.entryId, f.userId, i + 1);
    });
    return id;
  }

  /** Finalists in start order (best qualifier first) with their shots and shoot-off shots. */
  finalists(finalId: number): FinalView["finalists"] {
    const finalists = this.sql
      .exec("SELECT entry_id, user_id, start_order FROM finalists WHERE final_id = ? ORDER BY start_order", finalId)
      .toArray()
      .map((r) => ({ entryId: String(r.entry_id), userId: num(r.user_id), startOrder: num(r.start_order), shots: [] as FinalShotView[], shootOffs: {} as Record<number, FinalShotView[]> }));
    const byId = new Map(finalists.map((f) => [f.entryId, f]));
    const rows = this.sql.exec(
      "SELECT entry_id, shoot_off_after, shot_no, value, inner_ten, x, y FROM final_shots WHERE final_id = ? ORDER BY entry_id, shoot_off_after, shot_no",
      finalId,
    );
    for (const r of rows) {
      const f = byId.get(String(r.entry_id));
      if (!f) continue;
      const shot = { shotNo: num(r.shot_no), value: num(r.value), innerTen: num(r.inner_ten) === 1, x: numOrNull(r.x), y: numOrNull(r.y) };
      const after = num(r.shoot_off_after);
      if (after === 0) f.shots.push(shot);
      else (f.shootOffs[after] ??= []).push(shot);
    }
    return finalists;
  }

  slots(finalId: number, entryId: string, shootOffAfter: number): Map<number, ShotSlot> {
    const slots = new Map<number, ShotSlot>();
    const rows = this.sql.exec(
      "SELECT shot_no, value, inner_ten, op_id FROM final_shots WHERE final_id = ? AND entry_id = ? AND shoot_off_after = ?",
      finalId, entryId, shootOffAfter,
    );
    for (const r of rows) slots.set(num(r.shot_no), { value: num(r.value), innerTen: num(r.inner_ten) === 1, opId: String(r.op_id) });
    return slots;
  }

  isKnownOp(opId: string): boolean {
    return this.one("SELECT 1 FROM final_ops WHERE op_id = ?", opId) !== null;
  }

  recordOp(finalId: number, op: ShotOperation, outcome: string, actor: ScoringActor, now: number): void {
    this.sql.exec(
      "INSERT INTO final_ops (op_id, final_id, entry_id, outcome, reason, actor_id, token_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      op.opId, finalId, op.entryId, outcome, op.reason ?? null, actor.userId, actor.tokenId, now,
    );
  }

  writeSlot(finalId: number, shootOffAfter: number, op: ShotOperation, slot: ShotSlot | null): void {
    if (!slot) {
      this.sql.exec("DELETE FROM final_shots WHERE final_id = ? AND entry_id = ? AND shoot_off_after = ? AND shot_no = ?", finalId, op.entryId, shootOffAfter, op.shotNo);
      return;
    }
    this.sql.exec(
      `INSERT INTO final_shots (final_id, entry_id, shoot_off_after, shot_no, value, inner_ten, x, y, op_id, entered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (final_id, entry_id, shoot_off_after, shot_no) DO UPDATE SET value = excluded.value,
         inner_ten = excluded.inner_ten, x = excluded.x, y = excluded.y, op_id = excluded.op_id, entered_at = excluded.entered_at`,
      finalId, op.entryId, shootOffAfter, op.shotNo, slot.value, slot.innerTen ? 1 : 0, op.x ?? null, op.y ?? null, slot.opId, op.enteredAt,
    );
  }

  /** The next sequence number of the final's scoreboard. */
  bumpSeq(finalId: number): number {
    return num(this.one("UPDATE finals SET seq = seq + 1 WHERE id = ? RETURNING seq", finalId)!.seq);
  }
}
