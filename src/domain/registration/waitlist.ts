import { placesLeft, relayOrder } from "./capacity.ts";
import type { RelayLoad } from "./types.ts";

/** What the waitlist rules need to know about a waiting entry. */
export interface Waiting {
  id: string;
  /** The relay waited for; null waits for any relay of the event. */
  relayId: number | null;
  seq: number;
  waitlistPosition: number | null;
}

export interface WaitlistPlan {
  /** Entries that get a place now, in sequence order. */
  promotions: { entryId: string; relayId: number }[];
  /** New positions of the entries still waiting, only where the position changed. */
  positions: { entryId: string; position: number }[];
}

/**
 * Fills free places from one event's waitlist, first come first served: in sequence order, every entry
 * whose relay (or, for "any", some relay) has a free place gets it. Those still waiting are numbered
 * 1..n, again in sequence order.
 */
export function planWaitlist(relays: readonly RelayLoad[], waitlist: readonly Waiting[]): WaitlistPlan {
  const room = new Map(relays.map((r) => [r.id, placesLeft(r)]));
  const anyOrder = [...relays].sort(relayOrder).map((r) => r.id);
  const promotions: WaitlistPlan["promotions"] = [];
  const positions: WaitlistPlan["positions"] = [];
  let position = 0;
  for (const entry of [...waitlist].sort((a, b) => a.seq - b.seq)) {
    const target =
      entry.relayId === null
        ? anyOrder.find((id) => (room.get(id) ?? 0) > 0)
        : (room.get(entry.relayId) ?? 0) > 0
          ? entry.relayId
          : undefined;
    if (target !== undefined) {
      room.set(target, (room.get(target) ?? 0) - 1);
      promotions.push({ entryId: entry.id, relayId: target });
      continue;
    }
    position += 1;
    if (entry.waitlistPosition !== position) positions.push({ entryId: entry.id, position });
  }
  return { promotions, positions };
}
