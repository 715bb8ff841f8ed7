import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { loadUser } from "../../auth/session.ts";
import { events, tournaments } from "../../db/schema.ts";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { cacheTags, edgeCache } from "../../middleware/edge-cache.ts";
import { withNames } from "../../queries/results/named-standings.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { tournamentScope } from "../../queries/cache-versions.ts";
import { LiveStandings, rowId } from "../../object/scoreboard/protocol.tsx";
import { SCOREBOARD_SCRIPTS, ScoreboardPage } from "../../views/scoreboard/page.tsx";
import { findTournament } from "../../middleware/tournament.ts";

/**
 * The live scoreboard: a cached snapshot page, its WebSocket (forwarded to the tournament object, the only
 * non-RPC call to it), and the uncached fragment that marks the viewer's own row.
 */
export const liveRoutes = new Hono<AppEnv>();

/** Short: the socket brings a stale snapshot up to date at once, so the page only saves the object work. */
const SCOREBOARD_TTL = 5;

const notFound = () =>
  new Refusal(404, {
    title: "Scoreboard not found",
    detail: "There is no live scoreboard at this address. The event may not exist, or the tournament may not be public yet.",
  });

liveRoutes.get(
  "/t/:slug/live/:eventId{[1-9][0-9]{0,14}}",
  edgeCache({ ttlSeconds: SCOREBOARD_TTL, scopes: (c) => [tournamentScope(c.req.param("slug") ?? "")] }),
  async (c) => {
    const db = c.get("db");
    const eventId = Number(c.req.param("eventId"));
    const [found, eventRows] = await db.batch([
      db
        .select({ id: tournaments.id, slug: tournaments.slug, title: tournaments.title })
        .from(tournaments)
        .where(and(eq(tournaments.slug, c.req.param("slug")), eq(tournaments.status, "published"))),
      db
        .select({ id: events.id, tournamentId: events.tournamentId, title: events.title, discipline: events.discipline })
        .from(events)
        .where(eq(events.id, eventId)),
    ]);
    const tournament = found[0];
    const event = eventRows[0];
    const d = event ? discipline(event.discipline) : undefined;
    if (!tournament || !event || event.tournamentId !== tournament.id || !d) throw notFound();

    const standings = await TournamentClient.of(c, tournament.id).call("results", event.id);
    const rows = await withNames(db, standings?.rows ?? []);
    cacheTags(c, [`tournament-${tournament.id}`]);
    const table = <LiveStandings seq={standings?.seq ?? 0} rows={rows} d={d} title={event.title} />;
    return c.render(
      <ScoreboardPage model={{ tournament, event: { id: event.id, title: event.title }, d, standings: table }} />,
      { title: `${event.title} live · ${tournament.title}`, scripts: SCOREBOARD_SCRIPTS },
    );
  },
);

/** The scoreboard socket. The object checks the event and accepts the socket with the hibernation API. */
liveRoutes.get("/t/:slug/live/:eventId{[1-9][0-9]{0,14}}/socket", async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    c.header("Upgrade", "websocket");
    return c.text("This address takes a WebSocket connection.", 426);
  }
  const tournament = await findTournament(c.get("db"), c.req.param("slug"), { cached: true });
  if (!tournament || tournament.status !== "published") return c.text("No such scoreboard.", 404);
  const res = await TournamentClient.of(c, tournament.id).connect(c.req.raw);
  // A fresh Response: the one from the stub has immutable headers, which the security middleware sets.
  return new Response(res.body, { status: res.status, headers: res.headers, webSocket: res.webSocket });
});

/** The viewer's confirmed entry in the event, as the id of the row to mark; empty for anyone else. */
liveRoutes.get("/fragments/live/:slug/:eventId{[1-9][0-9]{0,14}}", loadUser(), async (c) => {
  c.header("Cache-Control", "private, no-store");
  const user = c.get("user");
  if (!user) return c.body(null, 204);
  const tournament = await findTournament(c.get("db"), c.req.param("slug"), { cached: true });
  if (!tournament) return c.body(null, 204);
  const eventId = Number(c.req.param("eventId"));
  const entries = await TournamentClient.of(c, tournament.id).call("entriesOf", user.id);
  const mine = entries.find((e) => e.eventId === eventId && e.status === "confirmed");
  if (!mine) return c.body(null, 204);
  return c.render(<data id="my-entry" value={rowId(mine.id)}></data>, { title: "", fragment: true });
});
