import { finalShots } from "../../domain/finals/index.ts";
import { applyOperation, recordsOpId, type Discipline, type FinalFormat } from "../../domain/scoring/index.ts";
import type { FinalShotOpInput, ScoringActor, ShotOutcome } from "../contract/index.ts";
import { outcomeOf } from "../scoring/apply.ts";
import { readOperation } from "../scoring/input.ts";
import type { FinalsStore } from "./store.ts";

/** Most shoot-off shots one elimination point can take: ties this long do not happen, typos do. */
const MAX_SHOOT_OFF_SHOTS = 20;

/**
 * The qualification discipline as its final scores it: decimal tenths from zero (every ISSF final does),
 * over the final's shots, or over the shoot-off shots of one elimination point. Same target face.
 */
export function finalDiscipline(d: Discipline, format: FinalFormat, shootOffAfter: number): Discipline {
  return {
    ...d,
    scoring: "decimal",
    maxValue: 109,
    shots: shootOffAfter === 0 ? finalShots(format) : MAX_SHOOT_OFF_SHOTS,
    seriesLength: 5,
    tieBreaks: [],
    stages: [],
  };
}

function rejected(input: FinalShotOpInput, reason: NonNullable<ShotOutcome["reason"]>, message: string): ShotOutcome {
  return { opId: input.opId, entryId: input.entryId, shotNo: input.shotNo, outcome: "rejected", reason, message };
}

/**
 * Applies a final's shot operations in order, inside the caller's transaction, with the rules every shot
 * follows (src/domain/scoring/operations.ts: idempotent by opId, a different value for a filled shot is a
 * conflict and the first stands, corrections name the value they replace). Returns whether any shot changed.
 */
export function applyFinalBatch(
  store: FinalsStore,
  final: { id: number; format: FinalFormat; d: Discipline; finalists: ReadonlySet<string> },
  inputs: FinalShotOpInput[],
  actor: ScoringActor,
  now: number,
): { results: ShotOutcome[]; changed: boolean } {
  let changed = false;
  const results = inputs.map((input): ShotOutcome => {
    if (!final.finalists.has(input.entryId)) {
      return rejected(input, "unknown_entry", `Entry ${input.entryId} is not a finalist of this final`);
    }
    if (input.sighter) return rejected(input, "invalid_shot_no", "Sighters before a final are not recorded: send match shots only");
    const after = input.shootOffAfter ?? 0;
    if (after !== 0 && !final.format.eliminations.some((p) => p.afterShot === after)) {
      const points = final.format.eliminations.map((p) => p.afterShot).join(", ");
      return rejected(input, "invalid_shot_no", `There is no elimination after shot ${after}: shoot-offs decide the points after shots ${points}`);
    }
    const fd = finalDiscipline(final.d, final.format, after);
    const read = readOperation(fd, input, now);
    if (!read.ok) return rejected(input, read.reason, read.message);
    const known = store.isKnownOp(read.op.opId);
    const card = { entryId: input.entryId, slots: store.slots(final.id, input.entryId, after), appliedOpIds: new Set(known ? [read.op.opId] : []) };
    const result = applyOperation(fd, card, read.op);
    if (recordsOpId(result) && !known) store.recordOp(final.id, read.op, result.outcome, actor, now);
    if (result.outcome === "applied") {
      store.writeSlot(final.id, after, read.op, result.slot);
      changed = true;
    }
    const outcome = outcomeOf(result);
    return after === 0 ? outcome : { ...outcome, message: `Shoot-off after shot ${after}, ${outcome.message}` };
  });
  return { results, changed };
}
