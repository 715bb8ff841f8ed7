import { describe, expect, it } from "vitest";
import type * as Rules from "../../../src/domain/scoring/index.ts";
import type { ScoredShot } from "../../../src/domain/scoring/totals.ts";
import { get } from "../fixtures.ts";

/** The rulebook cases of test/scoring/totals.test.ts, for any build of src/domain/scoring (the source, or the browser bundle). */
export function totalCases(rules: typeof Rules): void {
  const { cardTotals, currentSeries, formatAverage, formatTotal } = rules;

  /** Shots 1..n from stored values; "10*" style inner tens are given by shot number. */
  function card(values: readonly number[], innerTens: readonly number[] = [], firstShotNo = 1): ScoredShot[] {
    return values.map((value, i) => ({
      shotNo: firstShotNo + i,
      value,
      innerTen: innerTens.includes(firstShotNo + i),
    }));
  }

  function repeat<T>(values: readonly T[], times: number): T[] {
    return Array.from({ length: times }, () => values).flat();
  }

  // 10.4 + 10.1 + 9.8 + 10.6 + 10.9 + 9.5 + 10.0 + 10.3 + 10.7 + 10.2 = 102.5
  const RIFLE_SERIES = [104, 101, 98, 106, 109, 95, 100, 103, 107, 102];
  // 10* + 10 + 9 + 9 + 8 + 10* + 7 + 10 + 9 + 6 = 88, two inner tens (shots 1 and 6 of the series)
  const PISTOL_SERIES = [10, 10, 9, 9, 8, 10, 7, 10, 9, 6];

  describe("10 m air rifle totals (decimal)", () => {
    const d = get("air-rifle-10m");

    it("one series: 102.5, 10 shots, average 10.25", () => {
      const t = cardTotals(d, card(RIFLE_SERIES));
      expect(t.total).toBe(1025);
      expect(formatTotal(d, t.total)).toBe("102.5");
      expect(t.shotsFired).toBe(10);
      expect(t.series[0]).toEqual({ series: 1, total: 1025, innerTens: 0, shotsFired: 10, shotsInSeries: 10 });
      expect(t.series.slice(1).every((s) => s.total === 0 && s.shotsFired === 0)).toBe(true);
      expect(t.average).toBeCloseTo(10.25, 10);
      expect(formatAverage(d, t)).toBe("10.25");
      expect(t.complete).toBe(false);
    });

    it("full match: 6 × 102.5 = 615.0, average 10.25, complete", () => {
      const t = cardTotals(d, card(repeat(RIFLE_SERIES, 6)));
      expect(t.total).toBe(6150);
      expect(formatTotal(d, t.total)).toBe("615.0");
      expect(t.series.map((s) => s.total)).toEqual([1025, 1025, 1025, 1025, 1025, 1025]);
      expect(t.shotsFired).toBe(60);
      expect(t.complete).toBe(true);
      expect(formatAverage(d, t)).toBe("10.25");
    });

    it("the decimal total is the total: 10.9 + 9.9 = 20.8, not the integer 10 + 9 = 19", () => {
      const t = cardTotals(d, card([109, 99]));
      expect(t.total).toBe(208);
      expect(formatTotal(d, t.total)).toBe("20.8");
      expect(formatAverage(d, t)).toBe("10.40");
    });

    it("counts inner tens reported by electronic targets, without changing the total", () => {
      const t = cardTotals(d, card([104, 109, 98], [1, 2]));
      expect(t.innerTens).toBe(2);
      expect(t.total).toBe(311); // 10.4 + 10.9 + 9.8 = 31.1
    });

    it("shows a dash for the average before the first shot", () => {
      const t = cardTotals(d, []);
      expect(t.average).toBeNull();
      expect(formatAverage(d, t)).toBe("–");
      expect(t.lastShotNo).toBeNull();
      expect(currentSeries(d, t)).toBe(1);
    });
  });

  describe("50 m rifle prone totals (decimal)", () => {
    const d = get("rifle-prone-50m");

    it("never counts sighters: 3 sighters of 10.9 around 10.5 + 10.3 = 20.8", () => {
      const shots: ScoredShot[] = [
        { shotNo: 1, value: 109, sighter: true },
        { shotNo: 2, value: 109, sighter: true },
        { shotNo: 3, value: 109, sighter: true },
        { shotNo: 1, value: 105 },
        { shotNo: 2, value: 103 },
      ];
      const t = cardTotals(d, shots);
      expect(t.total).toBe(208);
      expect(t.shotsFired).toBe(2);
      expect(formatAverage(d, t)).toBe("10.40");
    });

    it("places shots that arrive out of order in their series: shot 15 = 10.1 and shot 3 = 9.9", () => {
      const t = cardTotals(d, [
        { shotNo: 15, value: 101 },
        { shotNo: 3, value: 99 },
      ]);
      expect(t.series[0]!.total).toBe(99);
      expect(t.series[1]!.total).toBe(101);
      expect(t.lastShotNo).toBe(15);
      expect(currentSeries(d, t)).toBe(2);
      expect(t.slots[2]).toEqual({ value: 99, innerTen: false });
      expect(t.slots[3]).toBeNull();
    });

    it("leaves out a shot beyond the match and refuses a shot number given twice", () => {
      expect(cardTotals(d, [{ shotNo: 61, value: 100 }]).shotsFired).toBe(0);
      expect(() => cardTotals(d, card([100, 100], [], 5).concat(card([100], [], 5)))).toThrow(RangeError);
    });
  });

  describe("10 m air pistol totals (integer, inner tens)", () => {
    const d = get("air-pistol-10m");

    it("one series: 10*+10+9+9+8+10*+7+10+9+6 = 88 with 2 inner tens, average 8.80", () => {
      const t = cardTotals(d, card(PISTOL_SERIES, [1, 6]));
      expect(t.total).toBe(88);
      expect(t.innerTens).toBe(2);
      expect(t.series[0]).toMatchObject({ total: 88, innerTens: 2, shotsFired: 10 });
      expect(formatAverage(d, t)).toBe("8.80");
    });

    it("full match: 6 × 88 = 528 with 6 × 2 = 12 inner tens", () => {
      const innerTens = [0, 1, 2, 3, 4, 5].flatMap((s) => [s * 10 + 1, s * 10 + 6]);
      const t = cardTotals(d, card(repeat(PISTOL_SERIES, 6), innerTens));
      expect(t.total).toBe(528);
      expect(formatTotal(d, t.total)).toBe("528");
      expect(t.innerTens).toBe(12);
      expect(t.series.map((s) => s.innerTens)).toEqual([2, 2, 2, 2, 2, 2]);
      expect(t.complete).toBe(true);
      expect(formatAverage(d, t)).toBe("8.80");
    });
  });

  describe("25 m pistol totals (integer, inner tens)", () => {
    const d = get("pistol-25m");

    it("four series of 5: (10*+10*+10+9+9 = 48) + (9+8+8+7+5 = 37) + (10×5 = 50) + (10×4 + 9 = 49) = 184, 2 inner tens, average 9.20", () => {
      const first = [10, 10, 10, 9, 9, 9, 8, 8, 7, 5];
      const second = [10, 10, 10, 10, 10, 10, 10, 10, 10, 9];
      const t = cardTotals(d, card([...first, ...second], [1, 2]));
      expect(t.series.slice(0, 4).map((s) => s.total)).toEqual([48, 37, 50, 49]);
      expect(t.series).toHaveLength(12);
      expect(t.series.map((s) => s.shotsInSeries)).toEqual(Array.from({ length: 12 }, () => 5));
      expect(t.total).toBe(184);
      expect(t.innerTens).toBe(2);
      expect(formatAverage(d, t)).toBe("9.20"); // 184 / 20
      expect(currentSeries(d, t)).toBe(4);
    });
  });

  describe("trap totals (hit/miss, rounds of 25)", () => {
    const d = get("trap");

    it("125 targets: rounds 24 + 25 + 23 + 25 + 22 = 119 hits, 95%", () => {
      const misses = new Set([7, 51, 60, 101, 110, 125]); // 1 miss in round 1, 2 in round 3, 3 in round 5
      const shots = Array.from({ length: 125 }, (_, i) => ({ shotNo: i + 1, value: misses.has(i + 1) ? 0 : 1 }));
      const t = cardTotals(d, shots);
      expect(t.series.map((s) => s.total)).toEqual([24, 25, 23, 25, 22]);
      expect(t.series.map((s) => s.shotsInSeries)).toEqual([25, 25, 25, 25, 25]);
      expect(t.total).toBe(119);
      expect(t.average).toBeCloseTo(0.952, 10); // 119 / 125
      expect(formatAverage(d, t)).toBe("95%");
      expect(t.innerTens).toBe(0);
      expect(t.complete).toBe(true);
    });
  });

  describe("skeet totals (hit/miss, rounds of 25)", () => {
    const d = get("skeet");

    it("two rounds fired: 25 + 24 = 49 of 50, 98%, in round 2", () => {
      const shots = Array.from({ length: 50 }, (_, i) => ({ shotNo: i + 1, value: i + 1 === 33 ? 0 : 1 }));
      const t = cardTotals(d, shots);
      expect(t.series.map((s) => s.total)).toEqual([25, 24, 0, 0, 0]);
      expect(t.total).toBe(49);
      expect(t.shotsFired).toBe(50);
      expect(formatAverage(d, t)).toBe("98%");
      expect(currentSeries(d, t)).toBe(2);
      expect(t.complete).toBe(false);
    });
  });
}
