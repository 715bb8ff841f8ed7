import type { Discipline } from "../scoring/disciplines.ts";
import { rankCards, type Card } from "../scoring/ranking.ts";

export type Qualification =
  | { ok: true; entryIds: string[] }
  | { ok: false; reason: "too_few" | "tie_for_last_place"; message: string; tied: string[] };

/**
 * The finalists of a qualification: the best `places` by the discipline's qualification ranking (total, then
 * its tie-breaks: inner tens, last series backwards, shots backwards), in that order. Who is last in is decided
 * by those tie-breaks; when they cannot separate the cards on the cut, the organiser must decide (ISSF: a
 * shoot-off), and the final is not made.
 */
export function qualifiers(d: Discipline, cards: Iterable<Card>, places: number): Qualification {
  const ranked = rankCards(d, cards).filter((r) => r.rank !== null);
  if (ranked.length < places) {
    return {
      ok: false,
      reason: "too_few",
      message: `A final needs ${places} competitors with a score; this event has ${ranked.length}`,
      tied: [],
    };
  }
  const last = ranked[places - 1]!;
  const next = ranked[places];
  if (next && next.rank === last.rank) {
    const tied = ranked.filter((r) => r.rank === last.rank).map((r) => r.entryId);
    return {
      ok: false,
      reason: "tie_for_last_place",
      message: `${tied.length} competitors are equal for place ${places} after every tie-break: decide by a shoot-off first`,
      tied,
    };
  }
  return { ok: true, entryIds: ranked.slice(0, places).map((r) => r.entryId) };
}
