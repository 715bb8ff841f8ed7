import { Hono } from "hono";
import { staffSessionBySlug } from "../../auth/staff-session.ts";
import { currentUser, loadUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { csrf } from "../../middleware/csrf.ts";
import { staffTournaments } from "../../queries/account/staff-tournaments.ts";
import { loadEventsWithRelays } from "../../queries/scoring/load.ts";
import { ScoringLanding } from "../../views/scoring/landing.tsx";
import { PickPage } from "../../views/scoring/pick-page.tsx";
import { scoringStaff } from "./access.tsx";
import { relayPageResponse } from "./relay.tsx";
import { practicalSheetRoutes } from "./practical.tsx";
import { shotFormRoutes } from "./shots.tsx";
import { offlineAppRoutes } from "./offline-app.tsx";

/** The range officer's pages under /score: pick a relay, score its competitors. */
export const scoringRoutes = new Hono<AppEnv>();

// The offline app's shell, manifest and worker read no session: mounted before the sign-in check.
scoringRoutes.route("/", offlineAppRoutes);
scoringRoutes.use("/t/:slug/*", staffSessionBySlug);
scoringRoutes.use("*", loadUser(), csrf(), requireUser, cacheControl("no-store"));

// Staff roles come only from accepted invitation links (src/routes/account/invitations): nothing is taken up here.
scoringRoutes.get("/", async (c) => {
  const tournaments = await staffTournaments(c.get("db"), currentUser(c).id);
  return c.render(<ScoringLanding tournaments={tournaments} />, { title: "Scoring", noindex: true });
});

scoringRoutes.get("/t/:slug", ...scoringStaff, async (c) => {
  const tournament = c.get("tournament");
  const events = await loadEventsWithRelays(c.get("db"), tournament.id);
  return c.render(<PickPage model={{ tournament, events }} />, { title: `Scoring · ${tournament.title}`, noindex: true });
});

scoringRoutes.get("/t/:slug/relays/:relayId{[1-9][0-9]{0,14}}", ...scoringStaff, async (c) => {
  const entryId = c.req.query("entry");
  return relayPageResponse(c, Number(c.req.param("relayId")), entryId ? { entryId } : null);
});

scoringRoutes.route("/", shotFormRoutes);
scoringRoutes.route("/", practicalSheetRoutes);
