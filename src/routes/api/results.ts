import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { events, finals } from "../../db/schema.ts";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { tournamentBySlug } from "../../middleware/tournament.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { withNames } from "../../queries/results/named-standings.ts";
import { practicalResults } from "./practical-results.ts";

const EVENT_MESSAGE = "event must be the id (a number) of an event of this tournament.";
const eventParam = z.coerce.number({ error: EVENT_MESSAGE }).int({ error: EVENT_MESSAGE }).positive({ error: EVENT_MESSAGE });

/** `?event=` for `c.req.valid("query")`; 422 naming it otherwise. */
const eventQuery = validator("query", (query) => {
  const parsed = eventParam.safeParse(query.event);
  if (parsed.success) return { event: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "Invalid event.";
  throw new Refusal(422, { title: "Which event?", detail: message, errors: { event: message } });
});

export const resultRoutes = new Hono<AppEnv>();

/**
 * The ranked list of an event of a published tournament, live: `{event, seq, results: [...]}`. Scores are
 * in stored units (tenths for decimal scoring) with display strings beside them; `seq` is the scoreboard's
 * sequence number the list was taken at. Unranked entries (no shot yet) come last with `rank: null`.
 * Public: no caller is resolved.
 */
resultRoutes.get("/tournaments/:slug/results", eventQuery, tournamentBySlug({ published: true, cached: true }), async (c) => {
  const db = c.get("db");
  const tournament = c.get("tournament");
  const event = await db
    .select({ id: events.id, title: events.title, discipline: events.discipline, matchShape: events.matchShape, finalId: finals.finalId })
    .from(events)
    .leftJoin(finals, eq(finals.eventId, events.id))
    .where(and(eq(events.id, c.req.valid("query").event), eq(events.tournamentId, tournament.id)))
    .get();
  if (!event) {
    throw new Refusal(404, { title: "No such event", detail: "This tournament has no event with that id.", errors: { event: "Unknown event." } });
  }

  if (event.matchShape === "practical") return practicalResults(c, tournament.id, event, c.req.query("division"), c.req.query("category"));
  const standings = await TournamentClient.of(c).call("results", event.id);
  const rows = await withNames(db, standings?.rows ?? []);
  c.header("Cache-Control", "no-store");
  return c.json({
    event: { id: event.id, title: event.title, discipline: event.discipline, scoring: discipline(event.discipline)?.scoring ?? null },
    // The event's final, once an organiser made it: its scoreboard's address.
    final: event.finalId === null ? null : { id: event.finalId, url: `/t/${tournament.slug}/finals/${event.finalId}` },
    seq: standings?.seq ?? 0,
    results: rows.map((r) => ({
      rank: r.rank,
      rankLabel: r.rankLabel,
      shared: r.shared,
      entry: r.entryId,
      name: r.name,
      club: r.club,
      series: r.series,
      total: r.total,
      innerTens: r.innerTens,
      shotsFired: r.shotsFired,
      display: { total: r.display.total, series: r.display.series, average: r.display.average },
    })),
  });
});
