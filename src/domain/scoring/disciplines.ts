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

/** A part of the match shot under its own conditions, in shot order (25 m pistol: precision, then rapid fire). */
export interface Stage {
  name: string;
  shots: number;
}

/** A discipline is data: adding one is adding an entry to DISCIPLINES, no code. */
export interface Discipline {
  id: string;
  name: string;
  scoring: ScoringKind;
  /** Match shots (or targets); sighters are never part of these. */
  shots: number;
  seriesLength: number;
  /**
   * Series of this many shots for the tie-break countback when they differ from the series shot (25 m: shot
   * in series of 5, ties go by the last 10-shot series, DESIGN §7). Default: seriesLength.
   */
  tieBreakSeriesLength?: number;
  /** The match's stages in shot order, each a whole number of series; none for a match in one stage. */
  stages?: readonly Stage[];
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

/** Match shapes in the catalogue: ISSF 60 shots in series of 10, ISSF 25 m in series of 5, shotgun 125 targets in rounds of 25. */
const ISSF_60 = { shots: 60, seriesLength: 10, sighters: true, shotNoun: "shot", seriesNoun: "series" } as const;
/**
 * ISSF 25 m pistol: 30 precision shots then 30 rapid-fire shots, each in series of 5; 25 m rapid fire pistol:
 * two stages of 30 shots in series of 5. Ties count back by 10-shot series (two series of 5).
 */
const ISSF_25M = { shots: 60, seriesLength: 5, tieBreakSeriesLength: 10, sighters: true, shotNoun: "shot", seriesNoun: "series" } as const;
const SHOTGUN_125 = { shots: 125, seriesLength: 25, sighters: false, shotNoun: "target", seriesNoun: "round" } as const;

const DISCIPLINES: readonly Discipline[] = [
  // Card sizes: ISSF target cards (10 m rifle 80 mm, 10 m pistol 170 mm, 50 m rifle 250 mm, 25 m 550 mm).
  { id: "air-rifle-10m", name: "10 m air rifle", ...KIND.decimal, ...ISSF_60, final: ISSF_DECIMAL_FINAL, targetCardMm: 80 },
  { id: "air-pistol-10m", name: "10 m air pistol", ...KIND.integer, ...ISSF_60, targetCardMm: 170 },
  { id: "rifle-prone-50m", name: "50 m rifle prone", ...KIND.decimal, ...ISSF_60, final: ISSF_DECIMAL_FINAL, targetCardMm: 250 },
  {
    id: "pistol-25m",
    name: "25 m pistol",
    ...KIND.integer,
    ...ISSF_25M,
    targetCardMm: 550,
    stages: [
      { name: "Precision", shots: 30 },
      { name: "Rapid fire", shots: 30 },
    ],
  },
  {
    id: "rapid-fire-pistol-25m",
    name: "25 m rapid fire pistol",
    ...KIND.integer,
    ...ISSF_25M,
    targetCardMm: 550,
    stages: [
      { name: "Stage 1", shots: 30 },
      { name: "Stage 2", shots: 30 },
    ],
  },
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

/** Where a series falls among the match's stages: its stage's name and the series' number within the stage. */
export interface StageSpan {
  name: string;
  /** 1-based series of the match, first and last, that the stage holds. */
  firstSeries: number;
  lastSeries: number;
}

/** The match's stages as runs of series (empty for a match in one stage), for cards and results headings. */
export function stageSpans(d: Discipline): StageSpan[] {
  const spans: StageSpan[] = [];
  let shotsBefore = 0;
  for (const stage of d.stages ?? []) {
    spans.push({
      name: stage.name,
      firstSeries: Math.floor(shotsBefore / d.seriesLength) + 1,
      lastSeries: Math.ceil((shotsBefore + stage.shots) / d.seriesLength),
    });
    shotsBefore += stage.shots;
  }
  return spans;
}

/** The stage a series belongs to, or undefined for a match in one stage. */
export function stageOfSeries(d: Discipline, series: number): StageSpan | undefined {
  return stageSpans(d).find((s) => series >= s.firstSeries && series <= s.lastSeries);
}
