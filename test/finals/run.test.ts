import { describe, expect, it } from "vitest";
import { finalBoard, finalShots, runFinal, type Finalist } from "../../src/domain/finals/index.ts";
import { ISSF_3P_FINAL_2026, ISSF_DECIMAL_FINAL as format } from "../../src/domain/scoring/rulebook.ts";

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

/** g shoots 10.0 like h, so both have 120.0 after shot 12. */
function tiedAt12(shots = 12, shootOffs: Record<string, number[]> = {}): Finalist[] {
  const finalists = field(shots);
  finalists[6] = { entryId: "g", shots: Array(shots).fill(100) };
  return finalists.map((f) => (shootOffs[f.entryId] ? { ...f, shootOffs: { 12: shootOffs[f.entryId]! } } : f));
}

describe("final formats are data", () => {
  it("10 m: 2 × 5, then singles; one out after shots 12, 14, … 24", () => {
    expect(format.openingSeries).toEqual([5, 5]);
    expect(format.eliminations.map((p) => [p.afterShot, p.out])).toEqual([
      [12, 1], [14, 1], [16, 1], [18, 1], [20, 1], [22, 1], [24, 1],
    ]);
    expect(finalShots(format)).toBe(24);
  });

  it("3 positions 2026: 35 shots, two out after shot 30 (the lower total 8th), then one per shot", () => {
    expect(finalShots(ISSF_3P_FINAL_2026)).toBe(35);
    const total = ISSF_3P_FINAL_2026.eliminations.reduce((n, p) => n + p.out, 0);
    expect(total).toBe(7);
    const finalists = field(30).map((f) => ({ ...f, shots: f.shots.slice(0, 30).concat([]) }));
    const run = runFinal(ISSF_3P_FINAL_2026, finalists);
    // after 30: h 30 × 10.0 = 300.0, a 109.0 + 20 × 9.0 = 289.0: a 8th, h 7th
    expect(run.eliminations.map((e) => [e.afterShot, e.entryId, e.place, e.total])).toEqual([
      [30, "a", 8, 2890],
      [30, "h", 7, 3000],
    ]);
  });
});

