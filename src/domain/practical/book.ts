import type { Category, Division, PowerFactor } from "./rulebook.ts";
import type { Competitor, ScoreBook } from "./results.ts";
import type { StageHits } from "./score.ts";

/** What results are computed from, as the tournament object reports it (PracticalBook in the object's contract). */
export interface BookInput {
  entries: readonly { entryId: string; userId: number; division: Division; powerFactor: PowerFactor; category: Category | null; dq: boolean }[];
  scores: readonly { entryId: string; stageId: number; hits: StageHits }[];
}

/** The competitors (named by `nameOf`) and the score book of an event. */
export function resultsInput(book: BookInput, nameOf: (userId: number) => string): { competitors: Competitor[]; scores: ScoreBook } {
  const competitors = book.entries.map((e) => ({
    entryId: e.entryId,
    name: nameOf(e.userId),
    division: e.division,
    powerFactor: e.powerFactor,
    category: e.category,
    dq: e.dq,
  }));
  const scores = new Map<string, Map<number, StageHits>>();
  for (const s of book.scores) {
    const mine = scores.get(s.entryId) ?? new Map<number, StageHits>();
    scores.set(s.entryId, mine.set(s.stageId, s.hits));
  }
  return { competitors, scores };
}

/** A division's name as an element id and URL part: "Production Optics" → "production-optics". */
export function divisionSlug(division: Division): string {
  return division.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
