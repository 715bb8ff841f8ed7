import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, tournaments } from "../../src/db/schema.ts";
import { PRACTICAL_DEMO_SLUG } from "../../src/seed/practical-plan.ts";
import { db } from "../helpers/d1.ts";
import { get } from "../helpers/http.ts";
import { tournamentStub } from "../helpers/object.ts";
import { seed, SEED_TOKEN } from "../helpers/seed.ts";

describe("the practical demo match", () => {
  it("an IPSC Level I match by the demo organiser: 6 stages, 4 squads, 40 competitors in 4 divisions and both power factors, half scored, unofficial", async () => {
    const res = await seed(SEED_TOKEN);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { practical: unknown }).practical).toMatchObject({ slug: PRACTICAL_DEMO_SLUG, entries: 40, stageScores: 121 });
    const [t] = await db.select().from(tournaments).where(eq(tournaments.slug, PRACTICAL_DEMO_SLUG));
    const [event] = await db.select().from(events).where(eq(events.tournamentId, t!.id));
    expect(event).toMatchObject({ matchShape: "practical", resultsStatus: "unofficial" });

    const book = await tournamentStub(env, t!.id).practicalBook(event!.id);
    expect(book?.stages).toHaveLength(6);
    expect(new Set(book?.entries.map((e) => e.relayId)).size).toBe(4);
    expect(book?.entries).toHaveLength(40);
    expect(new Set(book?.entries.map((e) => e.division))).toEqual(new Set(["Open", "Standard", "Production", "Production Optics"]));
    expect(new Set(book?.entries.map((e) => e.powerFactor))).toEqual(new Set(["major", "minor"]));
    expect(book?.scores).toHaveLength(120);
    expect(book?.entries.filter((e) => e.dq)).toHaveLength(1);

    const results = await (await get(`/api/v1/tournaments/${PRACTICAL_DEMO_SLUG}/results?event=${event!.id}`)).json() as { results: { rank: number | null; percent: number }[] };
    expect(results.results[0]).toMatchObject({ rank: 1, percent: 100 });
    expect(results.results.at(-1)?.rank).toBeNull();
  });
});
