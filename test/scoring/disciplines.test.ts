import { describe, expect, it } from "vitest";
import {
  discipline,
  disciplineList,
  seriesCount,
  seriesOf,
  stageOfSeries,
  stageSpans,
} from "../../src/domain/scoring/disciplines.ts";
import { DECIMAL_TIE_BREAKS, HITMISS_TIE_BREAKS, INTEGER_TIE_BREAKS } from "../../src/domain/scoring/rulebook.ts";
import { get } from "./fixtures.ts";

describe("the discipline catalogue", () => {
  it.each([
    ["air-rifle-10m", "decimal", 60, 10, 109, true],
    ["air-pistol-10m", "integer", 60, 10, 10, true],
    ["rifle-prone-50m", "decimal", 60, 10, 109, true],
    ["pistol-25m", "integer", 60, 5, 10, true],
    ["rapid-fire-pistol-25m", "integer", 60, 5, 10, true],
    ["trap", "hitmiss", 125, 25, 1, false],
    ["skeet", "hitmiss", 125, 25, 1, false],
  ] as const)("%s: %s scoring, %i shots in series of %i, at most %i per shot, sighters %s", (id, scoring, shots, seriesLength, maxValue, sighters) => {
    const d = get(id);
    expect(d).toMatchObject({ id, scoring, shots, seriesLength, maxValue, sighters });
  });

  it("takes each scoring kind's tie-break order from the rulebook", () => {
    expect(get("air-rifle-10m").tieBreaks).toEqual(["seriesBackwards", "shotsBackwards"]);
    expect(get("air-pistol-10m").tieBreaks).toEqual(["innerTens", "seriesBackwards", "shotsBackwards"]);
    expect(get("trap").tieBreaks).toEqual(["seriesBackwards"]);
    for (const d of disciplineList()) {
      const expected = { decimal: DECIMAL_TIE_BREAKS, integer: INTEGER_TIE_BREAKS, hitmiss: HITMISS_TIE_BREAKS };
      expect(d.tieBreaks).toBe(expected[d.scoring]);
    }
  });

  it("lists every discipline once for forms, with a name", () => {
    const ids = disciplineList().map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(["air-rifle-10m", "air-pistol-10m", "rifle-prone-50m", "pistol-25m", "rapid-fire-pistol-25m", "trap", "skeet"]);
    for (const d of disciplineList()) expect(d.name.length).toBeGreaterThan(0);
  });

  it("answers undefined for an unknown id", () => {
    expect(discipline("crossbow-30m")).toBeUndefined();
  });

  it("counts series: 60 / 10 = 6 series, 125 / 25 = 5 rounds; shot 60 is in series 6, target 26 in round 2", () => {
    expect(seriesCount(get("air-rifle-10m"))).toBe(6);
    expect(seriesCount(get("trap"))).toBe(5);
    expect(seriesOf(get("air-rifle-10m"), 60)).toBe(6);
    expect(seriesOf(get("air-rifle-10m"), 11)).toBe(2);
    expect(seriesOf(get("trap"), 26)).toBe(2);
  });

  it("shoots 25 m as ISSF does: 30 precision + 30 rapid-fire shots, 12 series of 5, ties by 10-shot series", () => {
    const d = get("pistol-25m");
    expect(seriesCount(d)).toBe(12);
    expect(d.tieBreakSeriesLength).toBe(10);
    expect(stageSpans(d)).toEqual([
      { name: "Precision", firstSeries: 1, lastSeries: 6 },
      { name: "Rapid fire", firstSeries: 7, lastSeries: 12 },
    ]);
    expect(stageOfSeries(d, seriesOf(d, 30))?.name).toBe("Precision");
    expect(stageOfSeries(d, seriesOf(d, 31))?.name).toBe("Rapid fire");
    expect(stageSpans(get("rapid-fire-pistol-25m")).map((s) => [s.name, s.firstSeries, s.lastSeries])).toEqual([
      ["Stage 1", 1, 6],
      ["Stage 2", 7, 12],
    ]);
    expect(stageSpans(get("air-rifle-10m"))).toEqual([]);
    expect(stageOfSeries(get("air-rifle-10m"), 1)).toBeUndefined();
  });

  it("gives the decimal rifle disciplines the ISSF decimal final", () => {
    expect(get("air-rifle-10m").final?.finalists).toBe(8);
    expect(get("rifle-prone-50m").final).toBe(get("air-rifle-10m").final);
  });
});
