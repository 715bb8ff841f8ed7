import { Hono } from "hono";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { PickPage } from "../../views/scoring/pick-page.tsx";
import { cacheControl } from "../../middleware/cache-control.ts";
import { staffTournament } from "./access.tsx";
import { loadEventsWithRelays } from "../../queries/scoring/load.ts";
import { relayPageResponse } from "./relay.tsx";
import { shotFormRoutes } from "./shots.tsx";

/** The range officer's pages under /score (loadUser + csrf come from the app): pick a relay, score its competitors. */
export const scoringRoutes = new Hono<AppEnv>();

scoringRoutes.use("*", requireUser, cacheControl("no-store"));

scoringRoutes.get("/t/:slug", async (c) => {
  const tournament = await staffTournament(c);
  if (tournament instanceof Response) return tournament;
  const events = await loadEventsWithRelays(c.get("db"), tournament.id);
  return c.html(<PickPage model={{ tournament, events }} nonce={c.get("nonce")} account={{ user: currentUser(c), csrf: c.get("csrf") }} />);
});

scoringRoutes.get("/t/:slug/relays/:relayId{[1-9][0-9]{0,14}}", async (c) => {
  const tournament = await staffTournament(c);
  if (tournament instanceof Response) return tournament;
  const entryId = c.req.query("entry");
  return relayPageResponse(c, tournament, Number(c.req.param("relayId")), entryId ? { entryId } : null);
});

scoringRoutes.route("/", shotFormRoutes);