describe("eliminations at the right shots", () => {
  it("nobody is out after the opening series; the next elimination is after shot 12", () => {
    const run = runFinal(format, field(10));
    expect(run.eliminations).toEqual([]);
    expect(run.nextEliminationAfterShot).toBe(12);
  });

  it("after 11 shots, nobody out yet: h (11 × 10.0 = 110.0) is at risk after the next shot", () => {
    const board = finalBoard(format, field(11));
    expect(board.rows.filter((r) => r.atRisk).map((r) => r.entryId)).toEqual(["h"]);
    expect(board.rows.every((r) => !r.eliminated)).toBe(true);
  });

  it("after 13 shots h is out in 8th with 120.0, listed last; g, lowest before the cut after shot 14, is at risk", () => {
    const board = finalBoard(format, field(13));
    expect(board.run.eliminations).toEqual([{ afterShot: 12, entryId: "h", place: 8, total: 1200, byShootOff: false }]);
    // Shooting, over 13 shots: b 137.8, c 136.5, a 109.0 + 3 × 9.0 = 136.0, d 135.2, e 133.9, f 132.6, g 131.3
    expect(board.rows.map((r) => [r.entryId, r.rankLabel, r.total, r.gap, r.eliminated])).toEqual([
      ["b", "1", 1378, null, false],
      ["c", "2", 1365, 13, false],
      ["a", "3", 1360, 5, false],
      ["d", "4", 1352, 8, false],
      ["e", "5", 1339, 13, false],
      ["f", "6", 1326, 13, false],
      ["g", "7", 1313, 13, false],
      ["h", "8", 1200, null, true],
    ]);
    expect(board.rows.filter((r) => r.atRisk).map((r) => r.entryId)).toEqual(["g"]);
  });

  it("runs the whole final: out after 12 … 22, then 2nd and 1st after shot 24, medals in order", () => {
    const board = finalBoard(format, field());
    // at 12: h 120.0 (a 109.0 + 2 × 9.0 = 127.0); at 14: g 141.4 (a 145.0, f 142.8)
    // at 16: a 109.0 + 6 × 9.0 = 163.0 < f 163.2; at 18: f 183.6; at 20: e 206.0; at 22: d 228.8 (bronze)
    // at 24: c 24 × 10.5 = 252.0 silver, b 24 × 10.6 = 254.4 gold
    expect(board.run.eliminations.map((e) => [e.afterShot, e.entryId, e.place, e.total])).toEqual([
      [12, "h", 8, 1200],
      [14, "g", 7, 1414],
      [16, "a", 6, 1630],
      [18, "f", 5, 1836],
      [20, "e", 4, 2060],
      [22, "d", 3, 2288],
      [24, "c", 2, 2520],
    ]);
    expect(board.run.complete).toBe(true);
    expect(board.rows.map((r) => [r.rankLabel, r.entryId, r.total, r.shotsCounted, r.medal])).toEqual([
      ["1", "b", 2544, 24, "gold"],
      ["2", "c", 2520, 24, "silver"],
      ["3", "d", 2288, 22, "bronze"],
      ["4", "e", 2060, 20, null],
      ["5", "f", 1836, 18, null],
      ["6", "a", 1630, 16, null],
      ["7", "g", 1414, 14, null],
      ["8", "h", 1200, 12, null],
    ]);
  });

  it("the opening series are totalled per series; singles only add to the total", () => {
    const row = finalBoard(format, field(13)).rows.find((r) => r.entryId === "a")!;
    expect(row.series).toEqual([545, 545]);
    expect(row.lastShot).toEqual({ shotNo: 13, value: 90 });
  });

  it("does not count shots an eliminated finalist fired after leaving", () => {
    const finalists = field();
    const h = finalists.find((f) => f.entryId === "h")!;
    h.shots = [...h.shots.slice(0, 12), ...Array(12).fill(109)];
    const row = finalBoard(format, finalists).rows.find((r) => r.entryId === "h")!;
    expect(row).toMatchObject({ rank: 8, total: 1200, shotsCounted: 12, eliminated: true });
  });

  it("refuses a final with the wrong number of finalists", () => {
    expect(() => runFinal(format, field().slice(0, 7))).toThrow(RangeError);
  });
});

describe("shoot-offs", () => {
  it("a tie for last at shot 12 (g and h 120.0) stops the final until they shoot off", () => {
    const board = finalBoard(format, tiedAt12(13));
    expect(board.run.eliminations).toEqual([]);
    expect(board.run.shootOff).toEqual({ afterShot: 12, entryIds: ["g", "h"], out: 1, nextShot: 1 });
    expect(board.rows.filter((r) => r.inShootOff).map((r) => r.entryId).sort()).toEqual(["g", "h"]);
  });

  it("the lower shoot-off shot leaves: g 9.8 against h 10.1, g 8th by shoot-off with 120.0", () => {
    const run = runFinal(format, tiedAt12(12, { g: [98], h: [101] }));
    expect(run.eliminations).toEqual([{ afterShot: 12, entryId: "g", place: 8, total: 1200, byShootOff: true }]);
    expect(run.shootOff).toBeNull();
  });

  it("an equal shoot-off shot asks for the next one", () => {
    const run = runFinal(format, tiedAt12(12, { g: [100], h: [100] }));
    expect(run.shootOff).toEqual({ afterShot: 12, entryIds: ["g", "h"], out: 1, nextShot: 2 });
    const second = runFinal(format, tiedAt12(12, { g: [100, 104], h: [100, 103] }));
    expect(second.eliminations.map((e) => e.entryId)).toEqual(["h"]);
  });

  it("a tie for gold after shot 24 is decided by a shoot-off: silver to the lower shot", () => {
    const finalists = field();
    finalists[2] = { entryId: "c", shots: Array(24).fill(106), shootOffs: { 24: [103] } };
    finalists[1] = { ...finalists[1]!, shootOffs: { 24: [99] } };
    const board = finalBoard(format, finalists);
    expect(board.run.eliminations.at(-1)).toEqual({ afterShot: 24, entryId: "b", place: 2, total: 2544, byShootOff: true });
    expect(board.rows.slice(0, 2).map((r) => [r.entryId, r.medal])).toEqual([
      ["c", "gold"],
      ["b", "silver"],
    ]);
  });
});
