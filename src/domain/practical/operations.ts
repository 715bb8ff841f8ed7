import { formatTime, validateStageHits, type StageHits, type StageScoreProblem } from "./score.ts";

/** One write of a stage score, as a score sheet, an importer or the API sends it. */
export interface StageScoreOperation {
  opId: string;
  entryId: string;
  stageId: number;
  hits: StageHits;
  /** The competitor confirmed the score on the range officer's device. */
  confirmed: boolean;
  /** Present on a correction: the score the stage holds now, which this one replaces. */
  replaces?: StageHits;
  /** Why a correction was made; required on every correction. */
  reason?: string;
}

/** A score in place, with the operation that put it there. */
export interface StageSlot {
  hits: StageHits;
  opId: string;
  confirmed: boolean;
}

export type StageRejectionReason = StageScoreProblem | "reason_required" | "correction_of_empty_stage" | "stale_correction";

interface About {
  opId: string;
  entryId: string;
  stageId: number;
  message: string;
}

export type StageOperationResult =
  | (About & { outcome: "applied"; slot: StageSlot; correction: { from: StageSlot; reason: string } | null })
  | (About & { outcome: "duplicate"; why: "known_op" | "same_value" })
  | (About & { outcome: "conflict"; standing: StageSlot; incoming: StageSlot })
  | (About & { outcome: "rejected"; reason: StageRejectionReason });

/** "30A 1C 1D 0M 0NS 0P 18.70 s". */
export function describeHits(h: StageHits): string {
  return `${h.a}A ${h.c}C ${h.d}D ${h.miss}M ${h.noShoot}NS ${h.procedural}P ${formatTime(h.timeHundredths)} s`;
}

export function sameHits(x: StageHits, y: StageHits): boolean {
  return (
    x.a === y.a && x.c === y.c && x.d === y.d && x.miss === y.miss && x.noShoot === y.noShoot &&
    x.procedural === y.procedural && x.timeHundredths === y.timeHundredths
  );
}

/**
 * Decides one stage-score operation against what the stage holds for the entry, as shots are decided:
 * - a known opId: duplicate; an invalid score (hits not adding up to `required`, time ≤ 0): rejected, the opId
 *   not recorded, so a fixed resend may use it;
 * - an empty stage: applied; the same score again: duplicate (a confirmation of an unconfirmed one is applied);
 * - a different score without `replaces`: conflict, the first stands for the organiser to settle;
 * - a correction naming the score in place, with a reason: applied and audited; naming another: rejected.
 */
export function decideStageScore(
  op: StageScoreOperation,
  required: number,
  current: StageSlot | null,
  knownOp: boolean,
  stageLabel: string,
): StageOperationResult {
  const about = { opId: op.opId, entryId: op.entryId, stageId: op.stageId };
  const reject = (reason: StageRejectionReason, message: string): StageOperationResult => ({ ...about, outcome: "rejected", reason, message });
  if (knownOp) return { ...about, outcome: "duplicate", why: "known_op", message: "This operation was already recorded" };
  const problem = validateStageHits(op.hits, required);
  if (problem) return reject(problem.reason, `${stageLabel}: ${problem.message}`);
  const slot: StageSlot = { hits: op.hits, opId: op.opId, confirmed: op.confirmed };

  if (op.replaces) {
    const reason = op.reason?.trim() ?? "";
    if (reason === "") return reject("reason_required", "A correction needs a reason");
    if (!current) return reject("correction_of_empty_stage", `${stageLabel} has no score to correct`);
    if (!sameHits(current.hits, op.replaces)) {
      return reject("stale_correction", `${stageLabel} holds ${describeHits(current.hits)}, not ${describeHits(op.replaces)}: correct the score it holds now`);
    }
    if (sameHits(current.hits, op.hits)) {
      return { ...about, outcome: "duplicate", why: "same_value", message: `${stageLabel} already holds ${describeHits(current.hits)}` };
    }
    return {
      ...about,
      outcome: "applied",
      slot,
      correction: { from: current, reason },
      message: `${stageLabel} corrected from ${describeHits(current.hits)} to ${describeHits(op.hits)}`,
    };
  }
  if (!current) return { ...about, outcome: "applied", slot, correction: null, message: `${stageLabel}: ${describeHits(op.hits)}` };
  if (sameHits(current.hits, op.hits)) {
    if (op.confirmed && !current.confirmed) {
      return { ...about, outcome: "applied", slot: { ...current, confirmed: true }, correction: null, message: `${stageLabel}: confirmed by the competitor` };
    }
    return { ...about, outcome: "duplicate", why: "same_value", message: `${stageLabel} already holds ${describeHits(current.hits)}` };
  }
  return {
    ...about,
    outcome: "conflict",
    standing: current,
    incoming: slot,
    message: `${stageLabel} already holds ${describeHits(current.hits)}; ${describeHits(op.hits)} is kept as a conflict for the organiser`,
  };
}
