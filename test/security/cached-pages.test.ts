import { describe, expect, it } from "vitest";
import { signedInUser } from "../helpers/accounts.ts";
import { select } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";

const CACHE = "X-Tenring-Cache";

/** Every script element and event-handler attribute of a page: cached pages may only load scripts by src. */
async function scriptsOf(html: string) {
  const scripts = await select(html, "script");
  const handlers = (await select(html, "*")).flatMap((el) => Object.keys(el.attrs).filter((a) => /^on[a-z]+$/.test(a)));
  return { scripts, handlers };
}

async function cachedPaths() {
  const { stub, events, tournament } = await scoringTournament();
  const event = events[0]!;
  const a = await enter(stub, event, "Ann Cache");
  const b = await enter(stub, event, "Ben Cache");
  await stub.applyShots([shot(a.entry.id, 1, 100), shot(b.entry.id, 1, 99)], OFFICER);
  const slug = tournament.slug;
  return {
    slug,
    event,
    paths: [
      "/",
      `/t/${slug}`,
      `/t/${slug}/live/${event.id}`,
      `/t/${slug}/results`,
      `/t/${slug}/results/${event.id}`,
      `/t/${slug}/live/${event.id}/compare?entries=${a.entry.id},${b.entry.id}`,
    ],
  };
}

/** Issue 10, finding 9: cached pages share no per-request nonce, and their keys ignore unused query parameters. */
describe("cached pages", () => {
  it("give two visitors the same page with no nonce in it and a policy without 'nonce-': scripts from 'self' only", async () => {
    const { paths } = await cachedPaths();
    const [one, two] = [await signedInUser(), await signedInUser()];
    for (const path of paths) {
      const miss = await get(path, { cookie: one.cookie });
      const hit = await get(path, { cookie: two.cookie });
      expect([path, miss.status, hit.headers.get(CACHE)]).toEqual([path, 200, "HIT"]);
      const [first, second] = [await miss.text(), await hit.text()];
      expect(second).toBe(first);
      expect(first).not.toContain("nonce");
      for (const res of [miss, hit]) {
        const csp = res.headers.get("Content-Security-Policy") ?? "";
        expect(csp, path).not.toContain("nonce-");
        expect(csp, path).toContain("script-src 'self';");
        expect(csp, path).not.toContain("unsafe-inline");
      }
      const { scripts, handlers } = await scriptsOf(first);
      expect(scripts.length, path).toBeGreaterThan(0);
      // No inline script and no handler attribute: 'self' would block them, so none may be needed.
      expect(scripts.filter((s) => !s.attrs.src || s.text !== "").map((s) => s.text), path).toEqual([]);
      expect(scripts.every((s) => s.attrs.src!.startsWith("/")), path).toBe(true);
      expect(handlers, path).toEqual([]);
    }
  });

  it("leave uncached pages their per-request nonce", async () => {
    const [a, b] = [await get("/account/sign-in"), await get("/account/sign-in")];
    const nonces = [];
    for (const res of [a, b]) {
      const html = await res.text();
      const nonce = (await select(html, "script[nonce]"))[0]?.attrs.nonce;
      expect(nonce).toMatch(/^[A-Za-z0-9]{16,}$/);
      expect(res.headers.get("Content-Security-Policy")).toContain(`script-src 'nonce-${nonce}'`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("keep one cache entry whatever query parameters the page does not read", async () => {
    const { slug, paths } = await cachedPaths();
    expect((await get(`/t/${slug}`)).headers.get(CACHE)).toBe("MISS");
    expect((await get(`/t/${slug}?utm=1`)).headers.get(CACHE)).toBe("HIT");
    expect((await get(`/t/${slug}?utm_source=x&fbclid=y&utm=2`)).headers.get(CACHE)).toBe("HIT");
    // A parameter the page reads still makes its own entry.
    const compare = paths.at(-1)!;
    expect((await get(compare)).headers.get(CACHE)).toBe("MISS");
    expect((await get(`${compare}&utm=1`)).headers.get(CACHE)).toBe("HIT");
    const [, ids] = /entries=([^&]+)/.exec(compare)!;
    const reversed = compare.replace(ids!, ids!.split(",").reverse().join(","));
    expect((await get(reversed)).headers.get(CACHE)).toBe("MISS");
    // compare.js asks for the sequence number of the message it follows: a copy from before it is not served.
    expect((await get(`${compare}&seq=7`)).headers.get(CACHE)).toBe("MISS");
  });
});
