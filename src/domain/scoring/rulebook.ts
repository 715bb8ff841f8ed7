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

/** One elimination point of a final: after this many shots (counted from shot 1 of the final), this many leave. */
export interface EliminationPoint {
  afterShot: number;
  out: number;
}

/**
 * How a final runs, as data (ISSF 6.17): who starts (from zero), the series shot before single shots, and
 * the elimination points. The last point leaves one finalist: the winner. Adding a format is adding an entry.
 */
export interface FinalFormat {
  id: string;
  name: string;
  finalists: number;
  /** The series fired before single shots (e.g. 2 × 5); shots after them are single shots. */
  openingSeries: readonly number[];
  /** Position changes inside the final (3 positions), by the first shot of each; none for one position. */
  positions?: readonly { name: string; fromShot: number }[];
  /** In shot order; the counts add up to finalists − 1. */
  eliminations: readonly EliminationPoint[];
}

/**
 * ISSF 10 m final (air rifle, air pistol) and the decimal rifle finals of the same shape: 8 finalists from
 * zero, 2 series of 5, then single shots; the lowest leaves after shot 12 and after every second shot
 * until two remain, who fire to shot 24 (DESIGN §7). VERIFY against the current rulebook (6.17).
 */
export const ISSF_DECIMAL_FINAL: FinalFormat = {
  id: "issf-decimal-final",
  name: "ISSF final, 24 shots",
  finalists: 8,
  openingSeries: [5, 5],
  eliminations: [12, 14, 16, 18, 20, 22, 24].map((afterShot) => ({ afterShot, out: 1 })),
};

/**
 * The 2026 rulebook's shortened 50 m rifle 3-positions final, 35 shots (DESIGN §7): kneeling, prone and
 * standing, 2 series of 5 each; the two lowest leave after shot 30, then one after each single standing shot
 * until shot 35 decides gold. The exact series and elimination points are VERIFY: this entry is where to fix them.
 */
export const ISSF_3P_FINAL_2026: FinalFormat = {
  id: "issf-3p-final-2026",
  name: "ISSF 3 positions final (2026), 35 shots",
  finalists: 8,
  openingSeries: [5, 5, 5, 5, 5, 5],
  positions: [
    { name: "Kneeling", fromShot: 1 },
    { name: "Prone", fromShot: 11 },
    { name: "Standing", fromShot: 21 },
  ],
  eliminations: [
    { afterShot: 30, out: 2 },
    ...[31, 32, 33, 34, 35].map((afterShot) => ({ afterShot, out: 1 })),
  ],
};

/** Every final format, for forms and for reading a stored format id. */
export const FINAL_FORMATS: readonly FinalFormat[] = [ISSF_DECIMAL_FINAL, ISSF_3P_FINAL_2026];
