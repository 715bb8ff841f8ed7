/**
 * The practical shooting (IPSC handgun) rulebook as data: divisions, power factors, categories and scoring
 * methods (DESIGN §7). A federation's change is an edit here; the arithmetic lives in score.ts and results.ts.
 */

/** The discipline id of a practical (IPSC handgun) event; its match shape is "practical" (events.match_shape). */
export const PRACTICAL_DISCIPLINE = "ipsc-handgun";

export const POWER_FACTORS = ["major", "minor"] as const;
export type PowerFactor = (typeof POWER_FACTORS)[number];

export const DIVISIONS = ["Open", "Standard", "Production", "Production Optics", "Classic", "Revolver", "PCC"] as const;
export type Division = (typeof DIVISIONS)[number];

export interface DivisionRule {
  name: Division;
  /** Power factors a competitor may declare in the division. */
  powerFactors: readonly PowerFactor[];
  /** The least power factor (bullet weight in grains × velocity in ft/s ÷ 1000) for each declared factor. */
  thresholds: Partial<Record<PowerFactor, number>>;
}

const MINOR = 125;
const majorOr = (major: number): Pick<DivisionRule, "powerFactors" | "thresholds"> => ({
  powerFactors: ["major", "minor"],
  thresholds: { major, minor: MINOR },
});
const minorOnly: Pick<DivisionRule, "powerFactors" | "thresholds"> = { powerFactors: ["minor"], thresholds: { minor: MINOR } };

export const DIVISION_RULES: Readonly<Record<Division, DivisionRule>> = {
  Open: { name: "Open", ...majorOr(160) },
  Standard: { name: "Standard", ...majorOr(170) },
  Production: { name: "Production", ...minorOnly },
  "Production Optics": { name: "Production Optics", ...minorOnly },
  Classic: { name: "Classic", ...majorOr(170) },
  Revolver: { name: "Revolver", ...majorOr(170) },
  PCC: { name: "PCC", ...minorOnly },
};

export function isCategory(name: string): name is Category {
  return (CATEGORIES as readonly string[]).includes(name);
}

export function isDivision(name: string): name is Division {
  return (DIVISIONS as readonly string[]).includes(name);
}

/** Whether a competitor may declare this power factor in this division (Production, Production Optics, PCC: minor only). */
export function powerFactorAllowed(division: Division, powerFactor: PowerFactor): boolean {
  return DIVISION_RULES[division].powerFactors.includes(powerFactor);
}

export const CATEGORIES = ["Lady", "Junior", "Senior", "Super Senior"] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How a stage is scored. Comstock: unlimited rounds, best hits count, hit factor = points / time.
 * Virginia Count: a fixed number of rounds, extra shots and hits cost penalties, hit factor = points / time.
 * Fixed Time: the time is set, the score is the points. Tenring computes Comstock; the other two are held as
 * data so a match can be described and imported without losing them.
 */
export const SCORING_METHODS = ["comstock", "virginia", "fixed-time"] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];
export const SCORING_METHOD_NAMES: Readonly<Record<ScoringMethod, string>> = {
  comstock: "Comstock",
  virginia: "Virginia Count",
  "fixed-time": "Fixed Time",
};

/** Points per hit and penalty. A = 5 either way; C and D pay more with a major power factor. */
export const HIT_POINTS: Readonly<Record<PowerFactor, { a: number; c: number; d: number }>> = {
  major: { a: 5, c: 4, d: 2 },
  minor: { a: 5, c: 3, d: 1 },
};
export const PENALTY_POINTS = 10;
/** Scoring hits per paper target and per steel (popper or plate). */
export const HITS_PER_PAPER = 2;
export const HITS_PER_STEEL = 1;
/** A stage's max points are this many points per required hit (all A). */
export const MAX_POINTS_PER_HIT = 5;
