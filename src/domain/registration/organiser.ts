import type { Book } from "./book.ts";
import type { Clock } from "./clock.ts";
import { settleHolds } from "./changes.ts";
import { formatEntryId } from "./entry-id.ts";
import { pointForPlacement } from "./firing-points.ts";
import { holdUntil, placedStatus } from "./holds.ts";
import type { ChangeOutcome } from "./outcomes.ts";
import { rebalance } from "./rebalance.ts";
import { type ChangeRefusalReason, type EntryRecord, isActive, occupiesPlace, type RelayLoad } from "./types.ts";

/**
 * Changes only organisers make (the Worker checks the role). Unlike registration they may use reserved
 * places: a relay has room for an organiser while any firing point is free.
 */
function organiserRoom(relay: RelayLoad): number {
  if (!relay.active) return 0;
  return Math.max(0, relay.firingPoints - relay.confirmed - relay.held);
}

const refused = (reason: ChangeRefusalReason, message: string) => ({ outcome: "refused" as const, reason, message });

/**
 * Moves an active entry to another relay of its event that has room, on the lowest free firing point there.
 * A waitlisted entry moved this way gets the place (confirmed, or held when there is a fee). The place it
 * leaves goes to the waitlist in the same decision.
 */
export function moveEntry(book: Book, cmd: { entryId: string; relayId: number }, clock: Clock): ChangeOutcome {
  settleHolds(book, clock);
  const entry = book.entry(cmd.entryId);
  if (!entry) return refused("not_found", "There is no such entry in this tournament.");
  if (!isActive(entry.status)) return refused("not_active", `This entry is ${entry.status} and cannot be moved.`);
  const relay = book.relaysOf(entry.eventId).find((r) => r.id === cmd.relayId);
  const event = book.event(entry.eventId);
  if (!relay || !relay.active) return refused("unknown_relay", `That relay is not an open relay of ${event?.title ?? "this event"}.`);
  if (entry.relayId === relay.id && occupiesPlace(entry.status)) return { outcome: "unchanged", entry, promoted: [] };
  if (organiserRoom(relay) === 0) return refused("relay_full", `${relay.name} has no free firing point.`);

  const holdMinutes = book.settings()?.holdMinutes ?? 0;
  const wasWaiting = entry.status === "waitlisted";
  const moved: EntryRecord = {
    ...entry,
    relayId: relay.id,
    status: wasWaiting ? placedStatus(holdMinutes) : entry.status,
    holdUntil: wasWaiting ? holdUntil(clock.now, holdMinutes) : entry.holdUntil,
    waitlistPosition: null,
    firingPoint: pointForPlacement(book, relay.id),
    updatedAt: clock.stamp(),
  };
  book.save(moved);
  const promoted = rebalance(book, entry.eventId, clock, wasWaiting);
  return { outcome: "changed", entry: moved, promoted };
}

export interface WalkUpCommand {
  /** The competitor (a D1 user; for people without an account, one without a password). */
  userId: number;
  eventId: number;
  relayId: number;
  /** The organiser adding the entry: replays are remembered under their id and this key. */
  byUserId: number;
  idempotencyKey: string;
  /** Random part of the new entry's id, drawn by the caller. */
  idSuffix: string;
}

export type WalkUpOutcome =
  | { outcome: "confirmed"; entry: EntryRecord; replayed: boolean }
  | { outcome: "refused"; reason: ChangeRefusalReason; message: string };

/**
 * A competitor entered at the range: confirmed at once on the chosen relay (reserved places count, the
 * registration window does not). The same key returns the first answer, so a double submit adds nothing.
 */
export function addWalkUp(book: Book, cmd: WalkUpCommand, clock: Clock): WalkUpOutcome {
  const key = `walk-up:${cmd.idempotencyKey}`;
  const fingerprint = `${cmd.userId}:${cmd.eventId}:${cmd.relayId}`;
  const seen = book.recall(cmd.byUserId, key);
  if (seen) {
    const first = seen.outcome;
    if (seen.fingerprint === fingerprint && first.outcome === "confirmed") return { outcome: "confirmed", entry: first.entry, replayed: true };
    return refused("already_entered", "This form was already used for another walk-up entry: open a new one.");
  }
  settleHolds(book, clock);
  const settings = book.settings();
  if (!settings) return refused("not_configured", "Registration for this tournament is not set up yet.");
  const event = book.event(cmd.eventId);
  if (!event?.active) return refused("unknown_event", "That event is not an event of this tournament.");
  const relay = book.relaysOf(event.id).find((r) => r.id === cmd.relayId);
  if (!relay || !relay.active) return refused("unknown_relay", `That relay is not an open relay of ${event.title}.`);
  const existing = book.activeEntryOf(cmd.userId, event.id);
  if (existing) return refused("already_entered", `This competitor already has an entry in ${event.title} (${existing.status}).`);
  if (organiserRoom(relay) === 0) return refused("relay_full", `${relay.name} has no free firing point.`);

  const entry: EntryRecord = {
    id: formatEntryId(settings.tournamentId, cmd.idSuffix),
    tournamentId: settings.tournamentId,
    eventId: event.id,
    relayId: relay.id,
    userId: cmd.userId,
    status: "confirmed",
    seq: book.nextSeq(),
    firingPoint: pointForPlacement(book, relay.id),
    waitlistPosition: null,
    holdUntil: null,
    note: null,
    checkedInAt: null,
    createdAt: clock.now,
    updatedAt: clock.stamp(),
  };
  book.save(entry);
  const outcome = { outcome: "confirmed" as const, entry, replayed: false };
  book.remember(cmd.byUserId, key, { fingerprint, outcome });
  return outcome;
}

/** Checks a competitor in at the range, or undoes it. Only entries with a place check in. */
export function checkIn(book: Book, cmd: { entryId: string; checkedIn: boolean }, clock: Clock): ChangeOutcome {
  const entry = book.entry(cmd.entryId);
  if (!entry) return refused("not_found", "There is no such entry in this tournament.");
  if (cmd.checkedIn && !occupiesPlace(entry.status)) {
    return refused("no_place", `This entry is ${entry.status}: only competitors with a place check in.`);
  }
  if (cmd.checkedIn === (entry.checkedInAt !== null)) return { outcome: "unchanged", entry, promoted: [] };
  const next: EntryRecord = { ...entry, checkedInAt: cmd.checkedIn ? clock.now : null, updatedAt: clock.stamp() };
  book.save(next);
  return { outcome: "changed", entry: next, promoted: [] };
}

/**
 * A walk-up entry claimed by its competitor's account: the entry moves from the walk-up record (`fromUserId`)
 * to the account, unchanged otherwise. Refused when the account already has an entry in that event.
 */
export function reassignEntry(book: Book, cmd: { entryId: string; fromUserId: number; toUserId: number }, clock: Clock): ChangeOutcome {
  const entry = book.entry(cmd.entryId);
  if (!entry || entry.userId !== cmd.fromUserId) return refused("not_found", "There is no such walk-up entry to claim.");
  if (isActive(entry.status) && book.activeEntryOf(cmd.toUserId, entry.eventId)) {
    return refused("already_entered", "Your account already has an entry in this event.");
  }
  const next: EntryRecord = { ...entry, userId: cmd.toUserId, updatedAt: clock.stamp() };
  book.save(next);
  return { outcome: "changed", entry: next, promoted: [] };
}
