import type { Discipline } from "./disciplines.ts";
import type { TieBreakStep } from "./rulebook.ts";
import { cardTotals, type CardTotals, type ScoredShot } from "./totals.ts";

export interface Card {
  entryId: string;
  shots: Iterable<ScoredShot>;
}

/** What separated a card from the one ranked directly above it. */
export type DecidedBy = "total" | TieBreakStep | "equal";

export interface RankedCard {
  entryId: string;
  totals: CardTotals;
  /** Shared ranks skip: 1, 2, 2, 4. null for a card with no shot fired yet. */
  rank: number | null;
  /** "1", "=2", "4"; "" when unranked. */
  rankLabel: string;
  shared: boolean;
  /** null for the first card and for unranked cards. */
  decidedBy: DecidedBy | null;
}

export interface Comparison {
  /** Negative when a ranks ahead of b, positive when behind, 0 when equal after every step. */
  order: number;
  /** The step that decided, or "equal". */
  decidedBy: DecidedBy;
}

/** Series totals for the countback: the series shot, or longer ones where the rulebook counts back by those (25 m: 10 shots). */
function tieBreakSeries(d: Discipline, t: CardTotals): number[] {
  const length = d.tieBreakSeriesLength ?? d.seriesLength;
  if (length === d.seriesLength) return t.series.map((s) => s.total);
  const totals: number[] = Array.from({ length: Math.ceil(d.shots / length) }, () => 0);
  t.slots.forEach((slot, i) => {
    if (slot) totals[Math.floor(i / length)]! += slot.value;
  });
  return totals;
}

/** One tie-break step; negative when a ranks ahead. The only interpreter of TieBreakStep. */
function compareStep(d: Discipline, step: TieBreakStep, a: CardTotals, b: CardTotals): number {
  switch (step) {
    case "innerTens":
      return b.innerTens - a.innerTens;
    case "seriesBackwards": {
      const as = tieBreakSeries(d, a);
      const bs = tieBreakSeries(d, b);
      for (let i = as.length - 1; i >= 0; i--) {
        const diff = bs[i]! - as[i]!;
        if (diff !== 0) return diff;
      }
      return 0;
    }
    case "shotsBackwards":
      for (let i = a.slots.length - 1; i >= 0; i--) {
        const diff = (b.slots[i]?.value ?? 0) - (a.slots[i]?.value ?? 0);
        if (diff !== 0) return diff;
      }
      return 0;
  }
}

/**
 * Total of the shots fired first, then the discipline's tie-break steps in order.
 * Backwards steps run over the match's own grid (series 6 → 1, shot 60 → 1) with unfired shots as 0,
 * so complete cards follow the rulebook exactly and live, incomplete cards compare the same way.
 */
function compareCards(d: Discipline, a: CardTotals, b: CardTotals): Comparison {
  const byTotal = b.total - a.total;
  if (byTotal !== 0) return { order: byTotal, decidedBy: "total" };
  for (const step of d.tieBreaks) {
    const order = compareStep(d, step, a, b);
    if (order !== 0) return { order, decidedBy: step };
  }
  return { order: 0, decidedBy: "equal" };
}

/**
 * Ranks an event's cards for live standings and results alike: by total of the shots fired so far, then
 * tie-breaks. Equal after every step → the same rank ("=2"), the next rank skips. Cards with no shot fired
 * are unranked and listed last. Equal cards are listed by entryId, which carries no sporting meaning.
 */
export function rankCards(d: Discipline, cards: Iterable<Card>): RankedCard[] {
  const scored: { entryId: string; totals: CardTotals }[] = [];
  const unscored: { entryId: string; totals: CardTotals }[] = [];
  for (const card of cards) {
    const totals = cardTotals(d, card.shots);
    (totals.shotsFired === 0 ? unscored : scored).push({ entryId: card.entryId, totals });
  }
  const byEntryId = (a: { entryId: string }, b: { entryId: string }) =>
    a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0;
  scored.sort((a, b) => compareCards(d, a.totals, b.totals).order || byEntryId(a, b));
  unscored.sort(byEntryId);

  const ranked: RankedCard[] = [];
  scored.forEach((card, i) => {
    const above = ranked[i - 1];
    const decidedBy = above ? compareCards(d, above.totals, card.totals).decidedBy : null;
    const rank = above && decidedBy === "equal" ? above.rank : i + 1;
    ranked.push({ ...card, rank, rankLabel: "", shared: false, decidedBy });
  });
  for (let i = 0; i < ranked.length; i++) {
    const card = ranked[i]!;
    card.shared = ranked[i - 1]?.rank === card.rank || ranked[i + 1]?.rank === card.rank;
    card.rankLabel = `${card.shared ? "=" : ""}${card.rank}`;
  }
  for (const card of unscored) {
    ranked.push({ ...card, rank: null, rankLabel: "", shared: false, decidedBy: null });
  }
  return ranked;
}
