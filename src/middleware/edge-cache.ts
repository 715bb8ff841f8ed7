import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { versionsFor } from "./fresh-views.ts";
import { CACHE_STATUS_HEADER, cacheKeyUrl, noteKeyShape } from "./early-hits.ts";
import { hotPages } from "./hot-pages.ts";
import { contentSecurityPolicy } from "./security.ts";

/**
 * Edge cache for public pages, through the Cache API (`caches.default`), which runs the same in workerd
 * locally, in tests and in production, so the behaviour is testable here. The Cache API is per data centre
 * and cannot be purged globally from a Worker: the key therefore carries a version per scope, and a change
 * bumps the version (see bumpCacheScopes). Versions come from the isolate's short memo, so a hit reads no
 * database (src/queries/cache-version-memo.ts, src/middleware/fresh-views.ts).
 * `Cache-Tag` is set for a zone-level purge when deployed behind a zone cache. The Cache API is a no-op on
 * workers.dev: there pages are simply rendered each time, still correct.
 */
export interface EdgeCacheOptions {
  /** Longest time a data centre may serve a stored copy. */
  ttlSeconds: number;
  /** Version scopes the page depends on, e.g. `["home"]` or `["tournament:<slug>"]`. */
  scopes: (c: Context<AppEnv>) => string[];
  /**
   * The query parameters the page reads; any other (`?utm_source=...`) is left out of the key, so it makes
   * no new entry.
   */
  query?: readonly string[];
}

const freshUntil = new WeakMap<Request, number>();

/** Caps the stored copy's life at an instant the page's content changes by itself (a registration opening). */
export function cacheUntil(c: Context, epoch: number | null): void {
  if (epoch === null) return;
  const current = freshUntil.get(c.req.raw);
  if (current === undefined || epoch < current) freshUntil.set(c.req.raw, epoch);
}

/** Tags for a zone purge (`Cache-Tag: tournament-12,home`). */
export function cacheTags(c: Context, tags: string[]): void {
  c.header("Cache-Tag", tags.join(","));
}

/** Concurrent misses of one key in this isolate: the first renders, the others wait for its copy (bounded). */
const rendering = new Map<string, number>();
const COLLAPSE_MS = 2_000;
const COLLAPSE_POLL_MS = 5;

/** The copy another request of this isolate rendered or is rendering now (waited for); undefined if none. */
async function renderedMeanwhile(keyUrl: string): Promise<Response | undefined> {
  const since = rendering.get(keyUrl);
  // Polled with this request's own timer: a request may not await another request's I/O.
  if (since !== undefined) {
    while (rendering.get(keyUrl) === since && Date.now() - since < COLLAPSE_MS) await scheduler.wait(COLLAPSE_POLL_MS);
  }
  const copy = hotPages.inMemory(keyUrl);
  return copy && hotPages.responseOf(copy);
}

export function edgeCache(options: EdgeCacheOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const scopes = options.scopes(c);
    const query = options.query ?? [];
    const htmx = c.req.header("HX-Request") === "true";
    noteKeyShape(c.req.url, htmx, { scopes, query });
    const versions = await versionsFor(c, scopes);
    const key = new Request(cacheKeyUrl(c.req.url, htmx, versions, query), { method: "GET" });

    const stored = (await hotPages.match(key)) ?? (await renderedMeanwhile(key.url));
    if (stored) {
      stored.headers.set(CACHE_STATUS_HEADER, "HIT");
      return stored;
    }
    // Nothing awaited since the last look, so no other request of this isolate has started rendering meanwhile.
    rendering.set(key.url, Date.now());
    try {
      await renderAndStore(c, next, key, options.ttlSeconds);
    } finally {
      rendering.delete(key.url);
    }
  });
}

async function renderAndStore(c: Context<AppEnv>, next: Next, key: Request, ttlSeconds: number): Promise<void> {
  // The page is rendered for everyone: no per-request nonce in its HTML or its policy, stored or not.
  c.set("nonce", "");
  await next();
  const res = c.res;
  res.headers.set("Content-Security-Policy", contentSecurityPolicy(null));
  res.headers.set(CACHE_STATUS_HEADER, "MISS");
  res.headers.append("Vary", "HX-Request, Accept-Encoding");
  if (res.status !== 200) return;
  if (res.headers.has("Set-Cookie")) {
    // A public page must never carry a cookie; better uncached than one visitor's cookie served to all.
    c.get("log").error("edge cache: a public page set a cookie; not cached", undefined, { path: c.req.path });
    res.headers.set("Cache-Control", "private, no-store");
    return;
  }
  const now = Date.now();
  const until = freshUntil.get(c.req.raw);
  const ttl = until === undefined ? ttlSeconds : Math.max(1, Math.min(ttlSeconds, Math.ceil((until - now) / 1000)));
  res.headers.set("Cache-Control", `public, max-age=0, s-maxage=${ttl}`);
  // Stored before answering, so the next request is a hit; a cache failure costs a render, never the page.
  try {
    await hotPages.put(key, res.clone());
  } catch (error) {
    c.get("log").error("edge cache: could not store the page", error);
  }
}
