/**
 * The edge cache's store: `caches.default` with a copy of the hottest pages kept in the isolate's memory for a
 * second. A busy page (the tournament page while thousands wait for the opening second) is then answered
 * without even a Cache API lookup. Safe because the cache key carries the versions (an organiser's change is a
 * different key) and a copy never outlives the stored page's own freshness (`s-maxage`, capped by
 * `cacheUntil`), which it reads from the header the edge cache sets. Bodies are kept as bytes: nothing is
 * shared between requests but plain data (Workers forbid sharing I/O objects across requests).
 */
const HOT_MS = 1_000;
const MAX_BYTES = 8 * 1024 * 1024;

export interface HotCopy {
  body: ArrayBuffer;
  /** The body gzipped once, for the many visitors whose browsers accept it (src/middleware/early-hits.ts). */
  gzipped: ArrayBuffer;
  status: number;
  headers: [string, string][];
  until: number;
}

const copies = new Map<string, HotCopy>();
let bytes = 0;

function drop(url: string): void {
  const copy = copies.get(url);
  if (!copy) return;
  bytes -= copy.body.byteLength + copy.gzipped.byteLength;
  copies.delete(url);
}

function keep(url: string, copy: HotCopy): void {
  drop(url);
  const size = copy.body.byteLength + copy.gzipped.byteLength;
  while (bytes + size > MAX_BYTES && copies.size > 0) drop(copies.keys().next().value!);
  if (size > MAX_BYTES) return;
  copies.set(url, copy);
  bytes += size;
}

function gzip(body: ArrayBuffer): Promise<ArrayBuffer> {
  return new Response(new Response(body).body!.pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
}

function freshForMs(res: Response): number {
  const seconds = /s-maxage=(\d+)/.exec(res.headers.get("Cache-Control") ?? "")?.[1];
  return seconds === undefined ? 0 : Number(seconds) * 1000;
}


export const hotPages = {
  /** A new response of the copy (its headers may be changed). */
  responseOf(copy: HotCopy): Response {
    return new Response(copy.body, { status: copy.status, headers: copy.headers });
  },

  /** The copy this isolate keeps of the page under the key's URL, while it is fresh; no I/O. */
  inMemory(keyUrl: string, now = Date.now()): HotCopy | undefined {
    const hot = copies.get(keyUrl);
    return hot && hot.until > now ? hot : undefined;
  },

  /** The page stored under the key: from memory if this isolate stored or read it within the last second. */
  async match(key: Request, now = Date.now()): Promise<Response | undefined> {
    const hot = copies.get(key.url);
    if (hot && hot.until > now) return hotPages.responseOf(hot);
    if (hot) drop(key.url);
    const stored = await caches.default.match(key);
    if (!stored) return undefined;
    // The stored copy's age is unknown here: keep it for the shorter of a second and its own freshness.
    const body = await stored.arrayBuffer();
    const copy = { body, gzipped: await gzip(body), status: stored.status, headers: [...stored.headers], until: now + Math.min(HOT_MS, freshForMs(stored)) };
    keep(key.url, copy);
    return hotPages.responseOf(copy);
  },

  /** Stores the page in the Cache API and keeps a copy for a second (never past its `s-maxage`). */
  async put(key: Request, res: Response, now = Date.now()): Promise<void> {
    const body = await res.arrayBuffer();
    const copy = { body, gzipped: await gzip(body), status: res.status, headers: [...res.headers], until: now + Math.min(HOT_MS, freshForMs(res)) };
    await caches.default.put(key, hotPages.responseOf(copy));
    keep(key.url, copy);
  },
};
