import { HIT_POINTS, PENALTY_POINTS, type PowerFactor } from "./rulebook.ts";

/** What a range officer writes on a stage score sheet. Time in hundredths of a second (18.70 s is 1870). */
export interface StageHits {
  a: number;
  c: number;
  d: number;
  miss: number;
  noShoot: number;
  procedural: number;
  timeHundredths: number;
}

/** The hits of a score sheet in the order officers count them, with the letters on the sheet's counters. */
export const HIT_COUNTERS = [
  ["a", "A"],
  ["c", "C"],
  ["d", "D"],
  ["miss", "M"],
  ["noShoot", "NS"],
  ["procedural", "P"],
] as const satisfies readonly (readonly [Exclude<keyof StageHits, "timeHundredths">, string])[];

export type StageScoreProblem = "hits_do_not_add_up" | "time_not_positive" | "time_precision" | "negative_count";

/**
 * Checks a score against its stage: every count a whole number ≥ 0, A + C + D + misses = the required hits,
 * time > 0. Returns null when the score stands.
 */
export function validateStageHits(hits: StageHits, required: number): { reason: StageScoreProblem; message: string } | null {
  for (const key of ["a", "c", "d", "miss", "noShoot", "procedural"] as const) {
    if (!Number.isInteger(hits[key]) || hits[key] < 0) return { reason: "negative_count", message: `${key} is a whole number, 0 or more` };
  }
  if (!Number.isInteger(hits.timeHundredths)) return { reason: "time_precision", message: "The time has two decimals at most" };
  if (hits.timeHundredths <= 0) return { reason: "time_not_positive", message: "The time is more than 0 seconds" };
  const counted = hits.a + hits.c + hits.d + hits.miss;
  if (counted !== required) {
    return {
      reason: "hits_do_not_add_up",
      message: `A + C + D + misses is ${counted}; the stage has ${required} required hits`,
    };
  }
  return null;
}

/** Seconds (a number with at most two decimals) as integer hundredths; null when it has more decimals. */
export function secondsToHundredths(seconds: number): number | null {
  const hundredths = Math.round(seconds * 100);
  return Math.abs(hundredths - seconds * 100) < 1e-6 ? hundredths : null;
}

export function formatTime(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

/** Points before the floor: A = 5, C = 4 major / 3 minor, D = 2 major / 1 minor, each M, NS, P −10. May be negative. */
export function rawPoints(hits: StageHits, powerFactor: PowerFactor): number {
  const p = HIT_POINTS[powerFactor];
  return hits.a * p.a + hits.c * p.c + hits.d * p.d - PENALTY_POINTS * (hits.miss + hits.noShoot + hits.procedural);
}

/** Points as they count: a stage below zero counts 0. */
export function stagePointsScored(hits: StageHits, powerFactor: PowerFactor): number {
  return Math.max(0, rawPoints(hits, powerFactor));
}

/** n / d rounded half up, for n ≥ 0 and d > 0, in integers. */
export function divideRounded(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/** Hit factor = max(0, points) / time, in ten-thousandths (8.2353 is 82353): points × 100 × 10000 / hundredths. */
export function hitFactor(hits: StageHits, powerFactor: PowerFactor): number {
  return divideRounded(stagePointsScored(hits, powerFactor) * 1_000_000, hits.timeHundredths);
}

/** A value held in ten-thousandths, as "8.2353". */
export function formatFourDecimals(tenThousandths: number): string {
  return (tenThousandths / 10_000).toFixed(4);
}

/** A value held in hundredths, as "95.12". */
export function formatTwoDecimals(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}
