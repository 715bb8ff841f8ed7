import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { relays } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { namesOf } from "../../queries/results/practical.ts";
import { scorers as scorersOf } from "./scoring-access.ts";

/**
 * A practical match's squad as an offline device keeps it (browser/offline, the practical mode of the scoring
 * app): the match's stages with their required hits, the squad's confirmed competitors with division and power
 * factor, and their stage scores so far. Read by the same callers as relay cards.
 */
export const squadCardRoutes = new Hono<AppEnv>();

const scorers = scorersOf("stage scores");

squadCardRoutes.get("/tournaments/:slug/squads/:squadId{[1-9][0-9]{0,14}}/cards", ...scorers, async (c) => {
  const t = c.get("tournament");
  const squadId = Number(c.req.param("squadId"));
  const [squad] = await c
    .get("db")
    .select({ id: relays.id, name: relays.name, eventId: relays.eventId, startsAt: relays.startsAt })
    .from(relays)
    .where(and(eq(relays.id, squadId), eq(relays.tournamentId, t.id)));
  const book = squad ? await TournamentClient.of(c).call("practicalBook", squad.eventId) : null;
  if (!squad || !book) {
    throw new Refusal(404, { title: "Squad not found", detail: "This tournament has no practical squad with this id." });
  }
  const inSquad = book.entries.filter((e) => e.relayId === squad.id);
  const names = await namesOf(c.get("db"), inSquad.map((e) => e.userId));
  const ids = new Set(inSquad.map((e) => e.entryId));
  c.header("Cache-Control", "no-store");
  return c.json({
    slug: t.slug,
    tournamentTitle: t.title,
    event: { id: book.eventId, title: book.title },
    official: book.official,
    squad: { id: squad.id, name: squad.name, startsAt: squad.startsAt },
    stages: book.stages,
    entries: inSquad
      .map((e) => ({ entryId: e.entryId, name: names.get(e.userId)?.name ?? "Competitor", division: e.division, powerFactor: e.powerFactor, dq: e.dq }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    scores: book.scores.filter((s) => ids.has(s.entryId)).map((s) => ({ entryId: s.entryId, stageId: s.stageId, hits: s.hits, confirmed: s.confirmed })),
  });
});
