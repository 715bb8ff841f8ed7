import { formatShot, validateShotValue, type Discipline, type ShotOperation } from "../../domain/scoring/index.ts";
import type { ShotOutcome } from "../contract/index.ts";

/**
 * Sighters (practice shots before the match) as an electronic target reports them: kept with their position
 * for the shot plots, never on the card, so they count for nothing. Idempotent by opId like any operation.
 */
export function recordSighter(sql: SqlStorage, d: Discipline, op: ShotOperation): ShotOutcome {
  const about = { opId: op.opId, entryId: op.entryId, shotNo: op.shotNo, sighter: true as const };
  if (sql.exec("SELECT 1 FROM sighters WHERE op_id = ?", op.opId).toArray().length > 0) {
    return { ...about, outcome: "duplicate", reason: "known_op", message: "This sighter was already recorded" };
  }
  if (op.value === null) return { ...about, outcome: "rejected", reason: "out_of_range", message: "A sighter needs a value" };
  const problem = validateShotValue(d, op.value, op.innerTen === true);
  if (problem) return { ...about, outcome: "rejected", reason: problem.reason, message: problem.message };
  sql.exec(
    `INSERT INTO sighters (op_id, entry_id, sighter_no, value, inner_ten, x, y, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    op.opId, op.entryId, op.shotNo, op.value, op.innerTen ? 1 : 0, op.x ?? null, op.y ?? null, op.enteredAt,
  );
  return {
    ...about,
    outcome: "applied",
    message: `Sighter ${op.shotNo}: ${formatShot(d, op.value, op.innerTen === true)} (sighters do not count)`,
  };
}
