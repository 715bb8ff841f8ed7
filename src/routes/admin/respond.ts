import type { Context } from "hono";
import type { TournamentFrame } from "../../views/admin/layout.tsx";
import type { AdminEnv } from "./guard.ts";

/** What every tournament admin page needs from the request. */
export function frame(c: Context<AdminEnv>): TournamentFrame {
  return { nonce: c.get("nonce"), csrf: c.get("csrf"), user: c.get("me"), tournament: c.get("tournament"), role: c.get("role") };
}

/** After a change: back to a page (Post/Redirect/Get); htmx follows it as a full navigation. */
export function redirectWith(c: Context, path: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  const target = query ? `${path}?${query}` : path;
  if (c.req.header("HX-Request")) {
    c.header("HX-Redirect", target);
    return c.body(null, 204);
  }
  return c.redirect(target, 303);
}
