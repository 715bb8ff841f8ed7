import type { FinalFormat } from "../scoring/rulebook.ts";
import { finalShots, openingSeriesOf, runFinal, sumOf, type Finalist, type FinalRun } from "./run.ts";

export type Medal = "gold" | "silver" | "bronze";
const MEDALS: Record<number, Medal> = { 1: "gold", 2: "silver", 3: "bronze" };

/** One finalist's line on the finals scoreboard. Scores in tenths. */
export interface FinalBoardRow {
  entryId: string;
  /** Among those still shooting: rank by total (equal totals share it); for the rest, the final place. */
  rank: number;
  rankLabel: string;
  eliminated: boolean;
  eliminatedAfterShot: number | null;
  /** Over the shots that count: up to the elimination for those out, every shot so far for the rest. */
  total: number;
  shotsCounted: number;
  lastShot: { shotNo: number; value: number } | null;
  /** Totals of the opening series fired so far (shot 1 to 5 is series 1, …). */
  series: number[];
  /** Tenths behind the finalist listed above (shooting finalists only; null for the first). */
  gap: number | null;
  /** Would leave at the next elimination if it were decided on the totals now, and it comes after the next shot. */
  atRisk: boolean;
  /** A place decided on the podium. */
  medal: Medal | null;
  /** Still shooting and sure of a medal (three or fewer left). */
  medalAssured: boolean;
  /** Tied at a cut and firing shoot-off shots. */
  inShootOff: boolean;
}

export interface FinalBoard {
  rows: FinalBoardRow[];
  run: FinalRun;
  /** Shots fired by those still shooting (the lowest count among them); the final's progress. */
  shotsFired: number;
  totalShots: number;
}

/**
 * The finals scoreboard from the shots: those still shooting by total (highest first), then the places
 * already decided, best first, so an eliminated finalist stays in the place taken.
 */
export function finalBoard(format: FinalFormat, finalists: readonly Finalist[]): FinalBoard {
  const run = runFinal(format, finalists);
  const lastShot = finalShots(format);
  const leftAt = new Map(run.eliminations.map((e) => [e.entryId, e.afterShot]));
  const byId = new Map(finalists.map((f) => [f.entryId, f]));
  const order = new Map(finalists.map((f, i) => [f.entryId, i]));
  const counted = (f: Finalist) => Math.min(f.shots.length, leftAt.get(f.entryId) ?? lastShot);

  const shooting = run.active
    .map((id) => byId.get(id)!)
    .map((f) => ({ f, total: sumOf(f.shots, counted(f)) }))
    .sort((a, b) => b.total - a.total || order.get(a.f.entryId)! - order.get(b.f.entryId)!);
  const shotsFired = shooting.length > 0 ? Math.min(...shooting.map((s) => s.f.shots.length)) : lastShot;

  const point = format.eliminations.find((p) => p.afterShot === run.nextEliminationAfterShot);
  const atRisk = new Set<string>();
  if (point && !run.shootOff && shotsFired === point.afterShot - 1 && shooting.length > point.out) {
    const cut = shooting[shooting.length - point.out]!.total;
    for (const s of shooting) if (s.total <= cut) atRisk.add(s.f.entryId);
  }
  const inShootOff = new Set(run.shootOff?.entryIds ?? []);

  const line = (f: Finalist, total: number) => {
    const n = counted(f);
    const series: number[] = [];
    for (let shot = 1; shot <= n; shot++) {
      const s = openingSeriesOf(format, shot);
      if (s > 0) series[s - 1] = (series[s - 1] ?? 0) + f.shots[shot - 1]!;
    }
    return {
      entryId: f.entryId,
      total,
      shotsCounted: n,
      lastShot: n > 0 ? { shotNo: n, value: f.shots[n - 1]! } : null,
      series,
      inShootOff: inShootOff.has(f.entryId),
    };
  };

  const rows: FinalBoardRow[] = [];
  shooting.forEach((s, i) => {
    const above = shooting[i - 1];
    const rank = above && above.total === s.total ? rows[i - 1]!.rank : i + 1;
    const shared = above?.total === s.total || shooting[i + 1]?.total === s.total;
    rows.push({
      ...line(s.f, s.total),
      rank,
      rankLabel: `${shared ? "=" : ""}${rank}`,
      eliminated: false,
      eliminatedAfterShot: null,
      gap: above ? above.total - s.total : null,
      atRisk: atRisk.has(s.f.entryId),
      medal: null,
      medalAssured: shooting.length <= 3,
    });
  });
  const decided = [...run.places].sort((a, b) => a[1] - b[1]);
  for (const [entryId, place] of decided) {
    const f = byId.get(entryId)!;
    rows.push({
      ...line(f, sumOf(f.shots, counted(f))),
      rank: place,
      rankLabel: String(place),
      eliminated: leftAt.has(entryId),
      eliminatedAfterShot: leftAt.get(entryId) ?? null,
      gap: null,
      atRisk: false,
      medal: MEDALS[place] ?? null,
      medalAssured: false,
    });
  }
  return { rows, run, shotsFired, totalShots: lastShot };
}
