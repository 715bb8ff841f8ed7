/**
 * The rulebook: every rule that a federation may change lives here, so a rulebook change is one edit.
 * Items marked VERIFY follow DESIGN §7 and need checking against the current ISSF rulebook.
 */

/**
 * One named step of a tie-break, applied after the total (always compared first).
 * - innerTens: more inner tens ranks higher.
 * - seriesBackwards: compare the last series of the match, then the one before, and so on.
 * - shotsBackwards: compare single shots from the last shot of the match backwards.
 * Interpreted by `compareStep` in ranking.ts.
 */
export type TieBreakStep = "innerTens" | "seriesBackwards" | "shotsBackwards";

/** Decimal qualification (air rifle, rifle prone): last series backwards, then shots backwards. VERIFY */
export const DECIMAL_TIE_BREAKS: readonly TieBreakStep[] = ["seriesBackwards", "shotsBackwards"];

/**
 * Integer qualification (pistol): inner tens, then last series backwards, then last shots backwards. The
 * series counted back are 10-shot series (DESIGN §7: "the last 10-shot series"), also where the match is
 * shot in series of 5 (25 m: a discipline's `tieBreakSeriesLength`). VERIFY
 */
export const INTEGER_TIE_BREAKS: readonly TieBreakStep[] = ["innerTens", "seriesBackwards", "shotsBackwards"];

/** Shotgun: countback of the last round of 25, then the one before; still equal stays equal (no shoot-offs here). */
export const HITMISS_TIE_BREAKS: readonly TieBreakStep[] = ["seriesBackwards"];

/** How a final runs: who starts, the opening series, then single shots with eliminations. */
export interface FinalFormat {
  id: string;
  name: string;
  finalists: number;
  /** The opening series, in shots each (e.g. 2 × 5). */
  openingSeries: readonly number[];
  /** The first elimination happens after this shot (counted from the first shot of the final). */
  firstEliminationAfterShot: number;
  /** Then one more elimination after every this many single shots. */
  shotsBetweenEliminations: number;
}

/** ISSF decimal final: 8 finalists, 2 × 5-shot series, then single shots, one out at shot 12 and every 2 shots after. VERIFY */
export const ISSF_DECIMAL_FINAL: FinalFormat = {
  id: "issf-decimal-final",
  name: "ISSF final (decimal, eliminations)",
  finalists: 8,
  openingSeries: [5, 5],
  firstEliminationAfterShot: 12,
  shotsBetweenEliminations: 2,
};
