import type { Category, Division, PowerFactor } from "./rulebook.ts";
import { divideRounded, hitFactor, stagePointsScored, type StageHits } from "./score.ts";
import { stageMaxPoints, type StageSpec } from "./stages.ts";

/** A competitor as results read them. */
export interface Competitor {
  entryId: string;
  name: string;
  division: Division;
  powerFactor: PowerFactor;
  category: Category | null;
  /** Disqualified: keeps no points, listed after everyone, out of every best hit factor. */
  dq: boolean;
}

/** Every recorded score: entry id → stage id → hits. */
export type ScoreBook = ReadonlyMap<string, ReadonlyMap<number, StageHits>>;

/** One competitor on one stage. null figures: the stage is not shot (DNF) or the competitor is DQ. */
export interface StageLine {
  stageId: number;
  hits: StageHits | null;
  points: number | null;
  /** Ten-thousandths (8.2353 is 82353). */
  hitFactor: number | null;
  /** Ten-thousandths of a stage point, relative to the pool's best hit factor on the stage. */
  stagePoints: number;
}

export interface Ranked {
  /** null for a DQ (listed last, unranked). */
  rank: number | null;
  shared: boolean;
}

export interface StageRow extends StageLine, Ranked {
  competitor: Competitor;
}

export interface MatchRow extends Ranked {
  competitor: Competitor;
  /** Ten-thousandths. */
  matchPoints: number;
  /** Hundredths of a percent of the winner's match points (95.12 % is 9512). */
  percent: number;
  stages: StageLine[];
}

/**
 * The pool a result is computed in: everyone for overall results, one division's competitors for division
 * results. Bests are taken inside the pool, so a division's results are relative to that division's best.
 */
export function poolOf(competitors: readonly Competitor[], division: Division | null): Competitor[] {
  return division === null ? [...competitors] : competitors.filter((c) => c.division === division);
}

/** The best hit factor on a stage among the pool's competitors who are not DQ; 0 when nobody scored. */
export function bestHitFactor(stage: StageSpec, pool: readonly Competitor[], scores: ScoreBook): number {
  let best = 0;
  for (const c of pool) {
    if (c.dq) continue;
    const hits = scores.get(c.entryId)?.get(stage.id);
    if (hits) best = Math.max(best, hitFactor(hits, c.powerFactor));
  }
  return best;
}

function lineOf(stage: StageSpec, c: Competitor, scores: ScoreBook, best: number): StageLine {
  const hits = scores.get(c.entryId)?.get(stage.id) ?? null;
  if (!hits || c.dq) return { stageId: stage.id, hits: c.dq ? null : hits, points: null, hitFactor: null, stagePoints: 0 };
  const hf = hitFactor(hits, c.powerFactor);
  // stage max × HF / best HF, with HF in ten-thousandths, kept in ten-thousandths of a point.
  const stagePoints = best === 0 ? 0 : divideRounded(stageMaxPoints(stage) * hf * 10_000, best);
  return { stageId: stage.id, hits, points: stagePointsScored(hits, c.powerFactor), hitFactor: hf, stagePoints };
}

/**
 * Standard competition ranks by a score (higher first): equal scores share a rank (1, =2, =2, 4). DQs come
 * last, unranked; ties and DQs are listed by name.
 */
function rankBy<T extends { competitor: Competitor }>(rows: T[], score: (row: T) => number): (T & Ranked)[] {
  const byName = (x: T, y: T) => x.competitor.name.localeCompare(y.competitor.name);
  const standing = rows.filter((r) => !r.competitor.dq).sort((x, y) => score(y) - score(x) || byName(x, y));
  const dq = rows.filter((r) => r.competitor.dq).sort(byName);
  const ranked = standing.map((row, i) => {
    const first = standing.findIndex((other) => score(other) === score(row));
    const shared = standing.filter((other) => score(other) === score(row)).length > 1;
    return { ...row, rank: first === -1 ? i + 1 : first + 1, shared };
  });
  return [...ranked, ...dq.map((row) => ({ ...row, rank: null, shared: false }))];
}

/** One stage's results in a pool, best hit factor first; a stage not shot shows last with 0 stage points. */
export function stageResults(stage: StageSpec, pool: readonly Competitor[], scores: ScoreBook): StageRow[] {
  const best = bestHitFactor(stage, pool, scores);
  const rows = pool.map((competitor) => ({ competitor, ...lineOf(stage, competitor, scores, best) }));
  return rankBy(rows, (row) => (row.hitFactor === null ? -1 : row.hitFactor));
}

/**
 * Match results in a pool: match points = the sum of stage points (a stage not shot counts 0); percent of the
 * winner's match points; equal match points share a rank; DQs last with no points.
 */
export function matchResults(stages: readonly StageSpec[], pool: readonly Competitor[], scores: ScoreBook): MatchRow[] {
  const bests = new Map(stages.map((s) => [s.id, bestHitFactor(s, pool, scores)]));
  const rows = pool.map((competitor) => {
    const lines = stages.map((s) => lineOf(s, competitor, scores, bests.get(s.id) ?? 0));
    const matchPoints = lines.reduce((sum, l) => sum + l.stagePoints, 0);
    return { competitor, matchPoints, percent: 0, stages: lines };
  });
  return rankedWithPercent(rows);
}

/** Ranks rows by match points and gives each its percent of the winner's. */
function rankedWithPercent(rows: Omit<MatchRow, keyof Ranked>[]): MatchRow[] {
  const ranked = rankBy(rows, (row) => row.matchPoints);
  const winner = ranked[0] && ranked[0].rank !== null ? ranked[0].matchPoints : 0;
  return ranked.map((row) => ({
    ...row,
    percent: winner === 0 || row.competitor.dq ? 0 : divideRounded(row.matchPoints * 10_000, winner),
  }));
}

/**
 * A category's results, taken from results computed in the wider pool (overall or a division): stage points
 * stay relative to that pool's best hit factors (a category's results are extracted from the division's, as
 * the rules have it), while rank and percent are computed among the category's competitors only.
 */
export function categoryResults(rows: readonly MatchRow[], category: Category | null): MatchRow[] {
  if (category === null) return [...rows];
  return rankedWithPercent(rows.filter((r) => r.competitor.category === category));
}

/** "1", "=2", "DQ": a rank as the results show it. */
export function rankLabel(row: Ranked): string {
  if (row.rank === null) return "DQ";
  return row.shared ? `=${row.rank}` : String(row.rank);
}
