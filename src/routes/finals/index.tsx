import { Hono } from "hono";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { findTournament } from "../../middleware/tournament.ts";
import { FinalBoardView, finalFormat } from "../../object/finals/board-view.tsx";
import { TournamentClient } from "../../object-client/client.ts";
import { namesOf } from "../../queries/results/named-standings.ts";
import { FINAL_SCRIPTS, FinalPage } from "../../views/finals/page.tsx";

/** The finals scoreboard of a published tournament and its socket (forwarded to the tournament object). */
export const finalRoutes = new Hono<AppEnv>();

const notFound = () =>
  new Refusal(404, { title: "Final not found", detail: "There is no final at this address, or the tournament is not public yet." });

finalRoutes.get("/t/:slug/finals/:finalId{[1-9][0-9]{0,14}}", async (c) => {
  const tournament = await findTournament(c.get("db"), c.req.param("slug"), { cached: true });
  if (!tournament || tournament.status !== "published") throw notFound();
  const view = await TournamentClient.of(c, tournament.id).call("final", Number(c.req.param("finalId")));
  const d = view ? discipline(view.discipline) : undefined;
  const format = view ? finalFormat(view.formatId) : undefined;
  if (!view || !d || !format) throw notFound();
  const names = await namesOf(c.get("db"), view.finalists.map((f) => f.userId));
  c.header("Cache-Control", "no-store");
  return c.render(
    <FinalPage
      model={{
        tournament,
        final: { id: view.id, eventId: view.eventId, eventTitle: view.eventTitle, formatName: format.name },
        disciplineName: d.name,
        board: <FinalBoardView view={view} d={d} format={format} names={names} />,
      }}
    />,
    { title: `Final: ${view.eventTitle} · ${tournament.title}`, scripts: FINAL_SCRIPTS },
  );
});

finalRoutes.get("/t/:slug/finals/:finalId{[1-9][0-9]{0,14}}/socket", async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    c.header("Upgrade", "websocket");
    return c.text("This address takes a WebSocket connection.", 426);
  }
  const tournament = await findTournament(c.get("db"), c.req.param("slug"), { cached: true });
  if (!tournament || tournament.status !== "published") return c.text("No such final.", 404);
  const res = await TournamentClient.of(c, tournament.id).connect(c.req.raw);
  return new Response(res.body, { status: res.status, headers: res.headers, webSocket: res.webSocket });
});
