import { EDITORS, type StaffRole } from "../../auth/roles.ts";
import type { ApplyShotsResult, ShotOpInput, ShotOutcome } from "../contract/index.ts";

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

const EDITORS_ONLY =
  "The results of this event are official: only the tournament's owner or an organiser can correct them (ask one, or use the admin's correction form)";

/** Why an operation on an official event's entry is refused, or null when it may go on. */
function refusalOf(op: ShotOpInput, known: Set<string>, role: StaffRole): Pick<ShotOutcome, "reason" | "message"> | null {
  if (known.has(String(op.opId))) return null;
  if (op.replaces === undefined) return { reason: "results_official", message: FROZEN };
  return EDITORS.includes(role) ? null : { reason: "official_correction_refused", message: EDITORS_ONLY };
}

/**
 * Official results are frozen: an operation for an entry of an official event is refused unless it is an
 * owner's or organiser's correction (which the live scoring audits) or a resend of an operation already
 * recorded (which stays the harmless duplicate it always was). Everything else goes to `apply` in the
 * original order. `role` is the actor's, as the Worker found it (a scoring token counts as a range officer).
 */
export function guardOfficial(
  sql: SqlStorage,
  ops: ShotOpInput[],
  role: StaffRole,
  apply: (ops: ShotOpInput[]) => ApplyShotsResult,
): ApplyShotsResult {
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
  const refusals = ops.map((op): ShotOutcome | null => {
    const refusal = frozenEntries.has(String(op.entryId)) ? refusalOf(op, known, role) : null;
    return refusal ? { opId: op.opId, entryId: op.entryId, shotNo: op.shotNo, outcome: "rejected", ...refusal } : null;
  });
  const allowed = ops.filter((_, i) => refusals[i] === null);
  const applied = allowed.length > 0 ? apply(allowed).results : [];
  let next = 0;
  return { results: refusals.map((refusal) => refusal ?? applied[next++]!) };
}
