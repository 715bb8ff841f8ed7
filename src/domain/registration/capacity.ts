import type { RelayLoad, RelayRecord } from "./types.ts";

/** Places open to normal registration: firing points minus the reserved ones. */
export function capacityOf(relay: Pick<RelayRecord, "firingPoints" | "reserved">): number {
  return Math.max(0, relay.firingPoints - relay.reserved);
}

/**
 * Places normal registration can still take. Zero, never negative, when an organiser lowered the capacity
 * below what is already taken: those entries stay, the relay just takes no new ones.
 */
export function placesLeft(relay: RelayLoad): number {
  if (!relay.active) return 0;
  return Math.max(0, capacityOf(relay) - relay.confirmed - relay.held);
}

/** The order "any relay" fills relays in: earliest start first, then the lower id. */
export function relayOrder(a: RelayRecord, b: RelayRecord): number {
  return a.startsAt - b.startsAt || a.id - b.id;
}

/**
 * Where a request for `wanted` gets a place now: the relay itself if it has room, or for "any" the
 * earliest relay of the event with room. Null means the entry waits.
 */
export function chooseRelay(relays: readonly RelayLoad[], wanted: number | "any"): number | null {
  if (wanted !== "any") {
    const relay = relays.find((r) => r.id === wanted);
    return relay && placesLeft(relay) > 0 ? relay.id : null;
  }
  const open = relays.filter((r) => placesLeft(r) > 0).sort(relayOrder);
  return open[0]?.id ?? null;
}
