import { describe, expect, it } from "vitest";
import type * as Rules from "../../../src/domain/scoring/index.ts";
import type { Discipline } from "../../../src/domain/scoring/disciplines.ts";
import type { Card } from "../../../src/domain/scoring/ranking.ts";
import type { ScoredShot } from "../../../src/domain/scoring/totals.ts";
import { get } from "../fixtures.ts";

/** The rulebook cases of test/scoring/ranking.test.ts, for any build of src/domain/scoring (the source, or the browser bundle). */
export function rankingCases(rules: typeof Rules): void {
  const { rankCards } = rules;

  /** A card of `count` shots all worth `base`, except the shots in `changes` (shot number → value); `innerTens` are inner tens. */
  const card = (entryId: string, count: number, base: number, changes: Record<number, number> = {}, innerTens: readonly number[] = []): Card => ({
    entryId,
    shots: Array.from({ length: count }, (_, i): ScoredShot => ({ shotNo: i + 1, value: changes[i + 1] ?? base, innerTen: innerTens.includes(i + 1) })),
  });

  function order(d: Discipline, cards: Card[]) {
    return rankCards(d, cards).map((r) => [r.entryId, r.rankLabel, r.decidedBy]);
  }

  describe("ranking 10 m air rifle (decimal: total, last series backwards, last shots backwards)", () => {
    const d = get("air-rifle-10m");

    it("total first: 600.1 ahead of 600.0", () => {
      const a = card("a", 60, 100, { 1: 101 }); // 59 × 10.0 + 10.1 = 600.1
      const b = card("b", 60, 100); // 60 × 10.0 = 600.0
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "total"],
      ]);
    });

    it("equal 600.0, the last series decides: a's series 6 is 100.5 (shot 55 = 10.5, shot 5 = 9.5), b's 100.0", () => {
      const a = card("a", 60, 100, { 55: 105, 5: 95 });
      const b = card("b", 60, 100);
      const ranked = rankCards(d, [b, a]);
      expect(ranked.map((r) => r.totals.total)).toEqual([6000, 6000]);
      expect(ranked.map((r) => [r.entryId, r.rankLabel, r.decidedBy])).toEqual([
        ["a", "1", null],
        ["b", "2", "seriesBackwards"],
      ]);
    });

    it("series 6 and 5 equal, series 4 decides: b's series 4 is 100.3 (shot 35 = 10.3, shot 5 = 9.7) against 100.0", () => {
      const a = card("a", 60, 100);
      const b = card("b", 60, 100, { 35: 103, 5: 97 });
      expect(order(d, [a, b])).toEqual([
        ["b", "1", null],
        ["a", "2", "seriesBackwards"],
      ]);
    });

    it("last series backwards beats a better first series: a has 100.1 in series 6 and 99.9 in series 1", () => {
      const a = card("a", 60, 100, { 60: 101, 1: 99 });
      const b = card("b", 60, 100, { 60: 99, 1: 101 });
      expect(order(d, [b, a]).map((r) => r[0])).toEqual(["a", "b"]);
    });

    it("every series equal, the last shot decides: a's shot 60 is 10.1 (shot 59 = 9.9 keeps series 6 at 100.0)", () => {
      const a = card("a", 60, 100, { 60: 101, 59: 99 });
      const b = card("b", 60, 100, { 2: 105, 1: 95 }); // the best single shot, but early
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "shotsBackwards"],
      ]);
    });

    it("shots 60 and 59 equal, shot 58 decides: b's shot 58 is 10.2, shot 51 is 9.8", () => {
      const a = card("a", 60, 100);
      const b = card("b", 60, 100, { 58: 102, 51: 98 });
      expect(order(d, [a, b])).toEqual([
        ["b", "1", null],
        ["a", "2", "shotsBackwards"],
      ]);
    });

    it("inner tens do not break a decimal tie", () => {
      const a = card("a", 60, 104, {}, [1, 2, 3]);
      const b = card("b", 60, 104);
      expect(order(d, [a, b])).toEqual([
        ["a", "=1", null],
        ["b", "=1", "equal"],
      ]);
    });

    it("equal after every step shares the rank and the next rank skips: 1, =2, =2, 4", () => {
      const w = card("w", 60, 101);
      const x = card("x", 60, 100, { 12: 104 });
      const y = card("y", 60, 100, { 12: 104 });
      const z = card("z", 60, 100);
      const ranked = rankCards(d, [z, y, x, w]);
      expect(ranked.map((r) => [r.entryId, r.rank, r.rankLabel, r.shared])).toEqual([
        ["w", 1, "1", false],
        ["x", 2, "=2", true],
        ["y", 2, "=2", true],
        ["z", 4, "4", false],
      ]);
    });
  });

  describe("ranking 50 m rifle prone (same decimal rules)", () => {
    const d = get("rifle-prone-50m");

    it("equal totals of 612.0 are split on series 6 before any earlier shot", () => {
      const a = card("a", 60, 102, { 51: 104, 1: 100 });
      const b = card("b", 60, 102);
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "seriesBackwards"],
      ]);
    });
  });

  describe("ranking 10 m air pistol (integer: total, inner tens, last series backwards, last shots backwards)", () => {
    const d = get("air-pistol-10m");

    it("total first: 541 ahead of 540", () => {
      expect(order(d, [card("b", 60, 9), card("a", 60, 9, { 1: 10 })])).toEqual([
        ["a", "1", null],
        ["b", "2", "total"],
      ]);
    });

    it("equal 540, inner tens decide: a's 10s on shots 1–3 are inner tens, b's are not", () => {
      const a = card("a", 60, 9, { 1: 10, 2: 10, 3: 10, 4: 8, 5: 8, 6: 8 }, [1, 2, 3]);
      const b = card("b", 60, 9, { 1: 10, 2: 10, 3: 10, 4: 8, 5: 8, 6: 8 });
      const ranked = rankCards(d, [b, a]);
      expect(ranked.map((r) => [r.entryId, r.totals.total, r.totals.innerTens, r.decidedBy])).toEqual([
        ["a", 540, 3, null],
        ["b", 540, 0, "innerTens"],
      ]);
    });

    it("inner tens come before the last series: a (1 inner ten, series 6 = 89) ahead of b (0, series 6 = 90)", () => {
      const a = card("a", 60, 9, { 1: 10, 60: 8 }, [1]);
      const b = card("b", 60, 9);
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "innerTens"],
      ]);
    });

    it("equal 540 and inner tens, the last series decides: a's series 6 = 91 (shot 55 = 10, shot 5 = 8)", () => {
      const a = card("a", 60, 9, { 55: 10, 5: 8 });
      const b = card("b", 60, 9);
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "seriesBackwards"],
      ]);
    });

    it("series 6–3 equal, series 2 decides: a's series 2 = 91 (shot 15 = 10, shot 5 = 8) against 90", () => {
      const a = card("a", 60, 9, { 15: 10, 5: 8 });
      const b = card("b", 60, 9);
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "seriesBackwards"],
      ]);
    });

    it("all series equal, the last shot decides: a's shot 60 = 10, shot 59 = 8", () => {
      const a = card("a", 60, 9, { 60: 10, 59: 8 });
      const b = card("b", 60, 9);
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "shotsBackwards"],
      ]);
    });

    it("shots 60–58 equal, shot 57 decides: b's shot 57 = 10, shot 56 = 8", () => {
      const a = card("a", 60, 9);
      const b = card("b", 60, 9, { 57: 10, 56: 8 });
      expect(order(d, [a, b])).toEqual([
        ["b", "1", null],
        ["a", "2", "shotsBackwards"],
      ]);
    });

    it("equal after every step: a shared rank, 1, =2, =2, 4", () => {
      const ranked = rankCards(d, [
        card("d", 60, 8),
        card("c", 60, 9, { 10: 10 }, [10]),
        card("b", 60, 9, { 10: 10 }, [10]),
        card("a", 60, 10),
      ]);
      expect(ranked.map((r) => [r.entryId, r.rankLabel])).toEqual([
        ["a", "1"],
        ["b", "=2"],
        ["c", "=2"],
        ["d", "4"],
      ]);
    });
  });

  describe("ranking 25 m pistol (integer rules; the countback runs over 10-shot series, two series of 5)", () => {
    const d = get("pistol-25m");

    it("equal 593 with 2 inner tens each, the last 10 shots decide: b's 100 against a's 99", () => {
      const a = card("a", 60, 10, { 51: 9, 1: 8, 2: 8, 3: 8 }, [5, 6]); // 600 − 1 − 3 × 2 = 593
      const b = card("b", 60, 10, { 1: 9, 2: 8, 3: 8, 4: 8 }, [5, 6]); // 600 − 1 − 3 × 2 = 593
      const ranked = rankCards(d, [a, b]);
      expect(ranked.map((r) => r.totals.total)).toEqual([593, 593]);
      expect(ranked.map((r) => [r.entryId, r.decidedBy])).toEqual([
        ["b", null],
        ["a", "seriesBackwards"],
      ]);
    });
  });

  describe("ranking 25 m: the last 10 shots count back, not the last series of 5 (DESIGN §7)", () => {
    it("equal 597: a's last 10 are 98 (series of 5: 50 + 48), b's 97 (47 + 50): a ranks first", () => {
      const a = card("a", 60, 10, { 1: 9, 60: 8 }); // 600 − 1 − 2 = 597; shots 51–60 = 98
      const b = card("b", 60, 10, { 51: 7 }); // 600 − 3 = 597; shots 51–60 = 97
      for (const id of ["pistol-25m", "rapid-fire-pistol-25m"]) {
        expect(order(get(id), [b, a])).toEqual([
          ["a", "1", null],
          ["b", "2", "seriesBackwards"],
        ]);
      }
    });
  });

  describe("ranking trap and skeet (hit/miss: total, countback of the last round backwards)", () => {
    const trap = get("trap");
    const skeet = get("skeet");

    it("total first: 124 ahead of 123", () => {
      expect(order(trap, [card("b", 125, 1, { 1: 0, 2: 0 }), card("a", 125, 1, { 1: 0 })])).toEqual([
        ["a", "1", null],
        ["b", "2", "total"],
      ]);
    });

    it("equal 123: a missed targets 1 and 2 (round 5 = 25), b missed 101 and 102 (round 5 = 23)", () => {
      expect(order(trap, [card("b", 125, 1, { 101: 0, 102: 0 }), card("a", 125, 1, { 1: 0, 2: 0 })])).toEqual([
        ["a", "1", null],
        ["b", "2", "seriesBackwards"],
      ]);
    });

    it("rounds 5–3 equal, round 2 decides: a missed target 30 (round 2 = 24), b target 5 (round 1)", () => {
      expect(order(skeet, [card("a", 125, 1, { 30: 0 }), card("b", 125, 1, { 5: 0 })])).toEqual([
        ["b", "1", null],
        ["a", "2", "seriesBackwards"],
      ]);
    });

    it("same rounds, different targets: equal (shoot-offs are not modelled), a shared rank", () => {
      expect(order(trap, [card("a", 125, 1, { 125: 0 }), card("b", 125, 1, { 101: 0 })])).toEqual([
        ["a", "=1", null],
        ["b", "=1", "equal"],
      ]);
    });
  });

  describe("live standings (cards still being shot)", () => {
    const d = get("air-rifle-10m");

    it("ranks by the total of the shots fired so far: 40 shots at 10.0 (400.0) ahead of 30 at 10.9 (327.0)", () => {
      expect(order(d, [card("a", 30, 109), card("b", 40, 100)]).map((r) => r[0])).toEqual(["b", "a"]);
    });

    it("breaks a tie the same way over the match grid: after 10 shots each (100.0), a's shot 10 = 10.5 beats b's 10.0 there", () => {
      const a = card("a", 10, 100, { 10: 105, 9: 95 });
      const b = card("b", 10, 100, { 1: 105, 2: 95 });
      expect(order(d, [b, a])).toEqual([
        ["a", "1", null],
        ["b", "2", "shotsBackwards"],
      ]);
    });

    it("lists cards without a shot last, unranked, and never counts sighters", () => {
      const sighters: Card = { entryId: "s", shots: [{ shotNo: 1, value: 109, sighter: true }] };
      const ranked = rankCards(d, [{ entryId: "z", shots: [] }, sighters, card("m", 1, 90)]);
      expect(ranked.map((r) => [r.entryId, r.rank, r.rankLabel])).toEqual([
        ["m", 1, "1"],
        ["s", null, ""],
        ["z", null, ""],
      ]);
    });

    it("gives the same order whatever order the cards come in", () => {
      const cards = [card("a", 20, 100), card("b", 20, 101), card("c", 20, 100), card("d", 19, 104)];
      const expected = rankCards(d, cards).map((r) => [r.entryId, r.rankLabel]);
      expect(expected).toEqual([
        ["b", "1"],
        ["a", "=2"],
        ["c", "=2"],
        ["d", "4"],
      ]); // b 202.0; a, c 200.0; d 19 × 10.4 = 197.6
      expect(rankCards(d, [...cards].reverse()).map((r) => [r.entryId, r.rankLabel])).toEqual(expected);
    });
  });
}
