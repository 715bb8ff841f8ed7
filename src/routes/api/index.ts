import { Hono } from "hono";
import { loadUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { csrf } from "../../middleware/csrf.ts";
import { entryRoutes } from "./entries.ts";
import { meRoutes } from "./me.ts";
import { resultRoutes } from "./results.ts";
import { shotRoutes } from "./shots.ts";
import { relayCardRoutes } from "./relay-cards.ts";
import { squadCardRoutes } from "./squad-cards.ts";
import { stageScoreRoutes } from "./stage-scores.ts";
import { tournamentRoutes } from "./tournaments.ts";

/**
 * JSON API v1, mounted at /api/v1. Every answer is JSON; every refusal is problem+json (the app's onError).
 * The session is read from the per-isolate cache (the registration rush); each route names the callers it
 * takes (src/routes/api/callers.ts). Sub-routers attach middleware per route, never with `use("*")`, which
 * would reach every route mounted here.
 */
export const apiV1Routes = new Hono<AppEnv>();

apiV1Routes.use(loadUser({ cached: true }), csrf());
apiV1Routes.route("/", tournamentRoutes);
apiV1Routes.route("/", entryRoutes);
apiV1Routes.route("/", meRoutes);
apiV1Routes.route("/", shotRoutes);
apiV1Routes.route("/", relayCardRoutes);
apiV1Routes.route("/", resultRoutes);
apiV1Routes.route("/", stageScoreRoutes);
apiV1Routes.route("/", squadCardRoutes);
