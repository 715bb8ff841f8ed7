import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { cacheControl } from "../middleware/cache-control.ts";
import { AccountNav } from "../views/account-nav.tsx";

/** Small personal pieces that cached pages load after they arrive. Never cached anywhere. */
export const fragmentRoutes = new Hono<AppEnv>();

fragmentRoutes.use("*", cacheControl("private, no-store"));

fragmentRoutes.get("/account-nav", (c) => c.html(<AccountNav user={(c.get("user") ?? null)} csrf={c.get("csrf")} />));
