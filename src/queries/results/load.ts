import { asc, eq, inArray } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../../db/client.ts";
import { events, finals, relays, tournaments } from "../../db/schema.ts";
import type { MatchFacts } from "../../domain/calendar/match-state.ts";
import { addDays, startOfDay } from "../../domain/time/zoned.ts";
import { discipline, type Discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { withNames } from "./named-standings.ts";
import { TournamentClient } from "../../object-client/client.ts";
import type { NamedRow } from "../../object/contract/index.ts";
import type { ResultsStatus } from "../../views/results/results-table.tsx";
import { publishedWithSlug } from "../tournament-lookup.ts";

export interface EventResults {
  tournament: { id: number; slug: string; title: string; timeZone: string; endsOn: string };
  event: { id: number; title: string; resultsStatus: ResultsStatus; finalId: number | null };
  d: Discipline;
  /** The event's live sequence number the rows are at (the scoreboard's socket continues from it). */
  seq: number;
  rows: NamedRow[];
  /** What the event's match state is decided from (src/domain/calendar/match-state.ts). */
  match: MatchFacts;
}

/**
 * A published tournament's event with its standings: tournament and event from D1 in one batch, the
 * standings from the tournament object (the truth, live), names from D1. null when any of it is missing.
 */
export async function loadEventResults(c: Context<AppEnv>, slug: string, eventId: number): Promise<EventResults | null> {
  const db = c.get("db");
  const [found, eventRows, relayRows] = await db.batch([
    db
      .select({ id: tournaments.id, slug: tournaments.slug, title: tournaments.title, timeZone: tournaments.timeZone, endsOn: tournaments.endsOn })
      .from(tournaments)
      .where(publishedWithSlug(slug)),
    db
      .select({
        id: events.id,
        tournamentId: events.tournamentId,
        title: events.title,
        discipline: events.discipline,
        resultsStatus: events.resultsStatus,
        finalId: finals.finalId,
      })
      .from(events)
      .leftJoin(finals, eq(finals.eventId, events.id))
      .where(eq(events.id, eventId)),
    db.select({ startsAt: relays.startsAt }).from(relays).where(eq(relays.eventId, eventId)),
  ]);
  const tournament = found[0];
  const event = eventRows[0];
  const d = event ? discipline(event.discipline) : undefined;
  if (!tournament || !event || event.tournamentId !== tournament.id || !d) return null;
  const standings = await TournamentClient.of(c, tournament.id).call("results", event.id);
  const rows = await withNames(db, standings?.rows ?? []);
  const match: MatchFacts = {
    resultsStatus: event.resultsStatus,
    relayStarts: relayRows.map((r) => r.startsAt),
    endsAt: startOfDay(addDays(tournament.endsOn, 1), tournament.timeZone),
    competitors: rows.length,
    complete: rows.filter((r) => r.complete).length,
    shotsFired: rows.reduce((n, r) => n + r.shotsFired, 0),
  };
  return { tournament, event: { id: event.id, title: event.title, resultsStatus: event.resultsStatus, finalId: event.finalId }, d, seq: standings?.seq ?? 0, rows, match };
}

/** A published tournament and its events in order, for the results index. */
export async function loadResultsIndex(db: Db, slug: string) {
  const tournamentId = db
    .select({ id: tournaments.id })
    .from(tournaments)
    .where(publishedWithSlug(slug));
  const [found, eventRows] = await db.batch([
    db
      .select({ id: tournaments.id, slug: tournaments.slug, title: tournaments.title })
      .from(tournaments)
      .where(publishedWithSlug(slug)),
    db
      .select({ id: events.id, title: events.title, discipline: events.discipline, resultsStatus: events.resultsStatus })
      .from(events)
      .where(inArray(events.tournamentId, tournamentId))
      .orderBy(asc(events.position), asc(events.id)),
  ]);
  const tournament = found[0];
  return tournament ? { tournament, events: eventRows } : null;
}
