import { ASSET_PATHS } from "../assets.generated.ts";
import type { StyleKit } from "./style-kits.ts";

/**
 * What a page links: each file under its hashed, immutable name (scripts/assets.ts), and one stylesheet kit
 * with only the areas it uses (src/views/style-kits.ts). The kit follows the URL, so no route has to say it; a
 * test checks that every rule that applies to a page, or to the fragments it loads, comes with its kit
 * (test/performance/stylesheets.test.ts).
 */
export function assetUrl(path: string): string {
  return ASSET_PATHS[path] ?? path;
}

/** First match wins. */
const KITS: [RegExp, StyleKit][] = [
  [/^\/admin(\/|$)/, "admin"],
  [/^\/score(\/|$)/, "scoring"],
  [/^\/(account|__mailbox)(\/|$)/, "account"],
  [/^\/me(\/|$)/, "me"],
  [/^\/t\/[^/]+\/(finals\/|live\/[^/]+\/compare$)/, "plots"],
  [/^\/t\/[^/]+\/live(\/|$)/, "live"],
  [/^\/t\/[^/]+\/results(\/|$)/, "results"],
  [/^\/t\/[^/]+\/?$/, "tournament"],
];

export function styleKitFor(path: string): StyleKit {
  return KITS.find(([pattern]) => pattern.test(path))?.[1] ?? "site";
}

export function stylesheetsFor(path: string): string[] {
  return [assetUrl(`/kits/${styleKitFor(path)}.css`)];
}
