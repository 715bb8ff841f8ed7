import { seriesCount, type Discipline } from "./disciplines.ts";
import type { ShotValue } from "./values.ts";

/** One shot on a card. Sighters may be passed in; they are never counted. */
export interface ScoredShot {
  shotNo: number;
  value: number;
  innerTen?: boolean;
  sighter?: boolean;
}

export interface SeriesTotals {
  /** 1-based series (or round) number. */
  series: number;
  total: number;
  innerTens: number;
  shotsFired: number;
  /** Shots this series holds in the match (the last one may be short). */
  shotsInSeries: number;
}

export interface CardTotals {
  /** In stored units: tenths for decimal (the decimal total is the total), points, or hits. */
  total: number;
  innerTens: number;
  shotsFired: number;
  /** Per shot fired, in display units (10.45 points, 0.92 hits); null before the first shot. */
  average: number | null;
  /** Every series of the match, including those not yet started. */
  series: SeriesTotals[];
  /** Index shotNo − 1; null for a shot not (yet) fired. */
  slots: (ShotValue | null)[];
  /** Highest shot number fired; shots may arrive out of order. */
  lastShotNo: number | null;
  complete: boolean;
}

/**
 * Totals of one card. Sighters and shots outside 1..shots (e.g. after an organiser shortened the match)
 * are left out; a shot number given twice is a caller bug and throws.
 */
export function cardTotals(d: Discipline, shots: Iterable<ScoredShot>): CardTotals {
  const slots: (ShotValue | null)[] = Array.from({ length: d.shots }, () => null);
  const series: SeriesTotals[] = Array.from({ length: seriesCount(d) }, (_, i) => ({
    series: i + 1,
    total: 0,
    innerTens: 0,
    shotsFired: 0,
    shotsInSeries: Math.min(d.seriesLength, d.shots - i * d.seriesLength),
  }));
  let total = 0;
  let innerTens = 0;
  let shotsFired = 0;
  let lastShotNo: number | null = null;

  for (const shot of shots) {
    if (shot.sighter) continue;
    if (!Number.isInteger(shot.shotNo) || shot.shotNo < 1 || shot.shotNo > d.shots) continue;
    if (slots[shot.shotNo - 1]) throw new RangeError(`Shot ${shot.shotNo} appears twice on one card`);
    const innerTen = shot.innerTen === true;
    slots[shot.shotNo - 1] = { value: shot.value, innerTen };
    const s = series[Math.ceil(shot.shotNo / d.seriesLength) - 1]!;
    s.total += shot.value;
    s.shotsFired += 1;
    if (innerTen) s.innerTens += 1;
    total += shot.value;
    shotsFired += 1;
    if (innerTen) innerTens += 1;
    if (lastShotNo === null || shot.shotNo > lastShotNo) lastShotNo = shot.shotNo;
  }

  const scale = d.scoring === "decimal" ? 10 : 1;
  return {
    total,
    innerTens,
    shotsFired,
    average: shotsFired === 0 ? null : total / (shotsFired * scale),
    series,
    slots,
    lastShotNo,
    complete: shotsFired === d.shots,
  };
}

/** The series being shot: the one holding the highest shot fired, or the first before any shot. */
export function currentSeries(d: Discipline, totals: CardTotals): number {
  return totals.lastShotNo === null ? 1 : Math.ceil(totals.lastShotNo / d.seriesLength);
}

/** Average for display: "10.45" (decimal and integer, two places), "92%" (hit/miss); "–" before any shot. */
export function formatAverage(d: Discipline, totals: CardTotals): string {
  if (totals.shotsFired === 0) return "–";
  const scale = d.scoring === "decimal" ? 10 : 1;
  if (d.scoring === "hitmiss") return `${Math.round((totals.total * 100) / totals.shotsFired)}%`;
  // Integer arithmetic, so 104.5 / 10 shots shows "10.45" and never "10.44" from binary rounding.
  const hundredths = Math.round((totals.total * 100) / (totals.shotsFired * scale));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}
