import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ASSET_PATHS } from "../../src/assets.generated.ts";
import { sheetsOf, type StyleKit } from "../../src/views/style-kits.ts";
import { scoredTournament } from "../helpers/big-tournament.ts";
import { select } from "../helpers/html.ts";
import { get, type Call } from "../helpers/http.ts";
import { pageRequests } from "../helpers/routes.ts";

/**
 * Each stylesheet's selectors, as the sets of classes an element and its ancestors must carry for the rule to
 * apply (`.admin .hint` is {admin, hint}; classes inside `:not()` and `:has()` are left out), by sheet name.
 */
async function selectorClasses(): Promise<Map<string, Set<string>[]>> {
  const sheets = new Map<string, Set<string>[]>();
  for (const from of Object.keys(ASSET_PATHS).filter((p) => p.startsWith("/styles/"))) {
    const css = (await (await env.ASSETS.fetch(`https://tenring.test${from}`)).text()).replace(/\/\*[\s\S]*?\*\//g, "");
    const selectors: Set<string>[] = [];
    for (const [, prelude] of css.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
      if (prelude!.trim().startsWith("@")) continue;
      for (const selector of prelude!.split(",")) {
        const plain = selector.replace(/:(not|has|is|where)\((?:[^()]|\([^()]*\))*\)/g, "");
        const classes = new Set([...plain.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
        if (classes.size > 0) selectors.push(classes);
      }
    }
    sheets.set(/([\w-]+)\.css$/.exec(from)![1]!, selectors);
  }
  return sheets;
}

/** The sheets of each kit file, by its hashed name. */
const SHEETS_OF = new Map(Object.entries(ASSET_PATHS).flatMap(([from, to]) => (from.startsWith("/kits/") ? [[to, sheetsOf(/([\w-]+)\.css$/.exec(from)![1]! as StyleKit)]] : [])));

async function classesOf(html: string): Promise<Set<string>> {
  const found = await select(html, "[class]");
  return new Set(found.flatMap((el) => (el.attrs.class ?? "").split(/\s+/).filter(Boolean)));
}

/** The page's classes and those of the fragments it loads at once (the account corner, the registration panel). */
async function classesWithFragments(html: string, call: Call, signedIn: string): Promise<Set<string>> {
  const classes = await classesOf(html);
  for (const el of await select(html, "[hx-get][hx-trigger]")) {
    if (!/\bload\b/.test(el.attrs["hx-trigger"] ?? "")) continue;
    // Cached pages load the same fragments for visitors and signed-in people: both count.
    for (const cookie of new Set([call.cookie, signedIn])) {
      const res = await get(el.attrs["hx-get"]!, { ...(cookie ? { cookie } : {}), hx: true });
      for (const c of await classesOf(await res.text())) classes.add(c);
    }
  }
  return classes;
}

describe("stylesheets per page", () => {
  const pages: { path: string; loaded: string[]; needed: string[] }[] = [];

  beforeAll(async () => {
    const sheets = await selectorClasses();
    expect(sheets.size).toBe(9);
    const w = await scoredTournament(8);
    for (const { path, url, call } of pageRequests(w)) {
      const res = await get(url, call);
      const html = await res.text();
      if (!html.startsWith("<!doctype html>")) continue;
      const links = await select(html, "link[rel=stylesheet]");
      expect(links, path).toHaveLength(1);
      const loaded: string[] = SHEETS_OF.get(links[0]!.attrs.href ?? "") ?? [];
      const used = await classesWithFragments(html, call, w.competitor.cookie);
      const applies = (classes: Set<string>) => [...classes].every((c) => used.has(c));
      const needed = [...sheets].filter(([, selectors]) => selectors.some(applies)).map(([name]) => name);
      pages.push({ path, loaded, needed });
    }
    console.log(pages.map((p) => `${p.path}\n  loads ${p.loaded.join(" ")}\n  needs ${p.needed.join(" ")}`).join("\n"));
  }, 120_000);

  it("link one hashed stylesheet kit, base and print first", () => {
    expect(pages.length).toBeGreaterThan(25);
    for (const p of pages) expect(p.loaded.slice(0, 2), p.path).toEqual(["base", "print"]);
  });

  it("link every stylesheet that styles a class the page or its fragments use", () => {
    for (const p of pages) expect(p.needed.filter((n) => !p.loaded.includes(n)), p.path).toEqual([]);
  });

  it("give organisers' and range officers' pages only their own areas", () => {
    const admin = pages.filter((p) => /^\/admin\b/.test(p.path));
    const scoring = pages.filter((p) => /^\/score\b/.test(p.path));
    expect(admin.length).toBeGreaterThan(10);
    expect(scoring.length).toBeGreaterThan(1);
    for (const p of admin) expect(p.loaded.filter((s) => s === "scoring" || s === "live"), p.path).toEqual([]);
    for (const p of scoring) expect(p.loaded.filter((s) => s === "admin" || s === "live" || s === "competitor"), p.path).toEqual([]);
  });

  it("leave the admin and scoring sheets out of public pages", () => {
    for (const p of pages.filter((p) => !/^\/(admin|score)\b/.test(p.path))) expect(p.loaded, p.path).not.toContain("admin");
  });
});
