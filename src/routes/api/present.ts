import type { EntryView } from "../../object/contract/index.ts";

/** The API's JSON shapes. Times are ISO 8601 (UTC); ids are numbers except entry ids. */

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/**
 * `relay` is the relay of the place, the relay waited for, or "any" for an entry waiting for any relay of
 * its event. `position` (1-based) is present while waitlisted; `holdUntil` while held (unpaid).
 */
export function entryJson(e: EntryView) {
  return {
    id: e.id,
    tournament: e.tournamentId,
    event: e.eventId,
    relay: e.relayId ?? (e.status === "waitlisted" ? "any" : null),
    status: e.status,
    ...(e.waitlistPosition === null ? {} : { position: e.waitlistPosition }),
    ...(e.status === "held" && e.holdUntil !== null ? { holdUntil: iso(e.holdUntil) } : {}),
    ...(e.note === null ? {} : { note: e.note }),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

/** The body of a registration answer (201 new, 200 replay): the first answer, as it was then. */
export function registrationJson(e: EntryView) {
  return {
    id: e.id,
    event: e.eventId,
    status: e.status,
    relay: e.relayId ?? "any",
    ...(e.waitlistPosition === null ? {} : { position: e.waitlistPosition }),
    ...(e.status === "held" && e.holdUntil !== null ? { holdUntil: iso(e.holdUntil) } : {}),
  };
}
