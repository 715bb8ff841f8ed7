import { describe, expect, it } from "vitest";
import { eliminationPoints, finalShots, runFinal, type Finalist } from "../../src/domain/scoring/finals.ts";
import { ISSF_DECIMAL_FINAL as format } from "../../src/domain/scoring/rulebook.ts";

/**
 * Seven finalists shoot the same value every shot (b 10.6 … h 10.0); "a" opens with 10.9 × 10 = 109.0
 * and then shoots 9.0 singles, so the leader after the opening series goes out in the middle.
 */
function field(shots = 24): Finalist[] {
  const steady = (entryId: string, tenths: number): Finalist => ({ entryId, shots: Array(shots).fill(tenths) });
  return [
    { entryId: "a", shots: Array.from({ length: shots }, (_, i) => (i < 10 ? 109 : 90)) },
    steady("b", 106),
    steady("c", 105),
    steady("d", 104),
    steady("e", 103),
    steady("f", 102),
    steady("g", 101),
    steady("h", 100),
  ];
}

describe("the ISSF decimal final format", () => {
  it("opens with 2 × 5 shots and eliminates after shots 12, 14, … 24; the last two fire 24", () => {
    expect(format.finalists).toBe(8);
    expect(format.openingSeries).toEqual([5, 5]);
    expect(eliminationPoints(format)).toEqual([12, 14, 16, 18, 20, 22, 24]);
    expect(finalShots(format)).toBe(24);
  });
});

describe("running a final", () => {
  it("after the opening series nobody is out yet: a leads with 109.0, next elimination after shot 12", () => {
    const result = runFinal(format, field(10));
    expect(result.eliminations).toEqual([]);
    expect(result.complete).toBe(false);
    expect(result.nextEliminationAfterShot).toBe(12);
    expect(result.standings[0]).toEqual({
      entryId: "a",
      place: null,
      total: 1090,
      shotsCounted: 10,
      eliminatedAfterShot: null,
    });
  });

  it("eliminates one finalist at a time as the shots arrive: after 13 shots only h (12 × 10.0 = 120.0) is out", () => {
    const result = runFinal(format, field(13));
    expect(result.eliminations).toEqual([{ afterShot: 12, entryId: "h", place: 8, total: 1200, byShootOff: false }]);
    expect(result.nextEliminationAfterShot).toBe(14);
    // Still shooting, by total over 13 shots: b 137.8, c 136.5, a 109.0 + 3 × 9.0 = 136.0, d 135.2 …
    expect(result.standings.map((s) => [s.entryId, s.place, s.total])).toEqual([
      ["b", null, 1378],
      ["c", null, 1365],
      ["a", null, 1360],
      ["d", null, 1352],
      ["e", null, 1339],
      ["f", null, 1326],
      ["g", null, 1313],
      ["h", 8, 1200],
    ]);
  });

  it("runs the whole final: eliminations at 12…22, then 2nd and 1st after shot 24", () => {
    const result = runFinal(format, field());
    // at 12: h 120.0 lowest (a 109.0 + 2 × 9.0 = 127.0)
    // at 14: g 14 × 10.1 = 141.4 (a 145.0, f 142.8)
    // at 16: a 109.0 + 6 × 9.0 = 163.0 < f 16 × 10.2 = 163.2
    // at 18: f 18 × 10.2 = 183.6; at 20: e 20 × 10.3 = 206.0; at 22: d 22 × 10.4 = 228.8
    // at 24: c 24 × 10.5 = 252.0 silver, b 24 × 10.6 = 254.4 gold
    expect(result.eliminations.map((e) => [e.afterShot, e.entryId, e.place, e.total])).toEqual([
      [12, "h", 8, 1200],
      [14, "g", 7, 1414],
      [16, "a", 6, 1630],
      [18, "f", 5, 1836],
      [20, "e", 4, 2060],
      [22, "d", 3, 2288],
      [24, "c", 2, 2520],
    ]);
    expect(result.complete).toBe(true);
    expect(result.nextEliminationAfterShot).toBeNull();
    expect(result.standings.map((s) => [s.place, s.entryId, s.total, s.shotsCounted])).toEqual([
      [1, "b", 2544, 24],
      [2, "c", 2520, 24],
      [3, "d", 2288, 22],
      [4, "e", 2060, 20],
      [5, "f", 1836, 18],
      [6, "a", 1630, 16],
      [7, "g", 1414, 14],
      [8, "h", 1200, 12],
    ]);
  });

  it("does not count shots an eliminated finalist fired after leaving", () => {
    const finalists = field();
    const h = finalists.find((f) => f.entryId === "h")!;
    h.shots = [...h.shots.slice(0, 12), ...Array(12).fill(109)];
    const result = runFinal(format, finalists);
    expect(result.standings.find((s) => s.entryId === "h")).toMatchObject({ place: 8, total: 1200, shotsCounted: 12 });
  });

  it("stops at a tie for last and asks for a shoot-off: g and h both 120.0 after 12", () => {
    const finalists = field(12);
    finalists[6] = { entryId: "g", shots: Array(12).fill(100) };
    const result = runFinal(format, finalists);
    expect(result.eliminations).toEqual([]);
    expect(result.shootOff).toEqual({ afterShot: 12, entryIds: ["g", "h"] });
    expect(result.complete).toBe(false);
  });

  it("goes on once the shoot-off loser is recorded", () => {
    const finalists = field(12);
    finalists[6] = { entryId: "g", shots: Array(12).fill(100) };
    const result = runFinal(format, finalists, { 12: "g" });
    expect(result.eliminations).toEqual([{ afterShot: 12, entryId: "g", place: 8, total: 1200, byShootOff: true }]);
    expect(result.shootOff).toBeNull();
  });

  it("ignores a recorded shoot-off loser who was not in the tie", () => {
    const finalists = field(12);
    finalists[6] = { entryId: "g", shots: Array(12).fill(100) };
    expect(runFinal(format, finalists, { 12: "b" }).shootOff).toEqual({ afterShot: 12, entryIds: ["g", "h"] });
  });

  it("refuses a final with the wrong number of finalists", () => {
    expect(() => runFinal(format, field().slice(0, 7))).toThrow(RangeError);
  });
});
