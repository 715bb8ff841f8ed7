import type { Book } from "./book.ts";
import { placesLeft } from "./capacity.ts";
import type { Clock } from "./clock.ts";
import { pointForPlacement } from "./firing-points.ts";
import { holdUntil, placedStatus } from "./holds.ts";
import type { EntryRecord } from "./types.ts";
import { planWaitlist } from "./waitlist.ts";

/**
 * Brings one event's waitlist up to date after places were freed or someone left it: promotes whoever fits,
 * renumbers the rest. `waitlistChanged` forces renumbering even when no place is free. Returns the promoted.
 */
export function rebalance(book: Book, eventId: number, clock: Clock, waitlistChanged: boolean): EntryRecord[] {
  const relays = book.relaysOf(eventId);
  if (!waitlistChanged && !relays.some((r) => placesLeft(r) > 0)) return [];
  const waitlist = book.waitlist(eventId);
  if (waitlist.length === 0) return [];
  const plan = planWaitlist(relays, waitlist);
  const holdMinutes = book.settings()?.holdMinutes ?? 0;
  const byId = new Map(waitlist.map((e) => [e.id, e]));
  const promoted: EntryRecord[] = [];
  for (const { entryId, relayId } of plan.promotions) {
    const entry = byId.get(entryId);
    if (!entry) continue;
    const next: EntryRecord = {
      ...entry,
      status: placedStatus(holdMinutes),
      relayId,
      firingPoint: pointForPlacement(book, relayId),
      waitlistPosition: null,
      holdUntil: holdUntil(clock.now, holdMinutes),
      updatedAt: clock.stamp(),
    };
    book.save(next);
    promoted.push(next);
  }
  for (const { entryId, position } of plan.positions) {
    const entry = byId.get(entryId);
    if (entry) book.save({ ...entry, waitlistPosition: position, updatedAt: clock.stamp() });
  }
  return promoted;
}
