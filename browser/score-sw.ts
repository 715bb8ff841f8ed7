/**
 * The scoring app's service worker, scoped to /score/ (served by the Worker at /score/sw.js, which sets
 * `self.TENRING_SW` with the version and the files to precache, then imports this bundle). The shell, scripts,
 * styles and htmx go into one cache named after the asset hashes; a new deploy installs a new cache and
 * deletes the old ones on activate. Pages under /score/ come from the network, and with no connection from the
 * shell, which scores from IndexedDB. Background Sync sends the operation log with the page closed.
 */
import { syncNow } from "./offline/sync.ts";

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface WorkerScope {
  TENRING_SW: { version: string; shell: string; precache: string[] };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (e: FetchEvent) => void): void;
  addEventListener(type: "sync", listener: (e: SyncEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
const { version, shell, precache } = sw.TENRING_SW;
const PREFIX = "tenring-score-";
const CACHE = `${PREFIX}${version}`;

sw.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(precache.map((url) => new Request(url, { cache: "reload", credentials: "same-origin" })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

async function fromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

/** A /score/ page: the network's answer; with no connection, the shell (it routes by the address itself). */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.open(CACHE).then((c) => c.match(shell));
    return cached ?? new Response("Offline, and the scoring app is not stored on this device yet.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

sw.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  // Hashed files never change under their name: from the cache, filled on first use.
  if (url.pathname.startsWith("/h/") || url.pathname.startsWith("/vendor/")) return event.respondWith(fromCacheFirst(request));
  if (request.mode === "navigate" && url.pathname.startsWith("/score/")) return event.respondWith(page(request));
});

sw.addEventListener("sync", (event) => {
  if (event.tag === "tenring-sync") event.waitUntil(syncNow());
});
