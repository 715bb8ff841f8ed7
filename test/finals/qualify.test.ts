import { describe, expect, it } from "vitest";
import { qualifiers } from "../../src/domain/finals/index.ts";
import type { Card } from "../../src/domain/scoring/ranking.ts";
import { pistol, rifle } from "../scoring/fixtures.ts";

/** 60 shots of `base`, with the shots named in `changes` (shot number → value) and inner tens at `inner`. */
function card(entryId: string, base: number, changes: Record<number, number> = {}, inner: number[] = []): Card {
  return {
    entryId,
    shots: Array.from({ length: 60 }, (_, i) => ({ shotNo: i + 1, value: changes[i + 1] ?? base, innerTen: inner.includes(i + 1) })),
  };
}

/** Seven clear qualifiers: 61 × 10 … with 10.7 down to 10.1 every shot (642.0 … 606.0). */
const seven = [107, 106, 105, 104, 103, 102, 101].map((v, i) => card(`q${i + 1}`, v));

describe("who qualifies for the final", () => {
  it("the best eight by total, in ranking order", () => {
    const result = qualifiers(rifle, [...seven, card("x", 100, { 1: 101 }), card("y", 100)], 8);
    expect(result).toEqual({ ok: true, entryIds: ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "x"] });
  });

  it("decimal: x and y both 600.0, the last series decides eighth (y's series 6 is 100.5, x's 100.0)", () => {
    const x = card("x", 100);
    const y = card("y", 100, { 55: 105, 5: 95 });
    const result = qualifiers(rifle, [x, ...seven, y], 8);
    expect(result).toEqual({ ok: true, entryIds: ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "y"] });
  });

  it("integer: equal 540, more inner tens decides eighth", () => {
    const d = pistol;
    const clear = [10, 10, 10, 10, 10, 10, 10].map((v, i) => card(`p${i + 1}`, v));
    const x = card("x", 9, {}, []);
    const y = card("y", 9, { 1: 10, 2: 8 }, [1]);
    const result = qualifiers(d, [...clear, x, y], 8);
    expect(result.ok && result.entryIds.at(-1)).toBe("y");
  });

  it("equal after every tie-break for eighth: no final until the organiser decides", () => {
    const result = qualifiers(rifle, [...seven, card("x", 100), card("y", 100)], 8);
    expect(result).toMatchObject({ ok: false, reason: "tie_for_last_place", tied: ["x", "y"] });
  });

  it("a tie below the cut does not matter", () => {
    const result = qualifiers(rifle, [...seven, card("w", 100, { 1: 102 }), card("x", 100), card("y", 100)], 8);
    expect(result).toEqual({ ok: true, entryIds: ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "w"] });
  });

  it("fewer than eight with a score: refused", () => {
    expect(qualifiers(rifle, seven, 8)).toMatchObject({ ok: false, reason: "too_few" });
  });
});
