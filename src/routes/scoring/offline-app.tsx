import { Hono } from "hono";
import { ASSET_PATHS } from "../../assets.generated.ts";
import type { AppEnv } from "../../env.ts";
import { sha256 } from "../../lib/encoding.ts";
import { contentSecurityPolicy } from "../../middleware/security.ts";
import { HTMX } from "../../views/layout.tsx";
import { assetUrl, stylesheetsFor } from "../../views/page-assets.ts";
import { OfflineApp, SCORE_APP_SCRIPT } from "../../views/scoring/offline-app.tsx";

/**
 * The installable scoring app: its shell (/score/app), web app manifest and service worker (/score/sw.js, scope
 * /score/). None of them reads the session: the shell is the same for everyone, so the worker may keep it.
 */
export const offlineAppRoutes = new Hono<AppEnv>();

export const SHELL_PATH = "/score/app";

/** What the worker precaches: the shell and everything it links, under their hashed names. */
export function precacheList(): string[] {
  return [SHELL_PATH, assetUrl(HTMX), assetUrl("/scripts/app.js"), assetUrl(SCORE_APP_SCRIPT), ...stylesheetsFor(SHELL_PATH), assetUrl("/favicon.svg")];
}

offlineAppRoutes.get("/app", (c) => {
  c.header("Cache-Control", "no-cache");
  return c.render(<OfflineApp />, { title: "Scoring on this device", scripts: [SCORE_APP_SCRIPT], noindex: true });
});

offlineAppRoutes.get("/manifest.webmanifest", (c) => {
  c.header("Content-Type", "application/manifest+json");
  c.header("Cache-Control", "no-cache");
  return c.body(
    JSON.stringify({
      name: "Tenring scoring",
      short_name: "Scoring",
      description: "Enter shots at the range, with or without a connection.",
      start_url: SHELL_PATH,
      scope: "/score/",
      display: "standalone",
      background_color: "#ffffff",
      theme_color: "#1d3b53",
      icons: [{ src: assetUrl("/favicon.svg"), sizes: "any", type: "image/svg+xml" }],
    }),
  );
});

/**
 * The worker: its configuration, then the bundle (hashed, immutable). Its version is the hash of what it
 * precaches, so a deploy that changes any of them makes a new cache. `no-cache`: the browser checks it on
 * every navigation and never keeps a stale one at the edge; its own policy allows only this origin's scripts.
 */
offlineAppRoutes.get("/sw.js", async (c) => {
  const precache = precacheList();
  const bundle = ASSET_PATHS["/bundles/score-sw.js"];
  if (!bundle) throw new Error("the service worker bundle is missing: run node scripts/assets.ts");
  const version = (await sha256(JSON.stringify([precache, bundle]))).slice(0, 12);
  const config = { version, shell: SHELL_PATH, precache };
  c.header("Content-Type", "text/javascript; charset=utf-8");
  c.header("Cache-Control", "no-cache");
  c.header("Service-Worker-Allowed", "/score/");
  c.header("Content-Security-Policy", contentSecurityPolicy(null));
  return c.body(`self.TENRING_SW = ${JSON.stringify(config)};\nimportScripts(${JSON.stringify(bundle)});\n`);
});
