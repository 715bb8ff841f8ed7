import { Hono } from "hono";
import { loadUser } from "../auth/session.ts";
import type { AppEnv } from "../env.ts";
import { cacheControl } from "../middleware/cache-control.ts";
import { csrf } from "../middleware/csrf.ts";
import { AccountCorner } from "../views/layout.tsx";

/** Small personal pieces that cached pages load after they arrive. Never cached anywhere. */
export const fragmentRoutes = new Hono<AppEnv>();

fragmentRoutes.use("*", cacheControl("private, no-store"));

// The sign-out form in the corner carries the session's CSRF token.
fragmentRoutes.get("/account-nav", loadUser(), csrf(), (c) =>
  c.render(<AccountCorner user={c.get("user") ?? null} db={c.get("db")} csrf={c.get("csrf")} log={c.get("log")} />, { title: "", fragment: true }),
);
