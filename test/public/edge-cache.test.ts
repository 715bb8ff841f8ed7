import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client.ts";
import type { AppEnv } from "../../src/env.ts";
import { edgeCache } from "../../src/middleware/edge-cache.ts";
import { hotPages } from "../../src/middleware/hot-pages.ts";
import { earlyHit } from "../../src/middleware/early-hits.ts";
import { bumpCacheScopes, readCacheVersions, tournamentScope } from "../../src/queries/cache-versions.ts";
import { forgetCacheVersions, VERSION_MEMO_MS } from "../../src/queries/cache-version-memo.ts";
import { FRESH_VIEWS_COOKIE } from "../../src/middleware/fresh-views.ts";
import { logger } from "../../src/lib/log.ts";
import { d1QueriesOf } from "../../src/lib/request-timing.ts";
import { db } from "../helpers/d1.ts";
import { select } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { expectErrorLog } from "../helpers/console.ts";

const CACHE = "X-Tenring-Cache";

function scriptNonces(html: string) {
  return select(html, "script[nonce]").then((found) => [...new Set(found.map((s) => s.attrs.nonce))]);
}

describe("the edge cache on public pages", () => {
  it("misses, then serves the stored copy with the headers that allow the edge to cache it", async () => {
    const { tournament } = await createTournament();
    const path = `/t/${tournament.slug}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get(CACHE)).toBe("MISS");
    expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=0, s-maxage=([1-9]\d*)$/);
    expect(first.headers.get("Vary")).toContain("HX-Request");
    expect(first.headers.get("Cache-Tag")).toBe(`tournament-${tournament.id}`);
    const body = await first.text();

    const second = await get(path);
    expect(second.headers.get(CACHE)).toBe("HIT");
    expect(second.headers.get("Cache-Control")).toBe(first.headers.get("Cache-Control"));
    expect(second.headers.get("Cache-Tag")).toBe(`tournament-${tournament.id}`);
    expect(await second.text()).toBe(body);
  });

  it("stores a page with no nonce and a policy of scripts from 'self', the same for a hit (issue 10, finding 9)", async () => {
    const { tournament } = await createTournament();
    const path = `/t/${tournament.slug}`;
    const miss = await get(path);
    const missNonces = await scriptNonces(await miss.text());
    const hit = await get(path);
    expect(hit.headers.get(CACHE)).toBe("HIT");
    const hitNonces = await scriptNonces(await hit.text());
    // A nonce every visitor shares is no secret: a cached page has none.
    expect(hitNonces).toHaveLength(0);
    expect(hitNonces).toEqual(missNonces);
    const csp = hit.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self';");
    expect(miss.headers.get("Content-Security-Policy")).toBe(csp);
    // The other security headers are still added to a hit.
    expect(hit.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("keeps htmx requests apart from full page loads (Vary: HX-Request)", async () => {
    await get("/");
    expect((await get("/")).headers.get(CACHE)).toBe("HIT");
    const hx = await get("/", { hx: true });
    expect(hx.headers.get(CACHE)).toBe("MISS");
    expect((await get("/", { hx: true })).headers.get(CACHE)).toBe("HIT");
  });

  it("answers a hit without reading D1 (the versions come from the isolate's memo)", async () => {
    const { tournament } = await createTournament();
    const path = `/t/${tournament.slug}`;
    const miss = await get(path);
    expect(miss.headers.get(CACHE)).toBe("MISS");
    expect(d1QueriesOf(miss.headers.get("Server-Timing"))).toBeGreaterThan(0);
    for (const page of [path, path, path]) {
      const hit = await get(page);
      expect(hit.headers.get(CACHE)).toBe("HIT");
      expect(hit.headers.get("Server-Timing")).toMatch(/^app;dur=\d+, d1;dur=0;desc="0 queries", do;dur=0;desc="0 calls"$/);
    }
  });

  it("misses once another isolate's bump is older than the memo, for the scope's pages only", async () => {
    const a = await createTournament();
    const b = await createTournament();
    await get(`/t/${a.tournament.slug}`);
    await get(`/t/${b.tournament.slug}`);
    // A bump made elsewhere (not through this isolate's commit): this isolate serves its memo for a moment.
    await bumpCacheScopes(db, [tournamentScope(a.tournament.slug)]);
    expect((await get(`/t/${a.tournament.slug}`)).headers.get(CACHE)).toBe("HIT");
    await scheduler.wait(VERSION_MEMO_MS + 50);
    expect((await get(`/t/${a.tournament.slug}`)).headers.get(CACHE)).toBe("MISS");
    expect((await get(`/t/${b.tournament.slug}`)).headers.get(CACHE)).toBe("HIT");
  });

  it("shows a visitor carrying the fresh-views cookie (an organiser who just saved) the new version at once, as the same page", async () => {
    const { tournament } = await createTournament();
    const path = `/t/${tournament.slug}`;
    await get(path);
    await bumpCacheScopes(db, [tournamentScope(tournament.slug)]);
    const organiser = await get(path, { cookie: `${FRESH_VIEWS_COOKIE}=1` });
    expect(organiser.headers.get(CACHE)).toBe("MISS");
    expect(organiser.headers.get("Set-Cookie")).toBeNull();
    // The copy it stored is the one everybody gets once their memo has caught up: no cookie in it.
    forgetCacheVersions([tournamentScope(tournament.slug)]);
    const visitor = await get(path);
    expect(visitor.headers.get(CACHE)).toBe("HIT");
    expect(await visitor.text()).toBe(await organiser.text());
  });

  it("bumps versions with an upsert, starting unknown scopes at 1", async () => {
    const scope = tournamentScope("never-seen");
    expect((await readCacheVersions(db, [scope])).get(scope)).toBe(0);
    await db.batch([bumpCacheScopes(db, [scope, "home"])]);
    const before = (await readCacheVersions(db, ["home"])).get("home")!;
    await bumpCacheScopes(db, [scope, "home", scope]);
    const after = await readCacheVersions(db, [scope, "home"]);
    expect(after.get(scope)).toBe(2);
    expect(after.get("home")).toBe(before + 1);
  });

  it("stores a page no longer than until its content changes by itself (registration opening)", async () => {
    const { tournament } = await createTournament({ registrationOpensAt: Date.now() + 20_000 });
    const res = await get(`/t/${tournament.slug}`);
    const ttl = Number(/s-maxage=(\d+)/.exec(res.headers.get("Cache-Control") ?? "")?.[1]);
    expect(ttl).toBeGreaterThanOrEqual(1);
    expect(ttl).toBeLessThanOrEqual(20);
  });

  it("refuses to store a response that sets a cookie, and marks it private", async () => {
    const errors = expectErrorLog(/^edge cache: a public page set a cookie; not cached requestId=test .*path=\/cookie-page/);
    const app = new Hono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("db", openDb(env.DB));
      c.set("nonce", "test-nonce");
      c.set("log", logger({ requestId: "test" }));
      await next();
    });
    let renders = 0;
    app.get("/cookie-page", edgeCache({ ttlSeconds: 60, scopes: () => ["cookie-test"] }), (c) => {
      renders++;
      c.header("Set-Cookie", "who=someone; Path=/");
      return c.html("<p>hello</p>");
    });
    const url = "https://tenring.test/cookie-page";
    const first = await app.request(url, {}, env);
    const second = await app.request(url, {}, env);
    expect(renders).toBe(2);
    expect(second.headers.get(CACHE)).toBe("MISS");
    expect(first.headers.get("Cache-Control")).toBe("private, no-store");
    errors.check();
  });
});

describe("hits before the app, and one render for concurrent misses", () => {
  it("answers a page this isolate holds in memory before the app runs, with every response's headers", async () => {
    const { tournament } = await createTournament();
    const url = `https://tenring.test/t/${tournament.slug}`;
    expect(earlyHit(new Request(url))).toBeNull();
    const miss = await get(`/t/${tournament.slug}`);
    expect(miss.headers.get(CACHE)).toBe("MISS");
    const early = earlyHit(new Request(url, { headers: { "cf-ray": "early-1" } }));
    expect(early?.headers.get(CACHE)).toBe("HIT");
    expect(await early?.text()).toBe(await miss.text());
    for (const name of ["Content-Security-Policy", "Cache-Control", "Cache-Tag", "Vary", "X-Content-Type-Options", "Strict-Transport-Security"]) {
      expect(early?.headers.get(name), name).toBe(miss.headers.get(name));
    }
    expect(early?.headers.get("X-Request-Id")).toBe("early-1");
    expect(d1QueriesOf(early?.headers.get("Server-Timing") ?? null)).toBe(0);
    // Not for the organiser who just saved (their versions come from D1), nor for a request htmx makes.
    expect(earlyHit(new Request(url, { headers: { Cookie: `${FRESH_VIEWS_COOKIE}=1` } }))).toBeNull();
    expect(earlyHit(new Request(url, { headers: { "HX-Request": "true" } }))).toBeNull();
    expect(earlyHit(new Request(url, { method: "HEAD" }))).toBeNull();
  });

  it("sends the copy gzipped once to visitors who accept it, the same page when unpacked", async () => {
    const { tournament } = await createTournament();
    const url = `https://tenring.test/t/${tournament.slug}`;
    const page = await (await get(`/t/${tournament.slug}`)).text();
    const early = earlyHit(new Request(url, { headers: { "Accept-Encoding": "br, gzip" } }))!;
    expect(early.headers.get("Content-Encoding")).toBe("gzip");
    expect(early.headers.get("Vary")).toContain("Accept-Encoding");
    const packed = await early.arrayBuffer();
    expect(packed.byteLength).toBeLessThan(new TextEncoder().encode(page).byteLength / 2);
    const unpacked = await new Response(new Response(packed).body!.pipeThrough(new DecompressionStream("gzip"))).text();
    expect(unpacked).toBe(page);
  });

  it("renders a page once for many requests that miss it at the same moment", async () => {
    const app = new Hono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("db", openDb(env.DB));
      c.set("log", logger({ requestId: "test" }));
      await next();
    });
    let renders = 0;
    const scope = `collapse-${Date.now()}`;
    app.get("/busy-page", edgeCache({ ttlSeconds: 60, scopes: () => [scope] }), async (c) => {
      renders++;
      await scheduler.wait(100);
      return c.html(`<p>render ${renders}</p>`);
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.request("https://tenring.test/busy-page", {}, env)));
    expect(renders).toBe(1);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(await Promise.all(answers.map((a) => a.text())))).toEqual(new Set(["<p>render 1</p>"]));
    expect(answers.filter((a) => a.headers.get(CACHE) === "MISS")).toHaveLength(1);
  });
});

describe("the in-isolate copy of hot pages", () => {
  it("answers from memory within a second and never past the stored page's s-maxage", async () => {
    const key = new Request(`https://tenring.test/hot-${Date.now()}`);
    const page = () => new Response("<p>v1</p>", { headers: { "Cache-Control": "public, max-age=0, s-maxage=60", "Content-Type": "text/html" } });
    const now = Date.now();
    await hotPages.put(key, page(), now);
    // Gone from the Cache API, still answered from memory within the second, with the same headers.
    await caches.default.delete(key);
    const hot = await hotPages.match(key, now + 500);
    expect(await hot?.text()).toBe("<p>v1</p>");
    expect(hot?.headers.get("Content-Type")).toBe("text/html");
    expect(await hotPages.match(key, now + 1_001)).toBeUndefined();

    const brief = new Request(`https://tenring.test/brief-${Date.now()}`);
    await hotPages.put(brief, new Response("x", { headers: { "Cache-Control": "public, max-age=0, s-maxage=0" } }), now);
    await caches.default.delete(brief);
    expect(await hotPages.match(brief, now)).toBeUndefined();
  });
});
