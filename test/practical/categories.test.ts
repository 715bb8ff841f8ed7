import { describe, expect, it } from "vitest";
import { categoryResults, matchResults, poolOf, type Competitor } from "../../src/domain/practical/index.ts";
import type { StageHits } from "../../src/domain/practical/score.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { enterPractical, OFFICER, practicalTournament, stageOp } from "../helpers/practical.ts";

// One stage of 4 paper targets: 8 required hits, 40 points max. 8 A = 40 points.
const STAGE = { id: 1, number: 1, name: "Plates", scoring: "comstock" as const, paperTargets: 4, steelTargets: 0 };
const hits = (seconds: number): StageHits => ({ a: 8, c: 0, d: 0, miss: 0, noShoot: 0, procedural: 0, timeHundredths: seconds * 100 });
const who = (name: string, category: Competitor["category"], dq = false): Competitor => ({ entryId: name, name, division: "Open", powerFactor: "major", category, dq });

describe("category results (hand-worked)", () => {
  it("keep the pool's stage points and rank the category among itself, percent of the category's winner", () => {
    // HF: Ann 10 (4 s), Lea 8 (5 s), Liv 5 (8 s), Sam 4 (10 s); stage points relative to Ann's 10.
    const competitors = [who("Ann", null), who("Lea", "Lady"), who("Liv", "Lady"), who("Sam", "Senior"), who("Lou", "Lady", true)];
    const scores = new Map([
      ["Ann", new Map([[1, hits(4)]])],
      ["Lea", new Map([[1, hits(5)]])],
      ["Liv", new Map([[1, hits(8)]])],
      ["Sam", new Map([[1, hits(10)]])],
      ["Lou", new Map([[1, hits(2)]])],
    ]);
    const overall = matchResults([STAGE], poolOf(competitors, null), scores);
    const ladies = categoryResults(overall, "Lady");
    // Lea 40 × 8 / 10 = 32 points, 100 %, first; Liv 40 × 5 / 10 = 20 points, 20 / 32 = 62.50 %; Lou DQ last.
    expect(ladies.map((r) => [r.competitor.name, r.rank, r.matchPoints, r.percent])).toEqual([
      ["Lea", 1, 320_000, 10_000],
      ["Liv", 2, 200_000, 6_250],
      ["Lou", null, 0, 0],
    ]);
    expect(categoryResults(overall, "Super Senior")).toEqual([]);
    expect(categoryResults(overall, null)).toEqual(overall);
  });
});

describe("category filter on the results pages and the API", () => {
  async function scored() {
    const made = await practicalTournament({ stages: [{ name: "Plates", paper: 4, steel: 0 }] });
    const stage = made.stages[0]!.id;
    const ann = await enterPractical(made.stub, made.event, "Open", "major", "Ann Open");
    const lea = await enterPractical(made.stub, made.event, "Open", "major", "Lea Open", "Lady");
    const liv = await enterPractical(made.stub, made.event, "Production", "minor", "Liv Production", "Lady");
    await made.stub.applyStageScores(
      [stageOp(ann.entry.id, stage, [8, 0, 0, 0, 0, 0], 4), stageOp(lea.entry.id, stage, [8, 0, 0, 0, 0, 0], 5), stageOp(liv.entry.id, stage, [8, 0, 0, 0, 0, 0], 8)],
      OFFICER,
    );
    return made;
  }

  it("the results page filters every match table to the category and links the category's CSVs", async () => {
    const { tournament, event } = await scored();
    const all = await (await get(`/t/${tournament.slug}/results/${event.id}`)).text();
    expect(await texts(all, "[data-testid=category-filter] a")).toEqual(["All", "Lady"]);
    expect(await texts(all, "#pm-overall td.total")).toEqual(["40.0000", "32.0000", "20.0000"]);

    const page = await (await get(`/t/${tournament.slug}/results/${event.id}?category=Lady`)).text();
    expect(await texts(page, "#pm-overall td.total")).toEqual(["32.0000", "20.0000"]);
    expect(await texts(page, "#pm-overall td.rank")).toEqual(["1", "2"]);
    // Within Open, Lea's stage points stay relative to Ann's best (32), and she is the category's winner there.
    expect(await texts(page, "#pm-open td.total")).toEqual(["32.0000"]);
    expect((await texts(page, "caption"))[0]).toBe("Overall · Lady: match results");
    expect((await select(page, "a")).map((a) => a.attrs.href)).toContain(`/t/${tournament.slug}/results/${event.id}.csv?division=Open&amp;category=Lady`); // attributes as written

    const csv = await (await get(`/t/${tournament.slug}/results/${event.id}.csv?category=Lady`)).text();
    expect(csv.split("\r\n").slice(1, 3)).toEqual([
      "1,,Lea Open,Open,major,Lady,32.0000,100.00,,32.0000",
      "2,,Liv Production,Production,minor,Lady,20.0000,62.50,,20.0000",
    ]);
  });

  it("GET results takes &category=: ranks and percent within it; an unknown category is a 422", async () => {
    const { tournament, event } = await scored();
    const res = await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}&category=Lady`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { category: string; results: Record<string, unknown>[] };
    expect(body.category).toBe("Lady");
    expect(body.results.map((r) => [r.rank, r.name, r.matchPoints, r.percent])).toEqual([
      [1, "Lea Open", 32, 100],
      [2, "Liv Production", 20, 62.5],
    ]);
    const production = await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}&division=Production&category=Lady`);
    expect(((await production.json()) as { results: Record<string, unknown>[] }).results.map((r) => [r.rank, r.name, r.matchPoints, r.percent])).toEqual([
      [1, "Liv Production", 40, 100],
    ]);
    expect((await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}&category=Veteran`)).status).toBe(422);
  });
});
