import { and, asc, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { currentUser, loadUser, requireUser } from "../../auth/session.ts";
import { entries, events, tournaments } from "../../db/schema.ts";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import type { EventStandings, ShotPosition } from "../../object/contract/index.ts";
import { csrf } from "../../middleware/csrf.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { type MyResult, MyResultsPage, type MyTournamentResults } from "../../views/results/my-results-page.tsx";

/** Most entries one page lists (each distinct event costs one standings read from its tournament object). */
const MAX_ENTRIES = 40;

/** The signed-in competitor's own results (/me/results): uncached, personal. */
export const myResultsRoutes = new Hono<AppEnv>();

myResultsRoutes.get("/me/results", loadUser(), csrf(), requireUser, async (c) => {
  const user = currentUser(c);
  const rows = await c
    .get("db")
    .select({
      entryId: entries.id,
      tournamentId: tournaments.id,
      slug: tournaments.slug,
      title: tournaments.title,
      startsOn: tournaments.startsOn,
      endsOn: tournaments.endsOn,
      eventId: events.id,
      eventTitle: events.title,
      discipline: events.discipline,
      resultsStatus: events.resultsStatus,
    })
    .from(entries)
    .innerJoin(tournaments, eq(tournaments.id, entries.tournamentId))
    .innerJoin(events, eq(events.id, entries.eventId))
    .where(and(eq(entries.userId, user.id), eq(entries.status, "confirmed"), eq(tournaments.status, "published")))
    .orderBy(desc(tournaments.startsOn), asc(tournaments.id), asc(events.position), asc(events.id))
    .limit(MAX_ENTRIES);

  // One read per event, all at once; an object that fails leaves its events without scores, not the page.
  const standings = new Map<number, EventStandings | null>();
  await Promise.all(
    [...new Map(rows.map((r) => [r.eventId, r.tournamentId]))].map(async ([eventId, tournamentId]) => {
      const found = await TournamentClient.of(c, tournamentId)
        .call("results", eventId)
        .catch((err: unknown) => {
          c.get("log").error("my results: standings unavailable", err, { eventId });
          return null;
        });
      standings.set(eventId, found);
    }),
  );

  // Where the shots landed, one read per tournament (an object that fails leaves the plots out, not the page).
  const positions = new Map<string, ShotPosition[]>();
  await Promise.all(
    [...new Set(rows.map((r) => r.tournamentId))].map(async (tournamentId) => {
      const ids = rows.filter((r) => r.tournamentId === tournamentId).map((r) => r.entryId);
      const found = await TournamentClient.of(c, tournamentId)
        .call("shotPositions", ids)
        .catch((err: unknown) => {
          c.get("log").error("my results: shot positions unavailable", err, { tournamentId });
          return {} as Record<string, ShotPosition[]>;
        });
      for (const [entryId, shots] of Object.entries(found)) positions.set(entryId, shots);
    }),
  );

  const groups: MyTournamentResults[] = [];
  for (const r of rows) {
    const d = discipline(r.discipline);
    if (!d) continue;
    let group = groups.at(-1);
    if (group?.tournament.slug !== r.slug) {
      group = { tournament: { slug: r.slug, title: r.title, startsOn: r.startsOn, endsOn: r.endsOn }, results: [] };
      groups.push(group);
    }
    const eventRows = standings.get(r.eventId)?.rows ?? [];
    const result: MyResult = {
      entryId: r.entryId,
      event: { id: r.eventId, title: r.eventTitle, resultsStatus: r.resultsStatus },
      d,
      row: eventRows.find((row) => row.entryId === r.entryId) ?? null,
      ranked: eventRows.filter((row) => row.rank !== null).length,
      positions: positions.get(r.entryId) ?? [],
    };
    group.results.push(result);
  }
  c.header("Cache-Control", "private, no-store");
  return c.render(<MyResultsPage groups={groups} />, { title: "My results", noindex: true });
});
