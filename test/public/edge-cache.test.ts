import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client.ts";
import type { AppEnv } from "../../src/env.ts";
import { edgeCache } from "../../src/middleware/edge-cache.ts";
import { bumpCacheScopes, readCacheVersions, tournamentScope } from "../../src/queries/cache-versions.ts";
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

  it("misses after a scope's version is bumped, for the scope's pages only", async () => {
    const a = await createTournament();
    const b = await createTournament();
    await get(`/t/${a.tournament.slug}`);
    await get(`/t/${b.tournament.slug}`);
    await bumpCacheScopes(db, [tournamentScope(a.tournament.slug)]);
    expect((await get(`/t/${a.tournament.slug}`)).headers.get(CACHE)).toBe("MISS");
    expect((await get(`/t/${b.tournament.slug}`)).headers.get(CACHE)).toBe("HIT");
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
    const errors = expectErrorLog(/^edge cache: \/cookie-page set a cookie; not cached$/);
    const app = new Hono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("db", openDb(env.DB));
      c.set("nonce", "test-nonce");
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
