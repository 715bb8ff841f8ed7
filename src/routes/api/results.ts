import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiEnv } from "../../auth/api-auth.ts";
import { events } from "../../db/schema.ts";
import { discipline } from "../../domain/scoring/index.ts";
import { problem } from "../../lib/problem.ts";
import { withNames } from "../../queries/results/named-standings.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { tournamentBySlug } from "../../queries/tournament-lookup.ts";

const eventParam = z.coerce
  .number({ error: "event must be the id (a number) of an event of this tournament." })
  .int({ error: "event must be the id (a number) of an event of this tournament." })
  .positive({ error: "event must be the id (a number) of an event of this tournament." });

export const resultRoutes = new Hono<ApiEnv>();

/**
 * The ranked list of an event of a published tournament, live: `{event, seq, results: [...]}`. Scores are
 * in stored units (tenths for decimal scoring) with display strings beside them; `seq` is the scoreboard's
 * sequence number the list was taken at. Unranked entries (no shot yet) come last with `rank: null`.
 */
resultRoutes.get("/tournaments/:slug/results", async (c) => {
  const param = eventParam.safeParse(c.req.query("event"));
  if (!param.success) {
    const message = param.error.issues[0]?.message ?? "Invalid event.";
    return problem(c, 422, "Which event?", message, { event: message });
  }
  const db = c.get("db");
  const tournament = await tournamentBySlug(db, c.req.param("slug"), { cached: true });
  if (!tournament || tournament.status !== "published") {
    return problem(c, 404, "No such tournament", "There is no published tournament at this address.");
  }
  const event = await db
    .select({ id: events.id, title: events.title, discipline: events.discipline })
    .from(events)
    .where(and(eq(events.id, param.data), eq(events.tournamentId, tournament.id)))
    .get();
  if (!event) return problem(c, 404, "No such event", "This tournament has no event with that id.", { event: "Unknown event." });

  const standings = await tournamentStub(c.env, tournament.id).results(event.id);
  const rows = await withNames(db, standings?.rows ?? []);
  c.header("Cache-Control", "no-store");
  return c.json({
    event: { id: event.id, title: event.title, discipline: event.discipline, scoring: discipline(event.discipline)?.scoring ?? null },
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
