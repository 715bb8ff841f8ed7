import type { Book } from "./book.ts";
import type { Clock } from "./clock.ts";
import type { ChangeOutcome } from "./outcomes.ts";
import { type EntryRecord, occupiesPlace } from "./types.ts";

/** The lowest firing point (1-based) not in `taken`; null when every point of the relay is taken. */
export function lowestFreePoint(taken: readonly number[], firingPoints: number): number | null {
  const used = new Set(taken);
  for (let point = 1; point <= firingPoints; point++) if (!used.has(point)) return point;
  return null;
}

/**
 * The point a newly placed entry gets on the relay: the lowest free one, decided once at placement and then
 * kept, so a start list does not reshuffle when someone else leaves.
 */
export function pointForPlacement(book: Book, relayId: number): number | null {
  const relay = book.relay(relayId);
  return relay ? lowestFreePoint(book.takenFiringPoints(relayId), relay.firingPoints) : null;
}

/** An organiser puts an entry on a particular firing point of its relay (refused when it is taken). */
export function assignFiringPoint(book: Book, cmd: { entryId: string; point: number }, clock: Clock): ChangeOutcome {
  const entry = book.entry(cmd.entryId);
  if (!entry) return { outcome: "refused", reason: "not_found", message: "There is no such entry in this tournament." };
  if (!occupiesPlace(entry.status) || entry.relayId === null) {
    return { outcome: "refused", reason: "no_place", message: `This entry is ${entry.status}: only entries with a place have a firing point.` };
  }
  const relay = book.relay(entry.relayId);
  if (!relay) return { outcome: "refused", reason: "unknown_relay", message: "The entry's relay is not configured." };
  if (!Number.isInteger(cmd.point) || cmd.point < 1 || cmd.point > relay.firingPoints) {
    return {
      outcome: "refused",
      reason: "point_out_of_range",
      message: `${relay.name} has firing points 1 to ${relay.firingPoints}.`,
    };
  }
  if (entry.firingPoint === cmd.point) return { outcome: "unchanged", entry, promoted: [] };
  const takenByOthers = book.takenFiringPoints(relay.id).filter((p) => p !== entry.firingPoint);
  if (takenByOthers.includes(cmd.point)) {
    return { outcome: "refused", reason: "point_taken", message: `Firing point ${cmd.point} of ${relay.name} is taken by another competitor.` };
  }
  const moved: EntryRecord = { ...entry, firingPoint: cmd.point, updatedAt: clock.stamp() };
  book.save(moved);
  return { outcome: "changed", entry: moved, promoted: [] };
}
