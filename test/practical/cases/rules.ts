import { describe, expect, it } from "vitest";
import type * as Practical from "../../../src/domain/practical/index.ts";
import type { Competitor, Division, PowerFactor, StageHits, StageSpec } from "../../../src/domain/practical/index.ts";

const hits = (a: number, c: number, d: number, miss: number, noShoot: number, procedural: number, seconds: number): StageHits => ({
  a, c, d, miss, noShoot, procedural, timeHundredths: Math.round(seconds * 100),
});

function stage(id: number, paperTargets: number, steelTargets: number): StageSpec {
  return { id, number: id, name: `Stage ${id}`, scoring: "comstock", paperTargets, steelTargets };
}

function competitor(entryId: string, division: Division, powerFactor: PowerFactor, dq = false): Competitor {
  return { entryId, name: entryId, division, powerFactor, category: null, dq };
}

/** The hand-worked rulebook cases, run against the server's rules and against the browser bundle. */
export function ruleCases(rules: typeof Practical): void {
  const { bestHitFactor, formatFourDecimals, formatTwoDecimals, hitFactor, matchResults, poolOf, powerFactorAllowed, rankLabel, rawPoints, requiredHits, secondsToHundredths, stageMaxPoints, stageResults, validateStageHits } = rules;

  describe("stages", () => {
    it("required hits are 2 per paper target and 1 per steel; max points 5 per required hit", () => {
      const s = stage(1, 12, 8);
      expect(requiredHits(s)).toBe(32);
      expect(stageMaxPoints(s)).toBe(160);
      expect(requiredHits(stage(2, 0, 6))).toBe(6);
    });
  });

  describe("power factors", () => {
    it("Production, Production Optics and PCC are minor only; Open and Standard take both", () => {
      expect(powerFactorAllowed("Production", "major")).toBe(false);
      expect(powerFactorAllowed("Production Optics", "major")).toBe(false);
      expect(powerFactorAllowed("PCC", "major")).toBe(false);
      expect(powerFactorAllowed("Production", "minor")).toBe(true);
      expect(powerFactorAllowed("Open", "major")).toBe(true);
      expect(powerFactorAllowed("Standard", "minor")).toBe(true);
    });
  });

  describe("a stage score", () => {
    it("A + C + D + misses must equal the required hits", () => {
      expect(validateStageHits(hits(30, 1, 1, 0, 0, 0, 18.7), 32)).toBeNull();
      expect(validateStageHits(hits(30, 1, 0, 0, 0, 0, 18.7), 32)?.reason).toBe("hits_do_not_add_up");
      expect(validateStageHits(hits(30, 1, 1, 1, 0, 0, 18.7), 32)?.message).toBe(
        "A + C + D + misses is 33; the stage has 32 required hits",
      );
    });

    it("no-shoots and procedurals do not count towards the required hits", () => {
      expect(validateStageHits(hits(3, 3, 0, 1, 1, 2, 3.25), 7)).toBeNull();
    });

    it("the time is more than zero, with two decimals at most", () => {
      expect(validateStageHits(hits(32, 0, 0, 0, 0, 0, 0), 32)?.reason).toBe("time_not_positive");
      expect(secondsToHundredths(18.7)).toBe(1870);
      expect(secondsToHundredths(3.25)).toBe(325);
      expect(secondsToHundredths(3.255)).toBeNull();
    });

    it("counts are whole numbers, 0 or more", () => {
      expect(validateStageHits({ ...hits(33, 0, 0, 0, 0, 0, 10), c: -1 }, 32)?.reason).toBe("negative_count");
    });
  });

  describe("points and hit factor", () => {
    it("minor 30 A, 1 C, 1 D in 18.70 s: 154 points, hit factor 8.2353", () => {
      const h = hits(30, 1, 1, 0, 0, 0, 18.7);
      expect(rawPoints(h, "minor")).toBe(154);
      expect(formatFourDecimals(hitFactor(h, "minor"))).toBe("8.2353");
    });

    it("the same as major: 156 points, hit factor 8.3422", () => {
      const h = hits(30, 1, 1, 0, 0, 0, 18.7);
      expect(rawPoints(h, "major")).toBe(156);
      expect(formatFourDecimals(hitFactor(h, "major"))).toBe("8.3422");
    });

    it("major 3 A, 3 C, 1 miss, 1 no-shoot in 3.25 s: 15 + 12 − 20 = 7 points, hit factor 2.1538", () => {
      const h = hits(3, 3, 0, 1, 1, 0, 3.25);
      expect(rawPoints(h, "major")).toBe(7);
      expect(formatFourDecimals(hitFactor(h, "major"))).toBe("2.1538");
    });

    it("a stage below zero points counts 0: hit factor 0", () => {
      // 1 A, 1 D minor = 6, two misses, one procedural: 6 − 30 = −24
      const h = hits(1, 0, 1, 2, 0, 1, 5);
      expect(rawPoints(h, "minor")).toBe(-24);
      expect(hitFactor(h, "minor")).toBe(0);
    });
  });

  describe("stage points and match results", () => {
    // Stage 1: 8 paper = 16 hits, 80 points. Stage 2: 4 paper + 2 steel = 10 hits, 50 points.
    const s1 = stage(1, 8, 0);
    const s2 = stage(2, 4, 2);
    const ann = competitor("Ann", "Open", "major"); // s1: 16 A in 8.00 s → 80 / 8 = 10.0000
    const ben = competitor("Ben", "Production", "minor"); // s1: 16 A in 10.00 s → 8.0000; s2 10 A in 5.00 → 10.0000
    const cat = competitor("Cat", "Production", "minor"); // s1: 16 A in 16.00 s → 5.0000; s2 10 A in 10.00 → 5.0000
    const dan = competitor("Dan", "Open", "major", true); // DQ after s1: 16 A in 4.00 s → 20.0000, out of the bests
    const scores = new Map([
      ["Ann", new Map([[1, hits(16, 0, 0, 0, 0, 0, 8)]])],
      ["Ben", new Map([[1, hits(16, 0, 0, 0, 0, 0, 10)], [2, hits(10, 0, 0, 0, 0, 0, 5)]])],
      ["Cat", new Map([[1, hits(16, 0, 0, 0, 0, 0, 16)], [2, hits(10, 0, 0, 0, 0, 0, 10)]])],
      ["Dan", new Map([[1, hits(16, 0, 0, 0, 0, 0, 4)]])],
    ]);
    const everyone = [ann, ben, cat, dan];

    it("a DQ is left out of the best hit factor", () => {
      expect(bestHitFactor(s1, everyone, scores)).toBe(100_000);
    });

    it("overall stage points are relative to the best of everyone: Ben 80 × 8 / 10 = 64", () => {
      const rows = stageResults(s1, everyone, scores);
      expect(rows.map((r) => [r.competitor.entryId, r.stagePoints / 10_000, rankLabel(r)])).toEqual([
        ["Ann", 80, "1"],
        ["Ben", 64, "2"],
        ["Cat", 40, "3"],
        ["Dan", 0, "DQ"],
      ]);
    });

    it("division stage points are relative to the division's best: Ben is Production's best on stage 1 (80)", () => {
      const rows = stageResults(s1, poolOf(everyone, "Production"), scores);
      expect(rows.map((r) => [r.competitor.entryId, r.stagePoints / 10_000])).toEqual([
        ["Ben", 80],
        ["Cat", 50],
      ]);
    });

    it("match points sum stage points; a stage not shot counts 0; percent of the winner; DQ last", () => {
      const rows = matchResults([s1, s2], everyone, scores);
      // Ann 80 + 0 (DNF) = 80; Ben 64 + 50 = 114; Cat 40 + 25 = 65
      expect(rows.map((r) => [r.competitor.entryId, r.matchPoints / 10_000, formatTwoDecimals(r.percent), rankLabel(r)])).toEqual([
        ["Ben", 114, "100.00", "1"],
        ["Ann", 80, "70.18", "2"],
        ["Cat", 65, "57.02", "3"],
        ["Dan", 0, "0.00", "DQ"],
      ]);
      const ann = rows.find((r) => r.competitor.entryId === "Ann");
      expect(ann?.stages[1]).toEqual({ stageId: 2, hits: null, points: null, hitFactor: null, stagePoints: 0 });
    });

    it("equal match points share a rank, and the next rank skips", () => {
      const eve = competitor("Eve", "Open", "major");
      const tie = new Map([...scores, ["Eve", new Map([[1, hits(16, 0, 0, 0, 0, 0, 8)]])]]);
      const rows = matchResults([s1, s2], [ann, ben, cat, eve], tie);
      expect(rows.map((r) => [r.competitor.entryId, rankLabel(r)])).toEqual([
        ["Ben", "1"],
        ["Ann", "=2"],
        ["Eve", "=2"],
        ["Cat", "4"],
      ]);
    });

    it("stage points use four decimals: 80 × 8.2353 / 8.3422 = 78.9743", () => {
      const maj = competitor("Maj", "Open", "major");
      const min = competitor("Min", "Open", "minor");
      const s = stage(3, 16, 0); // 32 hits, 160 points
      const book = new Map([
        ["Maj", new Map([[3, hits(30, 1, 1, 0, 0, 0, 18.7)]])],
        ["Min", new Map([[3, hits(30, 1, 1, 0, 0, 0, 18.7)]])],
      ]);
      const rows = stageResults(s, [maj, min], book);
      // 160 × 82353 / 83422 = 157.9497...
      expect(rows.map((r) => formatFourDecimals(r.stagePoints))).toEqual(["160.0000", "157.9497"]);
    });
  });
}
