import type { Correction, ShotConflict, ShotOperation, ShotSlot } from "../../domain/scoring/index.ts";
import type { EntryStatus } from "../../domain/registration/types.ts";
import type { ConflictView, ScoringActor } from "../contract/index.ts";

type Row = Record<string, SqlStorageValue>;

export interface ScoringEntry {
  id: string;
  tournamentId: number;
  eventId: number;
  userId: number;
  status: EntryStatus;
}

export interface ScoringEvent {
  id: number;
  title: string;
  discipline: string;
}

/** The slots of a card, as the domain reads them. */
export type Slots = Map<number, ShotSlot>;

const num = (v: SqlStorageValue | undefined) => Number(v);
const numOrNull = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : String(v));

function slotFromRow(r: Row): ShotSlot {
  return { value: num(r.value), innerTen: num(r.inner_ten) === 1, opId: String(r.op_id) };
}

/**
 * The scoring tables of the tournament object (migration 0002_scoring). Synchronous, for use inside
 * `transactionSync`; every write that D1 must copy queues a `shots_outbox` row in the same transaction.
 */
export class ScoringStore {
  constructor(readonly sql: SqlStorage) {}

  private one(query: string, ...bindings: unknown[]): Row | null {
    return this.sql.exec(query, ...bindings).toArray()[0] ?? null;
  }

  entry(id: string): ScoringEntry | null {
    const r = this.one("SELECT id, tournament_id, event_id, user_id, status FROM entries WHERE id = ?", id);
    if (!r) return null;
    return {
      id: String(r.id),
      tournamentId: num(r.tournament_id),
      eventId: num(r.event_id),
      userId: num(r.user_id),
      status: String(r.status) as EntryStatus,
    };
  }

  event(id: number): ScoringEvent | null {
    const r = this.one("SELECT id, title, discipline FROM events WHERE id = ?", id);
    return r ? { id: num(r.id), title: String(r.title), discipline: String(r.discipline) } : null;
  }

  /** Every confirmed entry of the event with its slots: the cards the standings rank. */
  eventCards(eventId: number): { entryId: string; userId: number; slots: Slots }[] {
    const cards = new Map<string, { entryId: string; userId: number; slots: Slots }>();
    const rows = this.sql.exec(
      `SELECT e.id AS entry_id, e.user_id, s.shot_no, s.value, s.inner_ten, s.op_id
       FROM entries e LEFT JOIN shots s ON s.entry_id = e.id
       WHERE e.event_id = ? AND e.status = 'confirmed'
       ORDER BY e.id, s.shot_no`,
      eventId,
    );
    for (const r of rows) {
      const entryId = String(r.entry_id);
      let card = cards.get(entryId);
      if (!card) {
        card = { entryId, userId: num(r.user_id), slots: new Map() };
        cards.set(entryId, card);
      }
      if (r.shot_no !== null) card.slots.set(num(r.shot_no), slotFromRow(r));
    }
    return [...cards.values()];
  }

  isKnownOp(opId: string): boolean {
    return this.one("SELECT 1 FROM shot_ops WHERE op_id = ?", opId) !== null;
  }

