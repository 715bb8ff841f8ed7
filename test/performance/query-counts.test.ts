import { beforeAll, describe, expect, it } from "vitest";
import { d1QueriesOf } from "../../src/lib/request-timing.ts";
import { forgetCacheVersions } from "../../src/queries/cache-version-memo.ts";
import { bumpCacheScopes, scopesForTournament } from "../../src/queries/cache-versions.ts";
import { scoredTournament } from "../helpers/big-tournament.ts";
import { db } from "../helpers/d1.ts";
import { get } from "../helpers/http.ts";
import { pageRequests } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof scoredTournament>>;


/** Most D1 round trips any page may make (a batch is one), whatever the tournament's size. */
const MAX_QUERIES = 3;

/** D1 round trips of every page, each a cache miss with a cold version memo (the most a page costs). */
async function queryCounts(w: World): Promise<Map<string, { status: number; queries: number | null }>> {
  const counts = new Map<string, { status: number; queries: number | null }>();
  const scopes = scopesForTournament(w.tournament.slug);
  for (const { path, url, call } of pageRequests(w)) {
    await bumpCacheScopes(db, scopes);
    forgetCacheVersions(scopes);
    const res = await get(url, call);
    await res.arrayBuffer();
    counts.set(path, { status: res.status, queries: d1QueriesOf(res.headers.get("Server-Timing")) });
  }
  return counts;
}

describe("D1 round trips per page", () => {
  let small: Map<string, { status: number; queries: number | null }>;
  let large: Map<string, { status: number; queries: number | null }>;

  beforeAll(async () => {
    small = await queryCounts(await scoredTournament(8));
    large = await queryCounts(await scoredTournament(500));
    console.log(
      "D1 queries per page (8 entries / 500 entries of 60 shots):\n" +
        [...large].map(([path, l]) => `  ${String(small.get(path)?.queries).padStart(2)} / ${String(l.queries).padStart(2)}  ${l.status}  GET ${path}`).join("\n"),
    );
  }, 300_000);

  it("renders every page for a small and a 500-entry scored tournament", () => {
    expect(small.size).toBeGreaterThan(30);
    for (const [path, l] of large) {
      expect(l.status, path).toBe(200);
      expect(small.get(path)?.status, path).toBe(200);
    }
  });

  it(`makes at most ${MAX_QUERIES} D1 round trips on every page, the same for both sizes (no query per row)`, () => {
    for (const [path, l] of large) {
      expect(l.queries, path).not.toBeNull();
      expect(l.queries!, path).toBeLessThanOrEqual(MAX_QUERIES);
      expect(small.get(path)?.queries, path).toBe(l.queries);
    }
  });
});
