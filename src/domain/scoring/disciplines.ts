import {
  DECIMAL_TIE_BREAKS,
  HITMISS_TIE_BREAKS,
  INTEGER_TIE_BREAKS,
  ISSF_DECIMAL_FINAL,
  type FinalFormat,
  type TieBreakStep,
} from "./rulebook.ts";

/**
 * decimal: tenths stored as integers (10.4 → 104); the decimal total is the total.
 * integer: whole points 0–10, a 10 may be an inner ten.
 * hitmiss: 1 for a hit, 0 for a miss.
 */
export type ScoringKind = "decimal" | "integer" | "hitmiss";

/** A discipline is data: adding one is adding an entry to DISCIPLINES, no code. */
export interface Discipline {
  id: string;
  name: string;
  scoring: ScoringKind;
  /** Match shots (or targets); sighters are never part of these. */
  shots: number;
  seriesLength: number;
  /** Highest stored value of one shot: 109 tenths, 10 points, or 1 hit. */
  maxValue: number;
  sighters: boolean;
  /** Steps after the total, in order; see rulebook.ts. */
  tieBreaks: readonly TieBreakStep[];
  /** How the discipline names a shot and a series in messages and headings. */
  shotNoun: "shot" | "target";
  seriesNoun: "series" | "round";
  final?: FinalFormat;
  /**
   * The side of the target card in mm, where a shot's position (x/y from the centre) must fall; absent for
   * disciplines without a position (shotgun: a clay is hit or missed).
   */
  targetCardMm?: number;
}

/** What a scoring kind fixes for every discipline that uses it (a discipline may still override any of it). */
const KIND = {
  decimal: { scoring: "decimal", maxValue: 109, tieBreaks: DECIMAL_TIE_BREAKS },
  integer: { scoring: "integer", maxValue: 10, tieBreaks: INTEGER_TIE_BREAKS },
  hitmiss: { scoring: "hitmiss", maxValue: 1, tieBreaks: HITMISS_TIE_BREAKS },
} as const;

/** The two match shapes in the catalogue: ISSF 60 shots in series of 10, shotgun 125 targets in rounds of 25. */
const ISSF_60 = { shots: 60, seriesLength: 10, sighters: true, shotNoun: "shot", seriesNoun: "series" } as const;
const SHOTGUN_125 = { shots: 125, seriesLength: 25, sighters: false, shotNoun: "target", seriesNoun: "round" } as const;

const DISCIPLINES: readonly Discipline[] = [
  // Card sizes: ISSF target cards (10 m rifle 80 mm, 10 m pistol 170 mm, 50 m rifle 250 mm, 25 m precision 550 mm).
  { id: "air-rifle-10m", name: "10 m air rifle", ...KIND.decimal, ...ISSF_60, final: ISSF_DECIMAL_FINAL, targetCardMm: 80 },
  { id: "air-pistol-10m", name: "10 m air pistol", ...KIND.integer, ...ISSF_60, targetCardMm: 170 },
  { id: "rifle-prone-50m", name: "50 m rifle prone", ...KIND.decimal, ...ISSF_60, final: ISSF_DECIMAL_FINAL, targetCardMm: 250 },
  { id: "pistol-25m", name: "25 m pistol", ...KIND.integer, ...ISSF_60, targetCardMm: 550 },
  { id: "trap", name: "Trap", ...KIND.hitmiss, ...SHOTGUN_125 },
  { id: "skeet", name: "Skeet", ...KIND.hitmiss, ...SHOTGUN_125 },
];

const byId = new Map(DISCIPLINES.map((d) => [d.id, d]));

/** The discipline with this id, or undefined (events store the id as text). */
export function discipline(id: string): Discipline | undefined {
  return byId.get(id);
}

/** Every discipline, in catalogue order, for forms. */
export function disciplineList(): readonly Discipline[] {
  return DISCIPLINES;
}

/** Series in the match: 60 shots in series of 10 → 6; a short last series still counts as one. */
export function seriesCount(d: Discipline): number {
  return Math.ceil(d.shots / d.seriesLength);
}

/** The 1-based series a shot belongs to. */
export function seriesOf(d: Discipline, shotNo: number): number {
  return Math.ceil(shotNo / d.seriesLength);
}
