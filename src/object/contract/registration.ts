/** Registration: configuration, registering, withdrawing, snapshots and the organisers' change feed. */
import { z } from "zod";
import type { ChangeOutcome } from "../../domain/registration/outcomes.ts";
import type { ChangeRefusalReason, EntryRecord, EntryStatus, RefusalReason } from "../../domain/registration/types.ts";
import type { WindowState } from "../../domain/registration/window.ts";
import { practicalChoiceSchema, practicalEventConfigSchema, type PracticalRefusalReason } from "./practical.ts";

export type { ChangeRefusalReason, EntryStatus, RefusalReason, WindowState };

/**
 * RPC inputs are schemas, and their types are inferred from them: the object parses every input at its
 * door with the same schema its callers are typed by. The Worker validates what people send; the object
 * is the last line before storage and must never store a malformed entry.
 */
export const positiveId = z.number().int().positive();
/** An instant in ms since the epoch, 1970 to 2100. */
const time = z.number().int().min(0).max(Date.UTC(2100, 0, 1));
export const entryIdSchema = z.string().min(1).max(100);

export const relayConfigSchema = z.object({
  id: positiveId,
  eventId: positiveId,
  name: z.string(),
  startsAt: time,
  firingPoints: z.number().int().nonnegative(),
  reserved: z.number().int().nonnegative(),
});
export type RelayConfig = z.infer<typeof relayConfigSchema>;

export const eventConfigSchema = z.object({ id: positiveId, title: z.string(), discipline: z.string() });
export type EventConfig = z.infer<typeof eventConfigSchema>;

/**
 * Everything the DO needs to decide registrations; pushed by the Worker whenever an organiser changes it.
 * `revision` is the D1 revision it came from (an older push never overwrites a newer one); `holdMinutes`
 * is how long an unpaid entry is held (0 without a fee); the lists are complete: events or relays left out
 * stop taking entries (their entries are kept).
 */
export const tournamentConfigSchema = z.object({
  tournamentId: positiveId,
  revision: z.number().int().nonnegative(),
  registrationOpensAt: time,
  registrationClosesAt: time,
  // Fractions allowed (a hold of a few seconds, as the tests use); at most 30 days.
  holdMinutes: z.number().min(0).max(60 * 24 * 30),
  /** The refund policy for withdrawals of paid entries (src/domain/payments/refund-policy.ts): full refund until then. */
  refundFullUntil: time.nullable().optional(),
  /** The share refunded after `refundFullUntil` until registration closes (default: all of it). */
  refundSharePercent: z.number().int().min(0).max(100).optional(),
  events: z.array(eventConfigSchema),
  relays: z.array(relayConfigSchema),
  /** Stages and divisions of the practical events (absent: none). */
  practical: z.array(practicalEventConfigSchema).optional(),
});
export type TournamentConfig = z.infer<typeof tournamentConfigSchema>;

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

/** `idempotencyKey` comes from the form token or the Idempotency-Key header: the same key returns the first answer. */
export const registerRequestSchema = z.object({
  userId: positiveId,
  eventId: positiveId,
  relayId: z.union([positiveId, z.literal("any")]),
  idempotencyKey: z.string().min(1).max(200),
  /** Division and power factor: required for a practical event (ignored for any other). */
  practical: practicalChoiceSchema.optional(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

/**
 * Accepted outcomes are replayed for the same user and key with `replayed: true` (the entry as it was then);
 * refusals are not stored, so retrying a refused key re-evaluates it.
 */
export type RegisterResult =
  | { outcome: "confirmed" | "held" | "waitlisted"; entry: EntryView; replayed: boolean }
  | {
      outcome: "refused";
      reason: RefusalReason | PracticalRefusalReason;
      /** For people: what happened and, for window refusals, the opening and closing times (ISO, UTC). */
      message: string;
      replayed: boolean;
      /** With `rate_limited`: when the next attempt will count again. */
      retryAfterMs?: number;
    };

/** The competitor (`userId`) asking; only the entry's owner may withdraw it. */
export const withdrawRequestSchema = z.object({ entryId: entryIdSchema, userId: positiveId });
export type WithdrawRequest = z.infer<typeof withdrawRequestSchema>;

/**
 * `byUserId` is the organiser removing it (checked by the Worker against tournament_staff); `reason` is
 * shown to the competitor and kept on the entry as `note`.
 */
export const removeRequestSchema = z.object({ entryId: entryIdSchema, byUserId: positiveId, reason: z.string().max(500) });
export type RemoveRequest = z.infer<typeof removeRequestSchema>;

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
