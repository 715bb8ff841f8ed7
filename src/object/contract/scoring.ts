/** Live scoring: shot operations, standings, conflicts (src/object/scoring). */
import { z } from "zod";
import { STAFF_ROLES } from "../../auth/roles.ts";
import type { EntryStatus } from "../../domain/registration/types.ts";
import type { RejectionReason } from "../../domain/scoring/operations.ts";

/** Most operations one request (and one transaction) may carry. */
export const MAX_OPS_PER_BATCH = 500;

const opId = z.string().min(1).max(100);

/** No shot number or stored value comes near this; whether one is possible is the discipline's answer. */
const MAX_SHOT_NUMBER = 10_000;
const storedValue = z.number().min(-10_000, "A value is at least -10000 stored units").max(10_000, "A value is at most 10000 stored units");
/** No target card is a metre wide: a position beyond that is a broken device, not a shot. */
export const MAX_POSITION_MM = 1_000;
const position = z
  .number()
  .min(-MAX_POSITION_MM, `A position is at most ${MAX_POSITION_MM} mm from the centre`)
  .max(MAX_POSITION_MM, `A position is at most ${MAX_POSITION_MM} mm from the centre`);
/** When a shot may have been entered: from 2020 (before Tenring) to 2100, in ms since the epoch. */
export const EARLIEST_ENTERED_AT = Date.UTC(2020, 0, 1);
export const LATEST_ENTERED_AT = Date.UTC(2100, 0, 1);
const opIdPattern = /^[A-Za-z0-9._:-]+$/;

/**
 * One shot operation as the Worker passes it on (see `ShotOperation` in src/domain/scoring/operations.ts).
 * `value` is in stored units (tenths for decimal: 10.4 is 104; points; 1/0 for hit/miss). `display` is the
 * value as people write it ("10.4", "10*", "X", "hit"), read with the event's discipline; send either, or
 * both (they must agree). `value: null` clears a slot and is allowed only in a correction. `x`/`y`: where
 * the shot hit, in mm from the centre (to a hundredth; within the discipline's target card), as an electronic
 * target reports it; stored as integer hundredths of a mm. `enteredAt`: when the shot was entered on the
 * device, in ms since the epoch, 2020 to 2100 (the object's clock when absent). A correction names the value the slot holds now
 * (`replaces`) and a `reason`.
 *
 * Only types and bounds are checked here: whether a value or shot number is possible depends on the event's
 * discipline and is answered per operation (`rejected` with a reason).
 */
