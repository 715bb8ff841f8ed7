import { eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../../db/client.ts";
import { events, tournaments } from "../../db/schema.ts";
import { publishedWithSlug } from "../tournament-lookup.ts";
import {
  categoryResults,
  formatFourDecimals,
  formatTwoDecimals,
  matchResults,
  poolOf,
  resultsInput,
  type Category,
  type Division,
  type MatchRow,
} from "../../domain/practical/index.ts";
import type { AppEnv } from "../../env.ts";
import { TournamentClient } from "../../object-client/client.ts";
import type { PracticalBook } from "../../object/contract/index.ts";

export type Names = Map<number, { name: string; club: string }>;

/** Names and clubs of the users, from D1 in one query (ids as one JSON parameter). */
export async function namesOf(db: Db, userIds: readonly number[]): Promise<Names> {
  const ids = [...new Set(userIds)];
  const names: Names = new Map();
  if (ids.length === 0) return names;
  const found = await db.all<{ id: number; name: string; club: string }>(
    sql`SELECT id, name, club FROM users WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  for (const u of found) names.set(u.id, { name: u.name, club: u.club });
  return names;
}

/** A practical event's book from its tournament object (the truth, live) and the competitors' names from D1. */
export async function loadPracticalBook(c: Context<AppEnv>, tournamentId: number, eventId: number): Promise<{ book: PracticalBook; names: Names } | null> {
  const book = await TournamentClient.of(c, tournamentId).call("practicalBook", eventId);
  if (!book) return null;
  return { book, names: await namesOf(c.get("db"), book.entries.map((e) => e.userId)) };
}

/** Match results of a pool (null: overall) with names; a category's re-ranked within it (`categoryResults`). */
export function practicalMatchRows(book: PracticalBook, names: Names, division: Division | null, category: Category | null = null): MatchRow[] {
  const { competitors, scores } = resultsInput(book, (id) => names.get(id)?.name ?? "Competitor");
  return categoryResults(matchResults(book.stages, poolOf(competitors, division), scores), category);
}

const seconds = (hundredths: number) => hundredths / 100;
const fourDecimals = (tenThousandths: number) => Number(formatFourDecimals(tenThousandths));

/** The API's results shape (issue 13): numbers, not strings; a stage not shot has null points, time and hit factor. */
export function practicalResultsJson(book: PracticalBook, rows: MatchRow[]) {
  return rows.map((row) => ({
    rank: row.rank,
    shared: row.shared,
    entry: row.competitor.entryId,
    name: row.competitor.name,
    division: row.competitor.division,
    powerFactor: row.competitor.powerFactor,
    category: row.competitor.category,
    matchPoints: fourDecimals(row.matchPoints),
    percent: Number(formatTwoDecimals(row.percent)),
    dq: row.competitor.dq,
    stages: row.stages.map((s) => ({
      stage: s.stageId,
      points: s.points,
      time: s.hits && s.hitFactor !== null ? seconds(s.hits.timeHundredths) : null,
      hitFactor: s.hitFactor === null ? null : fourDecimals(s.hitFactor),
      stagePoints: fourDecimals(s.stagePoints),
    })),
  }));
}

/** A published tournament's practical event with its book and names; null when any of it is missing or the event is not practical. */
export async function loadPracticalEvent(c: Context<AppEnv>, slug: string, eventId: number) {
  const db = c.get("db");
  const [found, eventRows] = await db.batch([
    db.select({ id: tournaments.id, slug: tournaments.slug, title: tournaments.title }).from(tournaments).where(publishedWithSlug(slug)),
    db
      .select({ id: events.id, tournamentId: events.tournamentId, title: events.title, matchShape: events.matchShape })
      .from(events)
      .where(eq(events.id, eventId)),
  ]);
  const tournament = found[0];
  const event = eventRows[0];
  if (!tournament || !event || event.tournamentId !== tournament.id || event.matchShape !== "practical") return null;
  const loaded = await loadPracticalBook(c, tournament.id, event.id);
  return loaded ? { tournament, event: { id: event.id, title: event.title }, ...loaded } : null;
}
