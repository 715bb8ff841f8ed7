import { EDITORS } from "../../auth/roles.ts";
import { decideStageScore, describeHits } from "../../domain/practical/operations.ts";
import { powerFactorAllowed } from "../../domain/practical/rulebook.ts";
import { secondsToHundredths, type StageHits } from "../../domain/practical/score.ts";
import { requiredHits } from "../../domain/practical/stages.ts";
import type {
  DqOpInput,
  PracticalChoice,
  PracticalEventConfig,
  PracticalOpInput,
  PracticalRefusalReason,
  ScoringActor,
  StageOutcome,
  StageScoreOpInput,
} from "../contract/index.ts";
import type { PracticalStore } from "./store.ts";

const FROZEN = "The results of this event are official: only a correction (naming the score it replaces, with a reason) can change them";
const EDITORS_ONLY = "The results of this event are official: only the tournament's owner or an organiser can correct them";

/** Why a declared division and power factor are refused for the event, or null when they stand. */
export function choiceProblem(
  config: PracticalEventConfig,
  choice: PracticalChoice | undefined,
): { reason: PracticalRefusalReason; message: string } | null {
  if (!choice) return { reason: "division_required", message: "Choose your division and power factor for this match" };
  if (!config.divisions.includes(choice.division)) {
    return { reason: "division_not_offered", message: `This match does not offer ${choice.division}: choose one of ${config.divisions.join(", ")}` };
  }
  if (!powerFactorAllowed(choice.division, choice.powerFactor)) {
    return { reason: "power_factor_not_allowed", message: `${choice.division} is scored minor only` };
  }
  return null;
}

function hitsOf(h: { a: number; c: number; d: number; miss: number; noShoot: number; procedural: number; time: number }): StageHits | null {
  const timeHundredths = secondsToHundredths(h.time);
  if (timeHundredths === null) return null;
  return { a: h.a, c: h.c, d: h.d, miss: h.miss, noShoot: h.noShoot, procedural: h.procedural, timeHundredths };
}

/**
 * Decides a batch of stage scores and DQs in order, inside the caller's transaction, and writes what the
 * rules say. Returns one outcome per operation and the events whose results changed (with the entries).
 */
export function applyPracticalBatch(
  store: PracticalStore,
  ops: readonly PracticalOpInput[],
  actor: ScoringActor,
  now: number,
): { outcomes: StageOutcome[]; changed: Map<number, Set<string>> } {
  const changed = new Map<number, Set<string>>();
  const outcomes = ops.map((op): StageOutcome => {
    const base = { opId: op.opId, entryId: op.entryId };
    const reject = (reason: StageOutcome["reason"], message: string): StageOutcome => ({ ...base, outcome: "rejected", reason, message });
    if (store.isKnownOp(op.opId)) return { ...base, outcome: "duplicate", reason: "known_op", message: "This operation was already recorded" };
    const entry = store.entry(op.entryId);
    if (!entry) return reject("unknown_entry", `No entry ${op.entryId} in this tournament`);
    const config = store.config(entry.eventId);
    if (!config) return reject("not_practical", "This entry's event is not a practical match");
    if (entry.status !== "confirmed") return reject("entry_not_confirmed", "Only confirmed entries are scored");
    const correction = "dq" in op || op.replaces !== undefined;
    if (store.isOfficial(entry.eventId)) {
      if (!correction) return reject("results_official", FROZEN);
      if (!EDITORS.includes(actor.role)) return reject("official_correction_refused", EDITORS_ONLY);
    }
    const touched = () => {
      const set = changed.get(entry.eventId) ?? new Set<string>();
      changed.set(entry.eventId, set.add(entry.id));
    };
    if ("dq" in op) return applyDq(store, op, actor, now, touched);
    return applyScore(store, op, config, actor, now, touched);
  });
  return { outcomes, changed };
}

function applyDq(store: PracticalStore, op: DqOpInput, actor: ScoringActor, now: number, touched: () => void): StageOutcome {
  const base = { opId: op.opId, entryId: op.entryId };
  if (store.isDq(op.entryId) === op.dq) {
    store.recordOp(op.opId, op.entryId, null, "duplicate", actor.userId, now);
    return { ...base, outcome: "duplicate", reason: "same_value", message: op.dq ? "Already disqualified" : "Not disqualified" };
  }
  store.setDq(op.entryId, op.dq, op.reason, now);
  store.audit(op.opId, op.entryId, op.dq ? "entry.disqualified" : "entry.reinstated", { reason: op.reason, tokenId: actor.tokenId }, actor.userId, now);
  store.recordOp(op.opId, op.entryId, null, "applied", actor.userId, now);
  touched();
  return { ...base, outcome: "applied", message: op.dq ? `Disqualified: ${op.reason}` : "Disqualification withdrawn" };
}

function applyScore(
  store: PracticalStore,
  op: StageScoreOpInput,
  config: PracticalEventConfig,
  actor: ScoringActor,
  now: number,
  touched: () => void,
): StageOutcome {
  const base = { opId: op.opId, entryId: op.entryId };
  const stage = config.stages.find((s) => s.id === op.stage);
  if (!stage) return { ...base, outcome: "rejected", reason: "unknown_stage", message: `Stage ${op.stage} is not a stage of this match` };
  const label = `Stage ${stage.number}`;
  const hits = hitsOf(op);
  const replaces = op.replaces ? hitsOf(op.replaces) : undefined;
  if (!hits || replaces === null) {
    return { ...base, outcome: "rejected", reason: "time_precision", message: `${label}: the time has two decimals at most` };
  }
  const current = store.slot(op.entryId, stage.id);
  const result = decideStageScore(
    { opId: op.opId, entryId: op.entryId, stageId: stage.id, hits, confirmed: op.confirmed === true, replaces, reason: op.reason },
    requiredHits(stage),
    current,
    false,
    label,
  );
  switch (result.outcome) {
    case "rejected":
      return { ...base, outcome: "rejected", reason: result.reason, message: result.message };
    case "duplicate":
      store.recordOp(op.opId, op.entryId, stage.id, "duplicate", actor.userId, now);
      return { ...base, outcome: "duplicate", reason: result.why, message: result.message };
    case "conflict":
      store.recordConflict(op.entryId, stage.id, result.standing, result.incoming, actor.userId, now);
      store.recordOp(op.opId, op.entryId, stage.id, "conflict", actor.userId, now);
      return { ...base, outcome: "conflict", message: result.message };
    case "applied":
      store.writeSlot(op.entryId, stage.id, result.slot, now);
      if (result.correction) {
        store.settleConflicts(op.entryId, stage.id, now);
        const detail = { stageId: stage.id, from: describeHits(result.correction.from.hits), to: describeHits(hits), reason: result.correction.reason };
        store.audit(op.opId, op.entryId, "stage.corrected", detail, actor.userId, now);
      }
      store.recordOp(op.opId, op.entryId, stage.id, "applied", actor.userId, now);
      touched();
      return { ...base, outcome: "applied", message: result.message };
  }
}
