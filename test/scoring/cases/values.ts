import { describe, expect, it } from "vitest";
import type * as Rules from "../../../src/domain/scoring/index.ts";
import { pistol, rifle, trap } from "../fixtures.ts";

/** The rulebook cases of test/scoring/values.test.ts, for any build of src/domain/scoring (the source, or the browser bundle). */
export function valueCases(rules: typeof Rules): void {
  const { formatShot, formatTotal, parseShot, validateShotNo, validateShotValue } = rules;

  describe("parsing decimal shots (10 m air rifle)", () => {
    it.each([
      ["10.4", 104],
      ["9", 90],
      ["10,4", 104],
      ["10.9", 109],
      ["0.0", 0],
      [" 10.4 ", 104],
      ["10.40", 104],
      ["7.", 70],
    ])("%s is %i tenths", (input, tenths) => {
      expect(parseShot(rifle, input)).toEqual({ ok: true, value: tenths, innerTen: false });
    });

    it("reads a number from JSON the same as its text: 10.4 → 104", () => {
      expect(parseShot(rifle, 10.4)).toEqual({ ok: true, value: 104, innerTen: false });
    });

    it("reads a trailing * as an inner ten, only on 10.0 or better", () => {
      expect(parseShot(rifle, "10.4*")).toEqual({ ok: true, value: 104, innerTen: true });
      expect(parseShot(rifle, "9.5*")).toEqual({ ok: false, message: "Only a 10.0 or better can be an inner ten" });
    });

    it.each([
      ["11.0", "10.9 is the highest decimal score"],
      ["10.95", "10.9 is the highest decimal score"],
      ["109", "10.9 is the highest decimal score"],
      ["9.55", "Decimal scores have one digit after the point, e.g. 10.4"],
      ["abc", "Enter a score like 10.4"],
      ["", "Enter a score like 10.4"],
      ["10.4.1", "Enter a score like 10.4"],
      ["-1", "A score cannot be negative"],
      ["-0.5", "A score cannot be negative"],
      ["X", "Enter the decimal value of the inner ten, e.g. 10.4"],
    ])("rejects %j: %s", (input, message) => {
      expect(parseShot(rifle, input)).toEqual({ ok: false, message });
    });

    it("rejects a number that is not finite", () => {
      expect(parseShot(rifle, Number.NaN)).toEqual({ ok: false, message: "Enter a score like 10.4" });
    });
  });

  describe("parsing integer shots (10 m air pistol)", () => {
    it.each([
      ["0", 0, false],
      ["9", 9, false],
      ["10", 10, false],
      ["10*", 10, true],
      ["X", 10, true],
      ["x", 10, true],
      ["10x", 10, true],
      ["9.0", 9, false],
    ])("%s is %i (inner ten %s)", (input, value, innerTen) => {
      expect(parseShot(pistol, input)).toEqual({ ok: true, value, innerTen });
    });

    it.each([
      ["11", "10 is the highest score"],
      ["9*", "Only a 10 can be an inner ten"],
      ["9.5", "Scores are whole numbers from 0 to 10"],
      ["-3", "A score cannot be negative"],
      ["ten", "Enter a score from 0 to 10, or X for an inner ten"],
    ])("rejects %j: %s", (input, message) => {
      expect(parseShot(pistol, input)).toEqual({ ok: false, message });
    });
  });

  describe("parsing hit/miss targets (trap)", () => {
    it.each(["1", "x", "X", "hit", "HIT", "h"])("%j is a hit", (input) => {
      expect(parseShot(trap, input)).toEqual({ ok: true, value: 1, innerTen: false });
    });
    it.each(["0", "-", "miss", "Miss", "o"])("%j is a miss", (input) => {
      expect(parseShot(trap, input)).toEqual({ ok: true, value: 0, innerTen: false });
    });
    it.each(["2", "10", "yes"])("rejects %j", (input) => {
      expect(parseShot(trap, input)).toEqual({ ok: false, message: "Enter hit (1 or x) or miss (0 or -)" });
    });
  });

  describe("formatting shots and totals", () => {
    it("shows decimal tenths with one place and marks inner tens", () => {
      expect(formatShot(rifle, 104)).toBe("10.4");
      expect(formatShot(rifle, 90)).toBe("9.0");
      expect(formatShot(rifle, 0)).toBe("0.0");
      expect(formatShot(rifle, 106, true)).toBe("10.6*");
    });

    it("shows integer shots with * for an inner ten, and hit/miss as words", () => {
      expect(formatShot(pistol, 10, true)).toBe("10*");
      expect(formatShot(pistol, 10)).toBe("10");
      expect(formatShot(pistol, 7)).toBe("7");
      expect(formatShot(trap, 1)).toBe("hit");
      expect(formatShot(trap, 0)).toBe("miss");
    });

    it("shows totals: 6123 tenths → 612.3, 575 points → 575", () => {
      expect(formatTotal(rifle, 6123)).toBe("612.3");
      expect(formatTotal(rifle, 60)).toBe("6.0");
      expect(formatTotal(pistol, 575)).toBe("575");
      expect(formatTotal(trap, 118)).toBe("118");
    });

    it("reads back every decimal value it shows, 0.0 to 10.9", () => {
      for (let tenths = 0; tenths <= 109; tenths++) {
        expect(parseShot(rifle, formatShot(rifle, tenths))).toEqual({ ok: true, value: tenths, innerTen: false });
      }
      expect(parseShot(rifle, formatShot(rifle, 105, true))).toEqual({ ok: true, value: 105, innerTen: true });
    });

    it("reads back every integer value it shows, 0 to 10 and 10*", () => {
      for (let points = 0; points <= 10; points++) {
        expect(parseShot(pistol, formatShot(pistol, points))).toEqual({ ok: true, value: points, innerTen: false });
      }
      expect(parseShot(pistol, formatShot(pistol, 10, true))).toEqual({ ok: true, value: 10, innerTen: true });
      expect(parseShot(trap, formatShot(trap, 1))).toEqual({ ok: true, value: 1, innerTen: false });
      expect(parseShot(trap, formatShot(trap, 0))).toEqual({ ok: true, value: 0, innerTen: false });
    });
  });

  describe("validating stored values and shot numbers", () => {
    it("bounds stored values by the discipline: 109 tenths, 10 points, 1 hit", () => {
      expect(validateShotValue(rifle, 109)).toBeNull();
      expect(validateShotValue(rifle, 110)?.reason).toBe("out_of_range");
      expect(validateShotValue(rifle, 10.4)?.message).toBe("Scores are stored as whole tenths (10.4 is 104)");
      expect(validateShotValue(pistol, 11)?.message).toBe("10 is the highest score");
      expect(validateShotValue(pistol, -1)?.message).toBe("A score cannot be negative");
      expect(validateShotValue(trap, 2)?.reason).toBe("out_of_range");
      expect(validateShotValue(trap, 1, true)?.reason).toBe("inner_ten_not_allowed");
      expect(validateShotValue(pistol, 9, true)?.reason).toBe("inner_ten_not_allowed");
    });

    it("says which shot is beyond the match, in the discipline's words", () => {
      expect(validateShotNo(rifle, 60)).toBeNull();
      expect(validateShotNo(rifle, 61)).toEqual({
        reason: "beyond_match",
        message: "Shot 61 is beyond the 60-shot match",
      });
      expect(validateShotNo(trap, 126)?.message).toBe("Target 126 is beyond the 125-target match");
      expect(validateShotNo(rifle, 0)?.reason).toBe("invalid_shot_no");
      expect(validateShotNo(rifle, 1.5)?.reason).toBe("invalid_shot_no");
    });
  });
}
