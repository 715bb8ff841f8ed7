import type { Book } from "./book.ts";
import { chooseRelay } from "./capacity.ts";
import type { Clock } from "./clock.ts";
import { settleHolds } from "./changes.ts";
import { formatEntryId } from "./entry-id.ts";
import { pointForPlacement } from "./firing-points.ts";
import { holdUntil, placedStatus } from "./holds.ts";
import type { RegistrationOutcome } from "./outcomes.ts";
import { REGISTER_LIMIT, rateVerdict } from "./rate-limit.ts";
import type { EntryRecord, RefusalReason } from "./types.ts";
import { windowRefusal } from "./window.ts";

export interface RegisterCommand {
  userId: number;
  eventId: number;
  relay: number | "any";
  idempotencyKey: string;
  /** Random part of the new entry's id, drawn by the caller: the rules draw nothing themselves. */
  idSuffix: string;
}

function refuse(reason: RefusalReason, message: string, retryAfterMs?: number): RegistrationOutcome {
  return retryAfterMs === undefined
    ? { outcome: "refused", reason, message, replayed: false }
    : { outcome: "refused", reason, message, replayed: false, retryAfterMs };
}

/**
 * How long an accepted registration is answered again under its key. Clients retry within seconds or
 * minutes; after a week the key is forgotten and a reuse counts as a new attempt.
 */
export const ANSWERS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * One registration decision. Accepted outcomes are remembered under the idempotency key and replayed as
 * they were; refusals are not remembered, so the same key may succeed once the reason has gone (it cannot
 * make a second entry: the refused attempt made none).
 */
export function register(book: Book, cmd: RegisterCommand, clock: Clock): RegistrationOutcome {
  const fingerprint = `${cmd.eventId}:${cmd.relay}`;
  const seen = book.recall(cmd.userId, cmd.idempotencyKey);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      return refuse("idempotency_key_reused", "This Idempotency-Key was already used for a different registration.");
    }
    return { ...seen.outcome, replayed: true };
  }
  const verdict = rateVerdict(book.attemptTimes(cmd.userId, clock.now - REGISTER_LIMIT.windowMs), clock.now);
  if (verdict.limited) {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    return refuse("rate_limited", `Too many registration attempts. Please try again in ${seconds} s.`, verdict.retryAfterMs);
  }
  book.recordAttempt(cmd.userId, clock.now);
  const seq = book.nextSeq();
  settleHolds(book, clock);

  const settings = book.settings();
  if (!settings) return refuse("not_configured", "Registration for this tournament is not set up yet.");
  const shut = windowRefusal(clock.now, settings);
  if (shut) return refuse(shut.reason, shut.message);
  const event = book.event(cmd.eventId);
  if (!event?.active) return refuse("unknown_event", `Event ${cmd.eventId} is not an event of this tournament.`);
  const relays = book.relaysOf(event.id);
  if (cmd.relay === "any") {
    if (!relays.some((r) => r.active)) return refuse("unknown_relay", `${event.title} has no relays open for entries yet.`);
  } else {
    const relay = book.relay(cmd.relay);
    if (!relay) return refuse("unknown_relay", `Relay ${cmd.relay} is not a relay of this tournament.`);
    if (relay.eventId !== event.id) return refuse("unknown_relay", `Relay ${cmd.relay} belongs to another event, not to ${event.title}.`);
    if (!relay.active) return refuse("unknown_relay", `Relay ${cmd.relay} no longer takes entries.`);
  }
  const existing = book.activeEntryOf(cmd.userId, event.id);
  if (existing) {
    return refuse("already_entered", `You already have an entry in ${event.title} (${existing.status}).`);
  }

  const placeOn = chooseRelay(relays, cmd.relay);
  const base = {
    id: formatEntryId(settings.tournamentId, cmd.idSuffix),
    tournamentId: settings.tournamentId,
    eventId: event.id,
    userId: cmd.userId,
    seq,
    note: null,
    checkedInAt: null,
    createdAt: clock.now,
    updatedAt: clock.stamp(),
  };
  const entry: EntryRecord =
    placeOn !== null
      ? {
          ...base,
          relayId: placeOn,
          firingPoint: pointForPlacement(book, placeOn),
          status: placedStatus(settings.holdMinutes),
          waitlistPosition: null,
          holdUntil: holdUntil(clock.now, settings.holdMinutes),
        }
      : {
          ...base,
          relayId: cmd.relay === "any" ? null : cmd.relay,
          firingPoint: null,
          status: "waitlisted",
          waitlistPosition: book.waitlistLength(event.id) + 1,
          holdUntil: null,
        };
  book.save(entry);
  const outcome = { outcome: entry.status as "confirmed" | "held" | "waitlisted", entry, replayed: false };
  book.remember(cmd.userId, cmd.idempotencyKey, { fingerprint, outcome });
  return outcome;
}
