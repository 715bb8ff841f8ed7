/** Live scoring: shot operations, standings, conflicts (src/object/scoring). */
import type { EntryStatus } from "../../domain/registration/types.ts";
import type { RejectionReason } from "../../domain/scoring/operations.ts";

/**
 * One shot operation as the Worker passes it on (see `ShotOperation` in src/domain/scoring/operations.ts).
 * `value` is in stored units (tenths for decimal: 10.4 is 104; points; 1/0 for hit/miss). `display` is the
 * value as people write it ("10.4", "10*", "X", "hit"), read with the event's discipline; send either, or
 * both (they must agree). `value: null` clears a slot and is allowed only in a correction.
 */
export interface ShotOpInput {
  opId: string;
  entryId: string;
  shotNo: number;
  value?: number | null;
  display?: string;
  innerTen?: boolean;
  /** Where the shot hit, in mm from the centre, as an electronic target reports it. */
  x?: number;
  y?: number;
  deviceId?: string;
  deviceSeq?: number;
  /** When the shot was entered on the device; the object's clock when absent. */
  enteredAt?: number;
  /** A correction names the value the slot holds now, and a reason. */
  replaces?: { value: number; innerTen?: boolean };
  reason?: string;
}

/** Who applied a batch (checked by the Worker): a staff member's session or token, or a scoring token. */
export interface ScoringActor {
  userId: number | null;
  tokenId: number | null;
  via: "session" | "token" | "scoring_token";
}

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
  | "results_official";

export interface ShotOutcome {
  opId: string;
  entryId: string;
  shotNo: number;
  outcome: "applied" | "duplicate" | "conflict" | "rejected";
  /** With `rejected`: why; with `duplicate`: "known_op" or "same_value". */
  reason?: ShotRejectionReason | "known_op" | "same_value";
  /** For people: what happened, e.g. "Shot 3 already holds 10.1; 9.8 is kept as a conflict for the organiser". */
  message: string;
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
