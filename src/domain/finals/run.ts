import type { FinalFormat } from "../scoring/rulebook.ts";

export interface Finalist {
  entryId: string;
  /** Final shots in order (shot 1 first), in tenths; everyone starts from zero. */
  shots: readonly number[];
  /** Shoot-off shots in order, per elimination point (keyed by its `afterShot`) where this finalist shot one. */
  shootOffs?: Readonly<Record<number, readonly number[]>>;
}

export interface Elimination {
  afterShot: number;
  entryId: string;
  /** The place taken by leaving: 8th at the first elimination of an 8-finalist final … 2nd at the last. */
  place: number;
  total: number;
  byShootOff: boolean;
}

/** A tie at an elimination point (or for gold) that shoot-off shots must still break. */
export interface PendingShootOff {
  afterShot: number;
  /** Tied on total and on every shoot-off shot fired so far. */
  entryIds: string[];
  /** How many of them leave at this point. */
  out: number;
  /** The number of the shoot-off shot each of them fires next (1 for the first). */
  nextShot: number;
}

export interface FinalRun {
  /** In order: the first out first. */
  eliminations: Elimination[];
  /** Still shooting, in their order in `finalists`. */
  active: string[];
  /** Decided places: eliminated finalists and, once the final is over, the winner. */
  places: Map<string, number>;
  winner: string | null;
  complete: boolean;
  /** The next elimination point still waiting for shots, or null. */
  nextEliminationAfterShot: number | null;
  shootOff: PendingShootOff | null;
}

/** Shots the last finalists fire: 24 in the 10 m final, 35 in the 2026 3-positions final. */
export function finalShots(format: FinalFormat): number {
  return format.eliminations.at(-1)?.afterShot ?? 0;
}

/** Whether the shot belongs to the opening series (and which, 1-based), or is a single shot (0). */
export function openingSeriesOf(format: FinalFormat, shotNo: number): number {
  let last = 0;
  for (let i = 0; i < format.openingSeries.length; i++) {
    last += format.openingSeries[i]!;
    if (shotNo <= last) return i + 1;
  }
  return 0;
}

export function sumOf(shots: readonly number[], count: number): number {
  let total = 0;
  for (let i = 0; i < Math.min(count, shots.length); i++) total += shots[i]!;
  return total;
}

/** Orders two tied finalists by their shoot-off shots, shot by shot: negative when a did better. */
function byShootOff(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return b[i]! - a[i]!;
  }
  return 0;
}

/**
 * Runs a final as far as the shots allow. At each elimination point the `out` lowest totals over the shots so
 * far leave, the lowest taking the worse place. When finalists tied on total straddle the cut, their shoot-off
 * shots decide, one shot at a time (a higher shot stays); until those are fired the final stops there and
 * says who shoots off. Shots an eliminated finalist fires later are not counted.
 */
export function runFinal(format: FinalFormat, finalists: readonly Finalist[]): FinalRun {
  if (finalists.length !== format.finalists) {
    throw new RangeError(`${format.name} has ${format.finalists} finalists, not ${finalists.length}`);
  }
  let active = [...finalists];
  const eliminations: Elimination[] = [];
  const places = new Map<string, number>();
  let winner: string | null = null;
  let nextEliminationAfterShot: number | null = null;
  let shootOff: PendingShootOff | null = null;

  for (const point of format.eliminations) {
    const { afterShot, out } = point;
    if (active.some((f) => f.shots.length < afterShot)) {
      nextEliminationAfterShot = afterShot;
      break;
    }
    const totals = active.map((f) => ({ f, total: sumOf(f.shots, afterShot), so: f.shootOffs?.[afterShot] ?? [] }));
    totals.sort((a, b) => a.total - b.total);
    const cut = totals[out - 1]!.total;
    const below = totals.filter((t) => t.total < cut);
    const atCut = totals.filter((t) => t.total === cut);
    const seats = out - below.length;
    let leaving = below;
    if (atCut.length === seats) {
      leaving = [...below, ...atCut];
    } else {
      // More finalists on the cut's total than places to fill: the shoot-off shots rank them, worst first.
      atCut.sort((a, b) => -byShootOff(a.so, b.so));
      const last = atCut[seats - 1]!;
      const next = atCut[seats]!;
      if (byShootOff(last.so, next.so) === 0) {
        // Sorted worst first: those ahead of the tied group in atCut are out already.
        const tied = atCut.filter((t) => byShootOff(t.so, last.so) === 0);
        shootOff = {
          afterShot,
          entryIds: tied.map((t) => t.f.entryId),
          out: seats - atCut.indexOf(tied[0]!),
          nextShot: Math.max(...tied.map((t) => t.so.length)) + 1,
        };
        nextEliminationAfterShot = afterShot;
        break;
      }
      leaving = [...below, ...atCut.slice(0, seats)];
    }
    const byShootOffHere = atCut.length !== seats;
    let place = active.length;
    for (const t of leaving) {
      const tiedOnTotal = byShootOffHere && t.total === cut;
      eliminations.push({ afterShot, entryId: t.f.entryId, place, total: t.total, byShootOff: tiedOnTotal });
      places.set(t.f.entryId, place);
      place -= 1;
    }
    const gone = new Set(leaving.map((t) => t.f));
    active = active.filter((f) => !gone.has(f));
    if (active.length === 1) {
      winner = active[0]!.entryId;
      places.set(winner, 1);
      active = [];
    }
  }

  return {
    eliminations,
    active: active.map((f) => f.entryId),
    places,
    winner,
    complete: winner !== null,
    nextEliminationAfterShot,
    shootOff,
  };
}
