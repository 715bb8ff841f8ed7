/** Practical shooting (IPSC): stages and divisions, declared division and power factor, stage scores and DQs. */
import { z } from "zod";
import { CATEGORIES, DIVISIONS, POWER_FACTORS, SCORING_METHODS, type Category, type Division, type PowerFactor } from "../../domain/practical/rulebook.ts";
import type { StageHits } from "../../domain/practical/score.ts";
import type { StageSpec } from "../../domain/practical/stages.ts";
import type { StageRejectionReason } from "../../domain/practical/operations.ts";
import { opsBatchSchema } from "./scoring.ts";

const positiveId = z.number().int().positive();
const opId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits and . _ : - (a UUID is best)");

/** No stage has more targets than this; a bigger number is a typing slip. */
export const MAX_TARGETS_PER_STAGE = 60;

export const practicalStageConfigSchema = z.object({
  id: positiveId,
  number: z.number().int().min(1).max(99),
  name: z.string().min(1).max(100),
  scoring: z.enum(SCORING_METHODS),
  paperTargets: z.number().int().min(0).max(MAX_TARGETS_PER_STAGE),
  steelTargets: z.number().int().min(0).max(MAX_TARGETS_PER_STAGE),
});

/** A practical event's stages and the divisions it offers, pushed with the tournament's configuration. */
export const practicalEventConfigSchema = z.object({
  eventId: positiveId,
  stages: z.array(practicalStageConfigSchema),
  divisions: z.array(z.enum(DIVISIONS)),
});
export type PracticalEventConfig = z.infer<typeof practicalEventConfigSchema>;

/** What a competitor declares when registering for a practical event. */
export const practicalChoiceSchema = z.object({
  division: z.enum(DIVISIONS, { message: "Choose a division" }),
  powerFactor: z.enum(POWER_FACTORS, { message: "Choose major or minor" }),
  category: z.enum(CATEGORIES).nullable().optional(),
});
export type PracticalChoice = z.infer<typeof practicalChoiceSchema>;

export type PracticalRefusalReason = "division_required" | "division_not_offered" | "power_factor_not_allowed";

const count = (label: string) => z.number().int(`${label} is a whole number`).min(0, `${label} is 0 or more`).max(999, `${label} is at most 999`);
const hitsShape = {
  a: count("a"),
  c: count("c"),
  d: count("d"),
  miss: count("miss"),
  noShoot: count("noShoot"),
  procedural: count("procedural"),
  /** Seconds, two decimals at most (checked per operation). */
  time: z.number().min(0).max(9_999),
};

/**
 * A stage score as the API and the score sheet send it: the hits, penalties and time in seconds. A correction
 * names the score the stage holds now (`replaces`) and a `reason`; `confirmed` records the competitor's tap.
 */
export const stageScoreOpSchema = z.object({
  opId,
  entryId: z.string().min(1).max(100),
  stage: positiveId,
  ...hitsShape,
  confirmed: z.boolean().optional(),
  replaces: z.object(hitsShape).optional(),
  reason: z.string().max(500).optional(),
});
export type StageScoreOpInput = z.infer<typeof stageScoreOpSchema>;

/** A disqualification: the competitor keeps no points and is listed after everyone (an organiser may undo it with `dq: false`). */
export const dqOpSchema = z.object({
  opId,
  entryId: z.string().min(1).max(100),
  dq: z.boolean(),
  reason: z.string().trim().min(1, "Say why (the rule broken)").max(500),
});
export type DqOpInput = z.infer<typeof dqOpSchema>;

export const practicalOpSchema = z.union([dqOpSchema, stageScoreOpSchema]);
export type PracticalOpInput = z.infer<typeof practicalOpSchema>;

export const practicalBatchSchema = opsBatchSchema(practicalOpSchema);

export type StageOutcomeReason =
  | StageRejectionReason
  | "unknown_entry"
  | "entry_not_confirmed"
  | "not_practical"
  | "unknown_stage"
  | "results_official"
  | "official_correction_refused"
  | "known_op"
  | "same_value"
  | "unknown_conflict"
  | "correction_required";

export interface StageOutcome {
  opId: string;
  entryId: string;
  outcome: "applied" | "duplicate" | "conflict" | "rejected";
  reason?: StageOutcomeReason;
  message: string;
}

/** A practical entry as results read it (names are the Worker's, from D1). */
export interface PracticalEntryView {
  entryId: string;
  userId: number;
  relayId: number | null;
  division: Division;
  powerFactor: PowerFactor;
  category: Category | null;
  dq: boolean;
  dqReason: string | null;
}

export interface StageScoreView {
  entryId: string;
  stageId: number;
  hits: StageHits;
  opId: string;
  confirmed: boolean;
}

/** Everything a practical event's results are computed from (with src/domain/practical), at `seq`. */
export interface PracticalBook {
  eventId: number;
  title: string;
  seq: number;
  official: boolean;
  stages: StageSpec[];
  divisions: Division[];
  /** Confirmed entries only. */
  entries: PracticalEntryView[];
  scores: StageScoreView[];
}

/** A later, different score for a scored stage, kept for the organiser. */
export interface StageConflictView {
  opId: string;
  entryId: string;
  stageId: number;
  standing: StageHits;
  incoming: StageHits;
  recordedAt: number;
  resolvedAt: number | null;
  /** The operation that put the standing score in place, and who sent each (user ids; null for a device token). */
  standingOpId: string;
  standingActorId: number | null;
  actorId: number | null;
}

/**
 * An organiser's decision on a stage conflict: keep the standing score, take the later one, or enter a
 * correction; `opId` names the decision (a resend is a duplicate), `reason` goes into the audit.
 */
export const stageConflictDecisionSchema = z.object({
  opId,
  conflictOpId: opId,
  keep: z.enum(["standing", "incoming", "correction"]),
  correction: z.object(hitsShape).optional(),
  reason: z.string().trim().min(1, "Give a reason").max(500),
});
export type StageConflictDecision = z.infer<typeof stageConflictDecisionSchema>;
