import { FRESH_VIEWS_COOKIE } from "./fresh-views.ts";
import { hotPages } from "./hot-pages.ts";
import { REQUEST_ID_HEADER } from "../lib/request-id.ts";
import { RequestTiming } from "../lib/request-timing.ts";
import { rememberedCacheVersions } from "../queries/cache-version-memo.ts";
import { requestIdOf } from "./request-log.ts";
import { SECURITY_HEADERS } from "./security.ts";

/**
 * Cache hits answered before the app runs at all. The edge cache notes, for each address it answered, the
 * version scopes and query parameters of its key; the next request for that address, when the isolate's
 * version memo is current and the page's copy is in memory (src/middleware/hot-pages.ts), gets the stored
 * bytes (gzipped once, for the visitors who accept it) with the headers every response carries, without
 * Hono's middleware chain (request log, nonce, D1 binding, renderer, routing) that a hit does not need. Anything else (a stale memo, no copy in memory, the
 * organiser's fresh-views cookie) goes through the app as usual, which refreshes what this path reads.
 */
export const CACHE_STATUS_HEADER = "X-Tenring-Cache";
const MAX_ADDRESSES = 2_000;

interface KeyShape {
  scopes: string[];
  query: readonly string[];
}

const shapes = new Map<string, KeyShape>();

const addressOf = (url: string, htmx: boolean) => (htmx ? `hx ${url}` : url);

/** The cache key of a page: its path, the query parameters it reads (sorted), the versions, and HX-Request. */
export function cacheKeyUrl(requestUrl: string, htmx: boolean, versions: Map<string, number>, query: readonly string[]): string {
  const url = new URL(requestUrl);
  url.hash = "";
  const sent = new URLSearchParams(url.search);
  url.search = "";
  for (const name of [...query].sort()) for (const value of sent.getAll(name)) url.searchParams.append(name, value);
  url.searchParams.append("__v", [...versions].map(([scope, v]) => `${scope}=${v}`).join(";"));
  // Vary: HX-Request, folded into the key because the Cache API does not honour Vary.
  if (htmx) url.searchParams.append("__hx", "1");
  return url.toString();
}

/** Called by the edge cache for every page it answers: how the key of this address is made. */
export function noteKeyShape(requestUrl: string, htmx: boolean, shape: KeyShape): void {
  const address = addressOf(requestUrl, htmx);
  if (shapes.has(address)) return;
  if (shapes.size >= MAX_ADDRESSES) shapes.delete(shapes.keys().next().value!);
  shapes.set(address, shape);
}

/** The hit for this request from memory, with every response's headers; null when the app has to answer. */
export function earlyHit(request: Request, now = Date.now()): Response | null {
  if (request.method !== "GET") return null;
  const htmx = request.headers.get("HX-Request") === "true";
  const shape = shapes.get(addressOf(request.url, htmx));
  if (!shape) return null;
  if (request.headers.get("Cookie")?.includes(`${FRESH_VIEWS_COOKIE}=`)) return null;
  const versions = rememberedCacheVersions(shape.scopes, now);
  if (!versions) return null;
  const copy = hotPages.inMemory(cacheKeyUrl(request.url, htmx, versions, shape.query), now);
  if (!copy) return null;
  const headers = new Headers(copy.headers);
  headers.set(CACHE_STATUS_HEADER, "HIT");
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
  headers.set("Server-Timing", new RequestTiming(now).header(now));
  headers.set(REQUEST_ID_HEADER, requestIdOf(request));
  // Compressed once when the copy was kept, not once per visitor; sent as it is (`encodeBody: "manual"`).
  if (/\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "")) {
    headers.set("Content-Encoding", "gzip");
    return new Response(copy.gzipped, { status: copy.status, headers, encodeBody: "manual" });
  }
  return new Response(copy.body, { status: copy.status, headers });
}
