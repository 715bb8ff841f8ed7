/** Registration: configuration, registering, withdrawing, snapshots and the organisers' change feed. */
import type { ChangeOutcome } from "../../domain/registration/outcomes.ts";
import type { ChangeRefusalReason, EntryRecord, EntryStatus, EventRecord, RefusalReason, RelayRecord } from "../../domain/registration/types.ts";
import type { WindowState } from "../../domain/registration/window.ts";

export type { ChangeRefusalReason, EntryStatus, RefusalReason, WindowState };

export type RelayConfig = Omit<RelayRecord, "active">;

export type EventConfig = Omit<EventRecord, "active">;

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
