import { Hono } from "hono";
import { type ApiEnv, resolveCaller } from "../../auth/api-auth.ts";
import { entryRoutes } from "./entries.ts";
import { meRoutes } from "./me.ts";
import { tournamentRoutes } from "./tournaments.ts";

/** JSON API v1, mounted at /api/v1. Every answer is JSON; every error is problem+json. */
export const apiV1Routes = new Hono<ApiEnv>();

apiV1Routes.use("*", resolveCaller);
apiV1Routes.route("/", tournamentRoutes);
apiV1Routes.route("/", entryRoutes);
apiV1Routes.route("/", meRoutes);
