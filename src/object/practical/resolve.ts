import { describeHits, sameHits } from "../../domain/practical/operations.ts";
import type { StageHits } from "../../domain/practical/score.ts";
import type { StageConflictDecision, StageOutcome, StageScoreOpInput } from "../contract/index.ts";
import type { PracticalStore } from "./store.ts";

const asSent = (h: StageHits) => ({ a: h.a, c: h.c, d: h.d, miss: h.miss, noShoot: h.noShoot, procedural: h.procedural, time: h.timeHundredths / 100 });

/**
 * What an organiser's decision on a stage conflict comes to: an outcome already (refused, a resend, or the
 * standing score kept, settled and audited here inside the caller's transaction), or a correction of the stage
 * naming the score it replaces, which the caller applies as any other stage score (audited as `stage.corrected`).
 */
export function decideConflict(
  store: PracticalStore,
  d: StageConflictDecision,
  actorId: number | null,
  now: number,
): { outcome: StageOutcome } | { correction: StageScoreOpInput; audit: () => void } {
  const conflict = store.conflict(d.conflictOpId);
  const base = { opId: d.opId, entryId: conflict?.entryId ?? "" };
  if (store.isKnownOp(d.opId)) return { outcome: { ...base, outcome: "duplicate", reason: "known_op", message: "This decision was already recorded" } };
  if (!conflict || conflict.resolvedAt !== null) {
    return { outcome: { ...base, outcome: "rejected", reason: "unknown_conflict", message: "This conflict is settled already" } };
  }
  const current = store.slot(conflict.entryId, conflict.stageId);
  if (!current) return { outcome: { ...base, outcome: "rejected", reason: "unknown_conflict", message: "The stage holds no score any more" } };
  const audit = () =>
    store.audit(
      `${d.opId}:resolved`,
      conflict.entryId,
      "stage.conflict_resolved",
      {
        stageId: conflict.stageId,
        conflict: conflict.opId,
        kept: d.keep,
        standing: describeHits(conflict.standing),
        incoming: describeHits(conflict.incoming),
        reason: d.reason,
      },
      actorId,
      now,
    );
  const target = d.keep === "standing" ? conflict.standing : d.keep === "incoming" ? conflict.incoming : null;
  if (target && sameHits(target, current.hits)) {
    store.settleConflicts(conflict.entryId, conflict.stageId, now);
    audit();
    store.recordOp(d.opId, conflict.entryId, conflict.stageId, "applied", actorId, now);
    return { outcome: { ...base, outcome: "applied", message: `The standing score ${describeHits(current.hits)} is kept` } };
  }
  const hits = target ? asSent(target) : d.correction;
  if (!hits) return { outcome: { ...base, outcome: "rejected", reason: "correction_required", message: "Enter the corrected score" } };
  return {
    correction: { opId: d.opId, entryId: conflict.entryId, stage: conflict.stageId, ...hits, replaces: asSent(current.hits), reason: d.reason },
    audit,
  };
}
