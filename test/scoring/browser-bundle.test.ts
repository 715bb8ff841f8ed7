import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASSET_PATHS } from "../../src/assets.generated.ts";
import * as source from "../../src/domain/scoring/index.ts";
import { operationCases } from "./cases/operations.ts";
import { rankingCases } from "./cases/ranking.ts";
import { totalCases } from "./cases/totals.ts";
import { valueCases } from "./cases/values.ts";

/**
 * The offline scoring app runs the rules as bundled for the browser (public/h/scoring-rules.<hash>.js, made by
 * scripts/assets.ts from src/domain/scoring). The rulebook cases of this folder run again against that bundle,
 * then random cards are scored, ranked and written by both, bundle and source.
 */
const file = ASSET_PATHS["/bundles/scoring-rules.js"];
if (!file) throw new Error("no scoring-rules bundle: run node scripts/assets.ts");
const bundled = (await import(/* @vite-ignore */ `/public${file}`)) as typeof source;

describe("the browser bundle of the scoring rules", () => {
  it("is a separate build of the whole of src/domain/scoring", () => {
    expect(file).toMatch(/^\/h\/scoring-rules\.[0-9a-f]{10}\.js$/);
    expect(bundled.cardTotals).not.toBe(source.cardTotals);
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(source).sort());
    expect(bundled.disciplineList()).toEqual(source.disciplineList());
  });

  it("scores, ranks, reads and applies operations as the server does on random cards of every discipline", () => {
    for (const d of source.disciplineList()) {
      const card = fc.uniqueArray(
        fc.record({ shotNo: fc.integer({ min: 1, max: d.shots }), value: fc.integer({ min: 0, max: d.maxValue }), innerTen: fc.boolean() }),
        { selector: (s) => s.shotNo, maxLength: d.shots },
      );
      const legal = (shots: { shotNo: number; value: number; innerTen: boolean }[]) =>
        shots.map((s) => ({ ...s, innerTen: s.innerTen && source.validateShotValue(d, s.value, true) === null }));
      fc.assert(
        fc.property(fc.array(card, { minLength: 1, maxLength: 6 }), (cards) => {
          const entries = cards.map((shots, i) => ({ entryId: `e${i}`, shots: legal(shots) }));
          expect(bundled.rankCards(d, entries)).toEqual(source.rankCards(d, entries));
          for (const e of entries) expect(bundled.cardTotals(d, e.shots)).toEqual(source.cardTotals(d, e.shots));
        }),
        { numRuns: 30 },
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: d.maxValue + 5 }), (typed, value) => {
          expect(bundled.parseShot(d, typed)).toEqual(source.parseShot(d, typed));
          expect(bundled.validateShotValue(d, value, true)).toEqual(source.validateShotValue(d, value, true));
        }),
        { numRuns: 50 },
      );
      const write = fc.record({ shotNo: fc.integer({ min: 0, max: d.shots + 1 }), value: fc.option(fc.integer({ min: 0, max: d.maxValue })), undo: fc.boolean() });
      fc.assert(
        fc.property(fc.array(write, { maxLength: 30 }), (writes) => {
          let mine: source.CardState = { entryId: "e", slots: new Map(), appliedOpIds: new Set() };
          let theirs = mine;
          writes.forEach((w, i) => {
            const current = theirs.slots.get(w.shotNo);
            const op = { opId: `op${i % 25}`, entryId: "e", shotNo: w.shotNo, value: w.value, enteredAt: 1_800_000_000_000, ...(w.undo && current ? { replaces: current, reason: "undo" } : {}) };
            const a = bundled.applyOperation(d, mine, op);
            const s = source.applyOperation(d, theirs, op);
            expect(a).toEqual(s);
            mine = bundled.nextCard(mine, a);
            theirs = source.nextCard(theirs, s);
          });
          expect(bundled.shotsOf(mine)).toEqual(source.shotsOf(theirs));
        }),
        { numRuns: 30 },
      );
    }
  });
});

// The rulebook cases (values, totals, ISSF tie-breaks with the Rio 2016 check, operations), on the bundle.
describe("browser bundle: rulebook cases", () => {
  valueCases(bundled);
  totalCases(bundled);
  rankingCases(bundled);
  operationCases(bundled);
});
