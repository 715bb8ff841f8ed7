import { Hono } from "hono";
import { loadUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { cacheTags, cacheUntil, edgeCache } from "../../middleware/edge-cache.ts";
import { matchLabel, matchState, nextMatchChange } from "../../domain/calendar/match-state.ts";
import { loadEventResults } from "../../queries/results/load.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { tournamentScope } from "../../queries/cache-versions.ts";
import { LiveStandings, rowId } from "../../object/scoreboard/protocol.tsx";
import { SCOREBOARD_SCRIPTS, ScoreboardPage } from "../../views/scoreboard/page.tsx";
import { findTournament } from "../../middleware/tournament.ts";
import { practicalPage } from "../results/practical.tsx";

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
    const found = await loadEventResults(c, c.req.param("slug"), Number(c.req.param("eventId")));
    if (!found) return (await practicalPage(c, c.req.param("slug"), Number(c.req.param("eventId")), true)) ?? Promise.reject(notFound());
    const { tournament, event, d, seq, rows, match } = found;
    const now = Date.now();
    // The state line is part of the cached copy: it must not outlive the next change of state.
    cacheUntil(c, nextMatchChange(match, now));
    cacheTags(c, [`tournament-${tournament.id}`]);
    const state = matchState(match, now);
    const status = { kind: state.kind, label: matchLabel(state, tournament.timeZone) };
    const table = <LiveStandings seq={seq} rows={rows} d={d} title={event.title} />;
    return c.render(
      <ScoreboardPage model={{ tournament, event: { id: event.id, title: event.title, finalId: event.finalId }, d, standings: table, status }} />,
      { title: `${event.title} live · ${tournament.title}`, scripts: SCOREBOARD_SCRIPTS, htmx: false },
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
