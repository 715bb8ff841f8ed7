import type { FinalFormat } from "./rulebook.ts";

export interface Finalist {
  entryId: string;
  /** Final shots in order (shot 1 first), stored values (tenths for decimal). */
  shots: readonly number[];
}

export interface Elimination {
  afterShot: number;
  entryId: string;
  /** Place taken by leaving: 8th at the first elimination, … 2nd at the last. */
  place: number;
  total: number;
  byShootOff: boolean;
}

export interface FinalStanding {
  entryId: string;
  /** null while still shooting. */
  place: number | null;
  /** Over the shots that count: up to the elimination for those out, every shot so far for the rest. */
  total: number;
  shotsCounted: number;
  eliminatedAfterShot: number | null;
}

export interface FinalResult {
  eliminations: Elimination[];
  /** Still shooting (by total, highest first), then places already decided (best first). */
  standings: FinalStanding[];
  complete: boolean;
  /** The next elimination still waiting for shots, or null. */
  nextEliminationAfterShot: number | null;
  /** A tie for last at an elimination that needs a shoot-off result before the final can go on. */
  shootOff: { afterShot: number; entryIds: string[] } | null;
}

/** After which shots someone leaves: 12, 14, … 24 for 8 finalists; the last one also decides 1st and 2nd. */
export function eliminationPoints(format: FinalFormat): number[] {
  return Array.from(
    { length: format.finalists - 1 },
    (_, k) => format.firstEliminationAfterShot + k * format.shotsBetweenEliminations,
  );
}

/** Shots the last two finalists fire: 24 in the ISSF decimal final. */
export function finalShots(format: FinalFormat): number {
  return eliminationPoints(format).at(-1) ?? 0;
}

function sum(shots: readonly number[], count: number): number {
  let total = 0;
  for (let i = 0; i < Math.min(count, shots.length); i++) total += shots[i]!;
  return total;
}

/**
 * Runs a final as far as the shots allow. At each elimination point the lowest total of the shots so far
 * leaves; a tie for last needs a shoot-off, whose loser the organiser records in `shootOffLosers`
 * (keyed by the elimination's shot number). Without it the final stops there and says so.
 */
export function runFinal(
  format: FinalFormat,
  finalists: readonly Finalist[],
  shootOffLosers: Readonly<Record<number, string>> = {},
): FinalResult {
  if (finalists.length !== format.finalists) {
    throw new RangeError(`${format.name} has ${format.finalists} finalists, not ${finalists.length}`);
  }
  const lastShot = finalShots(format);
  let active = [...finalists];
  const eliminations: Elimination[] = [];
  const placed: FinalStanding[] = [];
  let nextEliminationAfterShot: number | null = null;
  let shootOff: FinalResult["shootOff"] = null;

  for (const afterShot of eliminationPoints(format)) {
    if (active.some((f) => f.shots.length < afterShot)) {
      nextEliminationAfterShot = afterShot;
      break;
    }
    const totals = active.map((f) => ({ finalist: f, total: sum(f.shots, afterShot) }));
    const lowest = Math.min(...totals.map((t) => t.total));
    const tied = totals.filter((t) => t.total === lowest);
    let out = tied[0]!;
    if (tied.length > 1) {
      const loser = tied.find((t) => t.finalist.entryId === shootOffLosers[afterShot]);
      if (!loser) {
        shootOff = { afterShot, entryIds: tied.map((t) => t.finalist.entryId) };
        break;
      }
      out = loser;
    }
    const place = active.length;
    const entryId = out.finalist.entryId;
    eliminations.push({ afterShot, entryId, place, total: out.total, byShootOff: tied.length > 1 });
    placed.push({ entryId, place, total: out.total, shotsCounted: afterShot, eliminatedAfterShot: afterShot });
    active = active.filter((f) => f !== out.finalist);
    if (active.length === 1) {
      const winner = active[0]!;
      const total = sum(winner.shots, afterShot);
      placed.push({ entryId: winner.entryId, place: 1, total, shotsCounted: afterShot, eliminatedAfterShot: null });
      active = [];
    }
  }

  const shooting: FinalStanding[] = active
    .map((f) => {
      const shotsCounted = Math.min(f.shots.length, lastShot);
      return { entryId: f.entryId, place: null, total: sum(f.shots, shotsCounted), shotsCounted, eliminatedAfterShot: null };
    })
    .sort((a, b) => b.total - a.total);
  placed.sort((a, b) => a.place! - b.place!);

  return {
    eliminations,
    standings: [...shooting, ...placed],
    complete: active.length === 0,
    nextEliminationAfterShot,
    shootOff,
  };
}