  recordOp(op: ShotOperation, outcome: "applied" | "conflict" | "duplicate", actor: ScoringActor, now: number): void {
    this.sql.exec(
      `INSERT INTO shot_ops (op_id, entry_id, shot_no, outcome, device_id, device_seq, actor_id, token_id, entered_at, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      op.opId, op.entryId, op.shotNo, outcome, op.deviceId ?? null, op.deviceSeq ?? null,
      actor.userId, actor.tokenId, op.enteredAt, now,
    );
  }

  /** Fills or replaces a slot (slot null: clears it) and queues the slot for D1. */
  writeSlot(op: ShotOperation, slot: ShotSlot | null): void {
    const rev = this.nextRev();
    if (slot) {
      this.sql.exec(
        `INSERT INTO shots (entry_id, shot_no, value, inner_ten, x, y, op_id, entered_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (entry_id, shot_no) DO UPDATE SET value = excluded.value, inner_ten = excluded.inner_ten,
           x = excluded.x, y = excluded.y, op_id = excluded.op_id, entered_at = excluded.entered_at, rev = excluded.rev`,
        op.entryId, op.shotNo, slot.value, slot.innerTen ? 1 : 0, op.x ?? null, op.y ?? null, slot.opId, op.enteredAt, rev,
      );
    } else {
      this.sql.exec("DELETE FROM shots WHERE entry_id = ? AND shot_no = ?", op.entryId, op.shotNo);
    }
    this.enqueue("shot", op.entryId, op.shotNo, null, rev);
  }

  recordConflict(op: ShotOperation, conflict: ShotConflict, actor: ScoringActor, now: number): void {
    this.sql.exec(
      `INSERT INTO shot_conflicts (op_id, entry_id, shot_no, standing_value, standing_inner_ten, standing_op_id,
         incoming_value, incoming_inner_ten, x, y, device_id, device_seq, entered_at, actor_id, token_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      op.opId, op.entryId, op.shotNo, conflict.standing.value, conflict.standing.innerTen ? 1 : 0, conflict.standing.opId,
      conflict.incoming.value, conflict.incoming.innerTen ? 1 : 0, op.x ?? null, op.y ?? null, op.deviceId ?? null,
      op.deviceSeq ?? null, op.enteredAt, actor.userId, actor.tokenId, now,
    );
    this.enqueue("conflict", op.entryId, op.shotNo, op.opId, this.nextRev());
  }

  /** Audits a correction, and settles the slot's open conflicts: the correction is the organiser's decision. */
  recordCorrection(op: ShotOperation, correction: Correction, actor: ScoringActor, now: number): void {
    this.sql.exec(
      `INSERT INTO shot_corrections (op_id, entry_id, shot_no, from_value, from_inner_ten, from_op_id, to_value, to_inner_ten,
         reason, actor_id, token_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      op.opId, op.entryId, op.shotNo, correction.from.value, correction.from.innerTen ? 1 : 0, correction.from.opId,
      correction.to?.value ?? null, correction.to === null ? null : correction.to.innerTen ? 1 : 0,
      correction.reason, actor.userId, actor.tokenId, now,
    );
    this.enqueue("correction", op.entryId, op.shotNo, op.opId, this.nextRev());
    this.settleConflicts(op.entryId, op.shotNo, op.opId, now);
  }

  /** The slot a conflict is about, the operation that stood when it arose, and whether it is still open. */
  conflictSlot(opId: string): { entryId: string; shotNo: number; standingOpId: string; open: boolean } | null {
    const r = this.one("SELECT entry_id, shot_no, standing_op_id, resolved_at FROM shot_conflicts WHERE op_id = ?", opId);
    if (!r) return null;
    return { entryId: String(r.entry_id), shotNo: num(r.shot_no), standingOpId: String(r.standing_op_id), open: r.resolved_at === null };
  }

  /** The operation whose value fills the slot now; null when the slot is empty. */
  slotOp(entryId: string, shotNo: number): string | null {
    return strOrNull(this.one("SELECT op_id FROM shots WHERE entry_id = ? AND shot_no = ?", entryId, shotNo)?.op_id);
  }

  /** Marks the slot's open conflicts resolved by `byOpId` and queues each for D1; returns their ids. */
  settleConflicts(entryId: string, shotNo: number, byOpId: string, now: number): string[] {
    const settled = this.sql
      .exec(
        `UPDATE shot_conflicts SET resolved_at = ?, resolved_by_op_id = ?
         WHERE entry_id = ? AND shot_no = ? AND resolved_at IS NULL RETURNING op_id`,
        now, byOpId, entryId, shotNo,
      )
      .toArray()
      .map((r) => String(r.op_id));
    for (const opId of settled) this.enqueue("conflict", entryId, shotNo, opId, this.nextRev());
    return settled;
  }

  /** Advances the event's sequence by `count` and returns the first new number. */
  claimSeq(eventId: number, count: number): number {
    const r = this.one(
      `INSERT INTO live_events (event_id, seq) VALUES (?, ?)
       ON CONFLICT (event_id) DO UPDATE SET seq = seq + excluded.seq RETURNING seq`,
      eventId, count,
    );
    return num(r?.seq) - count + 1;
  }

  seq(eventId: number): number {
    return num(this.one("SELECT seq FROM live_events WHERE event_id = ?", eventId)?.seq ?? 0);
  }

  conflicts(eventId: number | null, includeResolved: boolean): ConflictView[] {
    return this.sql
      .exec(
        `SELECT c.*, e.event_id FROM shot_conflicts c JOIN entries e ON e.id = c.entry_id
         WHERE (?1 IS NULL OR e.event_id = ?1) AND (?2 = 1 OR c.resolved_at IS NULL)
         ORDER BY c.recorded_at, c.op_id`,
        eventId, includeResolved ? 1 : 0,
      )
      .toArray()
      .map((r) => ({
        opId: String(r.op_id),
        entryId: String(r.entry_id),
        eventId: num(r.event_id),
        shotNo: num(r.shot_no),
        standing: { value: num(r.standing_value), innerTen: num(r.standing_inner_ten) === 1, opId: String(r.standing_op_id) },
        incoming: {
          value: num(r.incoming_value),
          innerTen: num(r.incoming_inner_ten) === 1,
          deviceId: strOrNull(r.device_id),
          deviceSeq: numOrNull(r.device_seq),
          enteredAt: num(r.entered_at),
        },
        recordedAt: num(r.recorded_at),
        actorId: numOrNull(r.actor_id),
        resolvedAt: numOrNull(r.resolved_at),
        resolvedByOpId: strOrNull(r.resolved_by_op_id),
      }));
  }

  private nextRev(): number {
    return num(
      this.one(
        `INSERT INTO meta (key, value) VALUES ('shot_rev', 1)
         ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value`,
      )?.value,
    );
  }

  private enqueue(kind: "shot" | "conflict" | "correction", entryId: string, shotNo: number, ref: string | null, rev: number): void {
    this.sql.exec("INSERT INTO shots_outbox (kind, entry_id, shot_no, ref, rev) VALUES (?, ?, ?, ?, ?)", kind, entryId, shotNo, ref, rev);
  }
}
