import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { myEntriesRoutes } from "./my-entries.tsx";
import { placesRoutes } from "./places.tsx";
import { registrationRoutes } from "./registration.tsx";

/**
 * The competitor's side of registration, mounted at the root because it spans prefixes: the panel under
 * /fragments and the forms under /me (personal: each router mounts the session and the CSRF check on
 * them), places left under /t (public, cached, cookie-blind).
 */
export const competitorRoutes = new Hono<AppEnv>();

competitorRoutes.route("/", registrationRoutes);
competitorRoutes.route("/", myEntriesRoutes);
competitorRoutes.route("/", placesRoutes);
