/**
 * What the Worker and the tournament Durable Object say to each other over RPC.
 * The DO decides; these are the shapes of its decisions. Times are epoch milliseconds (UTC).
 */
import type { ChangeOutcome } from "../domain/registration/outcomes.ts";
import type { ChangeRefusalReason, EntryRecord, EntryStatus, RefusalReason } from "../domain/registration/types.ts";
import type { WindowState } from "../domain/registration/window.ts";

export type { ChangeRefusalReason, EntryStatus, RefusalReason, WindowState };

export interface RelayConfig {
  id: number;
  eventId: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  /** Places kept for staff and pre-match shooters; normal registration cannot take them. */
  reserved: number;
}

export interface EventConfig {
  id: number;
  title: string;
  discipline: string;
}

/** Everything the DO needs to decide registrations; pushed by the Worker whenever an organiser changes it. */
export interface TournamentConfig {
  tournamentId: number;
  /** The D1 revision this configuration came from; an older push never overwrites a newer one. */
  revision: number;
  registrationOpensAt: number;
  registrationClosesAt: number;
  /** Minutes an unpaid entry is held before its place is released; 0 when there is no fee. */
  holdMinutes: number;
  /** The complete lists: events or relays left out stop taking entries (their entries are kept). */
  events: EventConfig[];
  relays: RelayConfig[];
}

export interface ConfigureResult {
  /** False when the pushed revision is older than the one the DO already has (nothing changed). */
  applied: boolean;
  /** The revision in force afterwards. */
  revision: number;
  /** How many waitlisted entries got a place because capacity was raised. */
  promoted: number;
}

/** An entry as the DO reports it; field meanings are documented on `EntryRecord`. */
export type EntryView = EntryRecord;

export interface RegisterRequest {
  userId: number;
  eventId: number;
  relayId: number | "any";
  /** From the form token or the Idempotency-Key header: the same key returns the first answer. */
  idempotencyKey: string;
}

/**
 * Accepted outcomes are replayed for the same user and key with `replayed: true` (the entry as it was then);
 * refusals are not stored, so retrying a refused key re-evaluates it.
 */
export type RegisterResult =
  | { outcome: "confirmed" | "held" | "waitlisted"; entry: EntryView; replayed: boolean }
  | {
      outcome: "refused";
      reason: RefusalReason;
      /** For people: what happened and, for window refusals, the opening and closing times (ISO, UTC). */
      message: string;
      replayed: boolean;
      /** With `rate_limited`: when the next attempt will count again. */
      retryAfterMs?: number;
    };

export interface WithdrawRequest {
  entryId: string;
  /** The competitor asking; only the entry's owner may withdraw it. */
  userId: number;
}

export interface RemoveRequest {
  entryId: string;
  /** The organiser removing it (checked by the Worker against tournament_staff). */
  byUserId: number;
  /** Shown to the competitor and kept on the entry as `note`. */
  reason: string;
}

/** Result of withdraw, remove and markPaid; `promoted` lists entries that got the freed place. */
export type ChangeResult = ChangeOutcome;

export interface RelaySnapshot {
  id: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  reserved: number;
  /** firingPoints − reserved: the places normal registration may fill. */
  capacity: number;
  confirmed: number;
  held: number;
  /** Never negative, even when capacity was lowered below the places taken. */
  placesLeft: number;
  /** Entries waiting for this relay in particular. */
  waitlisted: number;
}

export interface EventSnapshot {
  id: number;
  title: string;
  discipline: string;
  /** The event's whole waitlist: entries waiting for a particular relay plus those waiting for any. */
  waitlisted: number;
  relays: RelaySnapshot[];
}

/** Live counts for pages and the API; events and relays no longer configured are left out. */
export interface TournamentSnapshot {
  configured: boolean;
  tournamentId: number | null;
  /** 0 until the first configuration arrives. */
  revision: number;
  /** The DO's clock when the snapshot was taken. */
  now: number;
  window: { opensAt: number; closesAt: number; state: WindowState } | null;
  holdMinutes: number;
  events: EventSnapshot[];
  /** Entry changes not yet copied to D1. */
  outboxPending: number;
}

export interface ChangesPage {
  /** Entries whose updatedAt is after the asked-for time, oldest change first. */
  entries: EntryView[];
  /** The newest updatedAt included (or the asked-for time when nothing changed): pass it back to continue. */
  through: number;
  /** True when more changes follow `through`. */
  more: boolean;
  /** Entry changes not yet copied to D1 (0 once D1 has caught up). */
  outboxPending: number;
}

// ---------- Live scoring: shot operations, standings, conflicts (src/tournament/live) ----------

import type { RejectionReason } from "../domain/scoring/operations.ts";

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
  /** The event's results are official: only a correction may change them (src/tournament/admin/results.ts). */
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

// ---------- Organiser admin: moves, walk-ups, check-in, firing points, official results (src/tournament/admin) ----------

export interface MoveRequest {
  entryId: string;
  /** Another relay of the entry's event; it must have a free firing point (reserved ones count). */
  relayId: number;
  /** The organiser moving it (checked by the Worker against tournament_staff). */
  byUserId: number;
}

export interface WalkUpRequest {
  /** The competitor (a D1 user; for people without an account, one without a password). */
  userId: number;
  eventId: number;
  relayId: number;
  /** The organiser adding the entry (checked by the Worker against tournament_staff). */
  byUserId: number;
  /** From the form: the same key returns the first answer. */
  idempotencyKey: string;
}

/** A walk-up entry is confirmed at once, or refused (relay full, already entered, ...). */
export type WalkUpResult =
  | { outcome: "confirmed"; entry: EntryView; replayed: boolean }
  | { outcome: "refused"; reason: ChangeRefusalReason; message: string };

export interface CheckInCount {
  relayId: number;
  /** Confirmed and held entries on the relay. */
  expected: number;
  checkedIn: number;
}

/** Keeping the standing value of a conflicting slot: `settled` lists the conflicts (op ids) it closed. */
export interface KeepStandingResult {
  outcome: "resolved" | "unchanged" | "not_found";
  settled: string[];
}
