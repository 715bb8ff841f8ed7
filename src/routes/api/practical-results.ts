import type { Context } from "hono";
import { CATEGORIES, type Category, isCategory, isDivision } from "../../domain/practical/rulebook.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { loadPracticalBook, practicalMatchRows, practicalResultsJson } from "../../queries/results/practical.ts";

/**
 * A practical event's match results, live from the tournament object: overall, or within `division` (stage
 * points relative to the division's best), and within `category` (ranks and percent among the category). `{"event", "division", "seq", "results": [...]}`, ordered by rank.
 */
export async function practicalResults(
  c: Context<AppEnv>,
  tournamentId: number,
  event: { id: number; title: string; discipline: string },
  division: string | undefined,
  category: string | undefined,
) {
  const loaded = await loadPracticalBook(c, tournamentId, event.id);
  if (!loaded) throw new Refusal(503, { title: "Results not ready", detail: "The match is being set up; try again in a moment." });
  const { book, names } = loaded;
  let pool = null;
  if (division !== undefined) {
    if (!isDivision(division) || !book.divisions.includes(division)) {
      const message = `division must be one this match offers: ${book.divisions.join(", ")}.`;
      throw new Refusal(422, { title: "Which division?", detail: message, errors: { division: message } });
    }
    pool = division;
  }
  let within: Category | null = null;
  if (category !== undefined) {
    if (!isCategory(category)) {
      const message = `category must be one of ${CATEGORIES.join(", ")}.`;
      throw new Refusal(422, { title: "Which category?", detail: message, errors: { category: message } });
    }
    within = category;
  }
  c.header("Cache-Control", "no-store");
  return c.json({
    event: { id: event.id, title: event.title, discipline: event.discipline, matchShape: "practical", official: book.official },
    division: pool,
    category: within,
    seq: book.seq,
    results: practicalResultsJson(book, practicalMatchRows(book, names, pool, within)),
  });
}
