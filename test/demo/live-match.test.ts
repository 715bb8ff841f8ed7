import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tournaments, users } from "../../src/db/schema.ts";
import { LIVE_DEMO_SLUG, RANGE_OFFICER } from "../../src/seed/plan.ts";
import { runLiveMatch } from "../../scripts/live-match.ts";
import { tokenFor } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { clientOf } from "../helpers/object.ts";
import { ORIGIN } from "../helpers/http.ts";
import { seed, SEED_TOKEN } from "../helpers/seed.ts";

describe("npm run demo:live", () => {
  it("scores the relay under way through the API, one shot per firing point a round, and stops when told", async () => {
    expect((await seed(SEED_TOKEN)).status).toBe(200);
    const [officer] = await db.select().from(users).where(eq(users.email, RANGE_OFFICER.email));
    const [tournament] = await db.select().from(tournaments).where(eq(tournaments.slug, LIVE_DEMO_SLUG));
    const token = await tokenFor(officer!.id);
    const lines: string[] = [];
    const pauses: number[] = [];

    const run = await runLiveMatch({
      base: ORIGIN,
      slug: LIVE_DEMO_SLUG,
      token,
      fetch: (url, init) => exports.default.fetch(url, init),
      paceMs: 4000,
      until: Date.now() + 60_000,
      maxRounds: 3,
      sleep: async (ms) => {
        pauses.push(ms);
      },
      log: (line) => lines.push(line),
    });

    const match = run.match!;
    expect(match.competitors).toHaveLength(10);
    expect(run.rounds).toBe(3);
    expect(run.shots).toBe(30);
    expect(run.complete).toBe(false);
    expect(pauses).toEqual([4000, 4000]);
    // The object holds the new shots: every competitor of the relay is three shots further.
    const rows = (await clientOf(tournament!.id).call("results", match.eventId))!.rows;
    for (const c of match.competitors) expect(rows.find((r) => r.entryId === c.entryId)!.shotsFired).toBe(c.shotsFired);
    expect(lines[0]).toMatch(/^10 m Air Rifle: 10 competitors, \d+ of 600 shots entered so far\.$/);
    expect(lines.at(-1)).toBe("Stopped before the relay was complete.");

    // A run past its time limit scores nothing.
    const late = await runLiveMatch({ base: ORIGIN, slug: LIVE_DEMO_SLUG, token, fetch: (url, init) => exports.default.fetch(url, init), paceMs: 1, until: 0 });
    expect(late.shots).toBe(0);
  });

  it("is refused without a scoring staff token", async () => {
    expect((await seed(SEED_TOKEN)).status).toBe(200);
    const [outsider] = await db.insert(users).values({ email: "outsider@tenring.test", name: "Out Sider", club: "" }).returning();
    const attempt = runLiveMatch({
      base: ORIGIN,
      slug: LIVE_DEMO_SLUG,
      token: await tokenFor(outsider!.id),
      fetch: (url, init) => exports.default.fetch(url, init),
      paceMs: 1,
      until: Date.now() + 60_000,
      maxRounds: 1,
    });
    await expect(attempt).rejects.toThrow(/Scoring answered 403/);
  });
});
