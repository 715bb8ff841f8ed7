import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ASSET_PATHS } from "../../src/assets.generated.ts";
import { sheetsOf, STYLE_KITS, type StyleKit } from "../../src/views/style-kits.ts";
import { scoredTournament } from "../helpers/big-tournament.ts";
import { select } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
/** The scoreboard's first view, everything in: HTML, stylesheets, scripts, icon (gzipped bodies). */
const FIRST_VIEW_LIMIT = 25 * 1024;

function asset(path: string): Promise<Response> {
  return env.ASSETS.fetch(`https://tenring.test${path}`);
}

async function gzipped(body: ArrayBuffer): Promise<number> {
  const stream = new Response(body).body!.pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe("static assets", () => {
  it("the manifest names a copy of each file whose hash is its source's, served as immutable", async () => {
    expect(Object.keys(ASSET_PATHS).length).toBeGreaterThanOrEqual(17 + Object.keys(STYLE_KITS).length);
    for (const [from, to] of Object.entries(ASSET_PATHS)) {
      // Browser code bundled from TypeScript (browser/) has no source under public/: its name hashes the bundle.
      if (from.startsWith("/bundles/")) {
        const copy = await asset(to);
        const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(await copy.clone().text()));
        const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 10);
        expect(to, from).toBe(`/h/${from.slice("/bundles/".length, -".js".length)}.${hash}.js`);
        expect(copy.headers.get("Cache-Control"), to).toBe(IMMUTABLE);
        continue;
      }
      const kit = /^\/kits\/([\w-]+)\.css$/.exec(from)?.[1] as StyleKit | undefined;
      const sources = kit ? sheetsOf(kit).map((sheet) => `/styles/${sheet}.css`) : [from];
      const texts = [];
      for (const file of sources) {
        const source = await asset(file);
        expect(source.status, file).toBe(200);
        texts.push(await source.text());
      }
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(texts.join("\n")));
      const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 10);
      expect(to, from).toMatch(new RegExp(`^/h/[\\w.-]+\\.${hash}\\.(css|js|svg)$`));
      const copy = await asset(to);
      expect(copy.status, to).toBe(200);
      expect(copy.headers.get("Cache-Control"), to).toBe(IMMUTABLE);
      expect((await copy.text()).length, to).toBeGreaterThan(0);
    }
  });

  it.each([60, 200])("the scoreboard's first view of %i competitors is at most 25 KB gzipped all in, and a second view needs nothing but the page", async (competitors) => {
    const w = await scoredTournament(competitors);
    const page = await get(`/t/${w.tournament.slug}/live/${w.event.id}`);
    const html = await page.arrayBuffer();
    const text = new TextDecoder().decode(html);
    const links = [
      ...(await select(text, "link[rel=stylesheet], link[rel=icon]")).map((l) => l.attrs.href!),
      ...(await select(text, "script[src]")).map((s) => s.attrs.src!),
    ];
    const sizes: [string, number][] = [[`HTML (${w.entryIds.length} competitors, 60 shots each)`, await gzipped(html)]];
    for (const href of links) {
      expect(href, "every asset under its hashed name").toMatch(/^\/h\//);
      const res = await asset(href);
      expect(res.status, href).toBe(200);
      // Immutable: a second view takes every one of them from the browser's cache without asking.
      expect(res.headers.get("Cache-Control"), href).toBe(IMMUTABLE);
      sizes.push([href, await gzipped(await res.arrayBuffer())]);
    }
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `Scoreboard first view, gzipped:\n${sizes.map(([what, n]) => `  ${String(n).padStart(6)}  ${what}`).join("\n")}\n  ${String(total).padStart(6)}  total (limit ${FIRST_VIEW_LIMIT})`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_VIEW_LIMIT);
    // Every row of the event is in the page: the figure is the large event's, not a short one's.
    expect((await select(text, "#standings-rows > tr")).length).toBe(competitors);
  }, 60_000);
});
