import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { cacheTags, cacheUntil, edgeCache } from "../../middleware/edge-cache.ts";
import { HOME_SCOPE, tournamentScope } from "../../queries/cache-versions.ts";
import { loadHome } from "../../queries/public/home.ts";
import { loadTournamentPage } from "../../queries/public/tournament-page.ts";
import { nextPhaseChange, tournamentPhase } from "../../domain/calendar/phase.ts";
import { HomePage } from "../../views/public/home.tsx";
import { TournamentPage } from "../../views/public/tournament.tsx";
import { COUNTDOWN_SCRIPT } from "../../views/components/time.tsx";

/**
 * Cached, cookie-blind pages: the same bytes for every visitor. Anything personal loads from /fragments.
 * Places left may trail by the TTL; the registration fragment shows live figures.
 */
export const publicRoutes = new Hono<AppEnv>();

const HOME_TTL = 60;
const TOURNAMENT_TTL = 60;

publicRoutes.get("/", edgeCache({ ttlSeconds: HOME_TTL, scopes: () => [HOME_SCOPE] }), async (c) => {
  const now = Date.now();
  const model = await loadHome(c.get("db"), now);
  cacheUntil(c, model.nextChange);
  cacheTags(c, ["home"]);
  return c.render(<HomePage model={model} now={now} />, { title: "Tenring", scripts: [COUNTDOWN_SCRIPT] });
});

publicRoutes.get(
  "/t/:slug",
  edgeCache({ ttlSeconds: TOURNAMENT_TTL, scopes: (c) => [tournamentScope(c.req.param("slug") ?? "")] }),
  async (c) => {
    const now = Date.now();
    const model = await loadTournamentPage(c.get("db"), c.req.param("slug"));
    if (!model) {
      throw new Refusal(404, {
        title: "Tournament not found",
        detail: "There is no published tournament at this address. It may not be public yet, or the link may be mistyped.",
      });
    }
    cacheUntil(c, nextPhaseChange(model.tournament, now));
    cacheTags(c, [`tournament-${model.tournament.id}`]);
    const phase = tournamentPhase(model.tournament, now);
    return c.render(<TournamentPage model={model} phase={phase} now={now} />, { title: model.tournament.title, scripts: [COUNTDOWN_SCRIPT] });
  },
);