export const shotOpSchema = z
  .object({
    opId: opId.regex(opIdPattern, "Use letters, digits and . _ : - (a UUID is best)"),
    entryId: z.string().min(1).max(100),
    shotNo: z.number().min(0, "A shot number is 1 or more").max(MAX_SHOT_NUMBER, `A shot number is at most ${MAX_SHOT_NUMBER}`),
    value: storedValue.nullable().optional(),
    display: z.string().trim().min(1).max(20).optional(),
    innerTen: z.boolean().optional(),
    x: position.optional(),
    y: position.optional(),
    /** The decimal value as an electronic target reports it (10.4), also where the event scores integers. */
    decimal: z.number().min(0, "A decimal value is 0 or more").max(10.9, "10.9 is the highest decimal value").optional(),
    /** A sighter (practice shot): recorded with its position, never counted; shotNo is the sighter's number. */
    sighter: z.boolean().optional(),
    deviceId: z.string().min(1).max(100).optional(),
    deviceSeq: z.number().int().nonnegative().optional(),
    enteredAt: z
      .number()
      .int("enteredAt is a whole number of ms since the epoch")
      .min(EARLIEST_ENTERED_AT, "enteredAt is before 2020: send ms since the epoch, not seconds")
      .max(LATEST_ENTERED_AT, "enteredAt is after 2100: send ms since the epoch")
      .optional(),
    replaces: z.object({ value: storedValue, innerTen: z.boolean().optional() }).optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((op) => op.value !== undefined || op.display !== undefined, {
    message: "Send the score as value (stored units, e.g. 104 for 10.4) or as display (e.g. \"10.4\")",
    path: ["value"],
  });
export type ShotOpInput = z.infer<typeof shotOpSchema>;

/** `{"ops": [...]}` of 1 to 500 operations, as every scoring write takes them (shots, stage scores). */
export function opsBatchSchema<T extends z.ZodType>(op: T) {
  return z.object({
    ops: z.array(op).min(1, "Send at least one operation").max(MAX_OPS_PER_BATCH, `Send at most ${MAX_OPS_PER_BATCH} operations per request`),
  });
}

export const shotBatchSchema = opsBatchSchema(shotOpSchema);

/**
 * Who applied a batch (checked by the Worker): a staff member's session or token, or a scoring token, with
 * the role the Worker found (`c.var.role`; a scoring token counts as a range officer). The role decides
 * whether a correction of official results is allowed.
 */
export const scoringActorSchema = z.object({
  userId: z.number().int().positive().nullable(),
  tokenId: z.number().int().positive().nullable(),
  via: z.enum(["session", "token", "scoring_token"]),
  role: z.enum(STAFF_ROLES),
});
export type ScoringActor = z.infer<typeof scoringActorSchema>;

/** A conflict's operation id, as `keepStandingValue` takes it. */
export const conflictOpIdSchema = opId.regex(opIdPattern);

export type ShotRejectionReason =
  | RejectionReason
  /** No such entry in this tournament (also: an entry of another tournament). */
  | "unknown_entry"
  /** The entry is held, waitlisted, withdrawn, removed or expired: only confirmed entries shoot. */
  | "entry_not_confirmed"
  /** The event's discipline is not in the catalogue; the organiser must fix the event. */
  | "unknown_discipline"
  /** `display` cannot be read in the discipline, or disagrees with `value`/`innerTen`. */
  | "display_mismatch"
  /** The event's results are official: only a correction may change them (src/object/scoring/official.ts). */
  | "results_official"
  /** `x`/`y` outside the discipline's target card, or sent for a discipline without positions (shotgun). */
  | "off_target"
  /** A correction of official results by someone other than an owner or organiser (a range officer, a scoring token). */
  | "official_correction_refused"
  /** The value is more than a tenth away from what the shot's position (x/y) is worth on the discipline's target. */
  | "position_mismatch";

export interface ShotOutcome {
  opId: string;
  entryId: string;
  shotNo: number;
  outcome: "applied" | "duplicate" | "conflict" | "rejected";
  /** With `rejected`: why; with `duplicate`: "known_op" or "same_value". */
  reason?: ShotRejectionReason | "known_op" | "same_value";
  /** For people: what happened, e.g. "Shot 3 already holds 10.1; 9.8 is kept as a conflict for the organiser". */
  message: string;
  /** Set on the outcome of a sighter: recorded, never counted. */
  sighter?: true;
}

export interface ApplyShotsResult {
  results: ShotOutcome[];
}

/** One competitor's line in an event's standings; scores in stored units, `display` ready to show. */
export interface StandingRow {
  entryId: string;
  userId: number;
  /** null while no shot is fired (listed last, unranked). */
  rank: number | null;
  /** "1", "=2", "4"; "" when unranked. */
  rankLabel: string;
  shared: boolean;
  total: number;
  innerTens: number;
  shotsFired: number;
  /** Totals of every series of the match, first to last (0 for a series not started). */
  series: number[];
  /** The series being shot (1-based). */
  currentSeries: number;
  /** The highest shot number fired, with its value; null before the first shot. */
  lastShot: { shotNo: number; value: number; innerTen: boolean } | null;
  complete: boolean;
  display: { total: string; series: string[]; lastShot: string; average: string };
}

/** A standings row with the competitor's name, as pages and the scoreboard messages render it. */
export interface NamedRow extends StandingRow {
  name: string;
  club: string;
}

export interface EventStandings {
  eventId: number;
  title: string;
  discipline: string;
  /** The event's live sequence number: every scoreboard message carries the next one. */
  seq: number;
  rows: StandingRow[];
}

/** One entry's card, for the scoring page: its fired match shots and its line in the event's standings. */
export interface EntryCard {
  entryId: string;
  eventId: number;
  userId: number;
  status: EntryStatus;
  discipline: string;
  /** Fired shots in shot-number order; values in stored units. */
  shots: { shotNo: number; value: number; innerTen: boolean }[];
  /** null unless the entry is confirmed (only confirmed entries are ranked). */
  standing: StandingRow | null;
  /** The event's results are official: shots change only through an organiser's correction. */
  official: boolean;
}

/** A later, different value for a filled slot, kept for the organiser; the standing value counts. */
export interface ConflictView {
  opId: string;
  entryId: string;
  eventId: number;
  shotNo: number;
  standing: { value: number; innerTen: boolean; opId: string };
  incoming: { value: number; innerTen: boolean; deviceId: string | null; deviceSeq: number | null; enteredAt: number };
  recordedAt: number;
  actorId: number | null;
  /** Set when a correction of the same slot was applied after the conflict. */
  resolvedAt: number | null;
  resolvedByOpId: string | null;
}

/** A shot with its position, for the shot plots: stored value, position in hundredths of a mm. */
export interface ShotPosition {
  shotNo: number;
  value: number;
  innerTen: boolean;
  x: number;
  y: number;
  sighter: boolean;
}
