import type { ApplyShotsResult, KeepStandingResult, ShotOpInput, ShotOutcome } from "../contract.ts";

/** Events whose results the organiser marked official (their shots change only through a correction). */
export function officialEvents(sql: SqlStorage): number[] {
  return sql.exec("SELECT event_id FROM official_results ORDER BY event_id").toArray().map((r) => Number(r.event_id));
}

/** Marks an event's results official (frozen) or unofficial again; returns the events official afterwards. */
export function setOfficial(sql: SqlStorage, eventId: number, official: boolean, now: number): number[] {
  if (official) sql.exec("INSERT INTO official_results (event_id, at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING", eventId, now);
  else sql.exec("DELETE FROM official_results WHERE event_id = ?", eventId);
  return officialEvents(sql);
}

const FROZEN =
  "The results of this event are official: only a correction (naming the value it replaces, with a reason) can change them";

/**
 * Official results are frozen: an operation for an entry of an official event is refused unless it is a
 * correction (which the live scoring audits) or a resend of an operation already recorded (which stays the
 * harmless duplicate it always was). Everything else goes to `apply` in the original order.
 */
export function guardOfficial(sql: SqlStorage, ops: ShotOpInput[], apply: (ops: ShotOpInput[]) => ApplyShotsResult): ApplyShotsResult {
  if (!Array.isArray(ops) || ops.length === 0) return apply(ops);
  const entryIds = JSON.stringify([...new Set(ops.map((op) => String(op?.entryId)))]);
  const frozenEntries = new Set(
    sql
      .exec(
        `SELECT e.id FROM entries e JOIN official_results o ON o.event_id = e.event_id
         WHERE e.id IN (SELECT value FROM json_each(?))`,
        entryIds,
      )
      .toArray()
      .map((r) => String(r.id)),
  );
  if (frozenEntries.size === 0) return apply(ops);
  const opIds = JSON.stringify(ops.map((op) => String(op?.opId)));
  const known = new Set(
    sql
      .exec("SELECT op_id FROM shot_ops WHERE op_id IN (SELECT value FROM json_each(?))", opIds)
      .toArray()
      .map((r) => String(r.op_id)),
  );
  const refusals = ops.map((op): ShotOutcome | null =>
    frozenEntries.has(String(op.entryId)) && op.replaces === undefined && !known.has(String(op.opId))
      ? { opId: op.opId, entryId: op.entryId, shotNo: op.shotNo, outcome: "rejected", reason: "results_official", message: FROZEN }
      : null,
  );
  const allowed = ops.filter((_, i) => refusals[i] === null);
  const applied = allowed.length > 0 ? apply(allowed).results : [];
  let next = 0;
  return { results: refusals.map((refusal) => refusal ?? applied[next++]!) };
}

/**
 * The organiser keeps the value that stands: the slot's open conflicts are settled without changing it.
 * (Taking the other value is a correction through `applyShots`, which settles them itself.) The settled
 * conflicts are queued for D1 like every other scoring change. Run inside a transaction.
 */
export function keepStanding(sql: SqlStorage, opId: string, now: number): KeepStandingResult {
  const conflict = sql.exec("SELECT entry_id, shot_no, standing_op_id, resolved_at FROM shot_conflicts WHERE op_id = ?", opId).toArray()[0];
  if (!conflict) return { outcome: "not_found", settled: [] };
  if (conflict.resolved_at !== null) return { outcome: "unchanged", settled: [] };
  const slot = sql.exec("SELECT op_id FROM shots WHERE entry_id = ? AND shot_no = ?", conflict.entry_id, conflict.shot_no).toArray()[0];
  const standingOp = String(slot?.op_id ?? conflict.standing_op_id);
  const settled = sql
    .exec(
      `UPDATE shot_conflicts SET resolved_at = ?, resolved_by_op_id = ?
       WHERE entry_id = ? AND shot_no = ? AND resolved_at IS NULL RETURNING op_id`,
      now, standingOp, conflict.entry_id, conflict.shot_no,
    )
    .toArray()
    .map((r) => String(r.op_id));
  for (const settledOp of settled) {
    // The same queue and write counter the live scoring uses (src/tournament/live/store.ts), so D1 takes it in order.
    const rev = Number(
      sql
        .exec(
          `INSERT INTO meta (key, value) VALUES ('shot_rev', 1)
           ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value`,
        )
        .one().value,
    );
    sql.exec(
      "INSERT INTO shots_outbox (kind, entry_id, shot_no, ref, rev) VALUES ('conflict', ?, ?, ?, ?)",
      conflict.entry_id, conflict.shot_no, settledOp, rev,
    );
  }
  return { outcome: "resolved", settled };
}
