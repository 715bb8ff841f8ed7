/** Who presses what during the rush: five attempts per competitor, as people do it when places are scarce. */
import { seededRandom, shuffle } from "./load.ts";

export type AttemptKind =
  /** A new registration (new Idempotency-Key). */
  | "first"
  /** The same request again with the same key: a double click (right after) or a refresh (later). */
  | "same-key"
  /** Another try in an event already entered, under a new key: expect 409. */
  | "new-key";

export interface Attempt {
  competitor: number;
  event: number;
  relay: number | "any";
  key: string;
  kind: AttemptKind;
}

export interface PlanEvent {
  id: number;
  relays: number[];
}

/**
 * Competitor i: the rush event on a relay most want (six in ten pick one of the first three, which fill
 * within moments, so many land on a full relay and its waitlist), the "any relay" event, the first again
 * with the same key (a third of them as a double click, right behind), the rush event again under a new
 * key, and the second again: same key for even i, a new key on a particular relay for odd i.
 */
export function rushPlan(competitors: number, rush: PlanEvent, anyEvent: PlanEvent, runId: string, seed = 2026): Attempt[] {
  const random = seededRandom(seed);
  const pick = (relays: number[], n = relays.length) => relays[Math.floor(random() * n)] as number;
  const key = (i: number, n: number) => `rush-${runId}-${i}-${n}`;
  const early: Attempt[][] = [];
  const late: Attempt[] = [];
  for (let i = 0; i < competitors; i++) {
    const wanted = random() < 0.6 ? pick(rush.relays, 3) : pick(rush.relays);
    const first: Attempt = { competitor: i, event: rush.id, relay: wanted, key: key(i, 1), kind: "first" };
    const second: Attempt = { competitor: i, event: anyEvent.id, relay: "any", key: key(i, 2), kind: "first" };
    const again: Attempt = { ...first, kind: "same-key" };
    const doubleClick = i % 3 === 0;
    early.push(doubleClick ? [first, again] : [first], [second]);
    if (!doubleClick) late.push(again);
    late.push({ competitor: i, event: rush.id, relay: "any", key: key(i, 3), kind: "new-key" });
    late.push(
      i % 2 === 0
        ? { ...second, kind: "same-key" }
        : { competitor: i, event: anyEvent.id, relay: pick(anyEvent.relays), key: key(i, 4), kind: "new-key" },
    );
  }
  return [...shuffle(early, random).flat(), ...shuffle(late, random)];
}
