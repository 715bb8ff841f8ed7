import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { currentCacheVersions } from "../queries/cache-version-memo.ts";

/**
 * An organiser sees their own change at once, even on another isolate whose version memo is still a second
 * old: a successful admin change sets this short cookie, and while it lives the edge cache reads the versions
 * from D1 instead of the memo. The cookie only chooses where the version number comes from; the page, its
 * cache key and its stored copy are the same for every visitor, and it is never part of a cached response.
 */
export const FRESH_VIEWS_COOKIE = "__Host-tenring_fresh";
const FRESH_VIEWS_SECONDS = 10;

/** Mounted on the admin area: after any successful change (a non-GET answered below 400), set the cookie. */
export const freshViewsAfterChanges = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.res.status >= 400) return;
  setCookie(c, FRESH_VIEWS_COOKIE, "1", { path: "/", secure: true, httpOnly: true, sameSite: "Lax", maxAge: FRESH_VIEWS_SECONDS });
});

/** The cache versions of a cached page's scopes: the isolate's memo, or D1 for an organiser who just changed something. */
export function versionsFor(c: Context<AppEnv>, scopes: string[]): Promise<Map<string, number>> {
  return currentCacheVersions(c.get("db"), scopes, { fresh: getCookie(c, FRESH_VIEWS_COOKIE) !== undefined });
}
