/**
 * Time inside one decision. `now` is the tournament object's clock (window checks, holds); `stamp()` is the
 * `updatedAt` given to everything the decision changes: never below `now` and strictly above every earlier
 * stamp, so "changed after T" never misses a change even when two decisions share a millisecond.
 */
export interface Clock {
  readonly now: number;
  stamp(): number;
}

export function nextStamp(lastStamp: number, now: number): number {
  return Math.max(now, lastStamp + 1);
}

/** A clock whose stamp is taken (and persisted through `advance`) only if the decision changes something. */
export function decisionClock(now: number, advance: (now: number) => number): Clock {
  let stamp: number | null = null;
  return {
    now,
    stamp() {
      stamp ??= advance(now);
      return stamp;
    },
  };
}
