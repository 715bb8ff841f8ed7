import {
  currentSeries,
  formatAverage,
  formatShot,
  formatTotal,
  rankCards,
  shotsOf,
  type Discipline,
} from "../../domain/scoring/index.ts";
import type { StandingRow } from "../contract/index.ts";
import type { Slots } from "./store.ts";

export interface StandingCard {
  entryId: string;
  userId: number;
  slots: Slots;
}

/** An event's standings from its cards: ranked with the discipline's tie-breaks, unscored cards last. */
export function standingRows(d: Discipline, cards: Iterable<StandingCard>): StandingRow[] {
  const userOf = new Map<string, number>();
  const forRanking = [];
  for (const card of cards) {
    userOf.set(card.entryId, card.userId);
    forRanking.push({ entryId: card.entryId, shots: shotsOf(card) });
  }
  return rankCards(d, forRanking).map((ranked) => {
    const t = ranked.totals;
    const last = t.lastShotNo === null ? null : t.slots[t.lastShotNo - 1];
    const lastShot = t.lastShotNo !== null && last ? { shotNo: t.lastShotNo, value: last.value, innerTen: last.innerTen } : null;
    return {
      entryId: ranked.entryId,
      userId: userOf.get(ranked.entryId) ?? 0,
      rank: ranked.rank,
      rankLabel: ranked.rankLabel,
      shared: ranked.shared,
      total: t.total,
      innerTens: t.innerTens,
      shotsFired: t.shotsFired,
      series: t.series.map((s) => s.total),
      currentSeries: currentSeries(d, t),
      lastShot,
      complete: t.complete,
      display: {
        total: t.shotsFired === 0 ? "–" : formatTotal(d, t.total),
        series: t.series.map((s) => (s.shotsFired === 0 ? "–" : formatTotal(d, s.total))),
        lastShot: lastShot ? formatShot(d, lastShot.value, lastShot.innerTen) : "–",
        average: formatAverage(d, t),
      },
    };
  });
}

/** What a scoreboard must change after one card changed: the card's row, where it goes, and rank labels that moved. */
export interface RowChange {
  row: StandingRow;
  /** The ranked row it now follows; null when it leads the table. */
  after: string | null;
  /** Other rows whose rank label changed (e.g. pushed down one place, or a tie made or broken). */
  ranks: { entryId: string; rankLabel: string }[];
}

/**
 * The change from `before` to `after` for the one entry whose card changed. Only that entry moves: the
 * others keep their order among themselves, so the row plus the changed rank labels describe it fully.
 * The row is placed after the nearest ranked row above it, because a client may not list unscored entries
 * that joined after its page was rendered.
 */
export function rowChange(before: StandingRow[], after: StandingRow[], entryId: string): RowChange | null {
  const index = after.findIndex((r) => r.entryId === entryId);
  const row = after[index];
  if (!row) return null;
  let anchor: string | null = null;
  for (let i = index - 1; i >= 0; i--) {
    const above = after[i]!;
    if (above.rank !== null) {
      anchor = above.entryId;
      break;
    }
  }
  const labelBefore = new Map(before.map((r) => [r.entryId, r.rankLabel]));
  const ranks = after
    .filter((r) => r.entryId !== entryId && labelBefore.has(r.entryId) && labelBefore.get(r.entryId) !== r.rankLabel)
    .map((r) => ({ entryId: r.entryId, rankLabel: r.rankLabel }));
  return { row, after: anchor, ranks };
}
