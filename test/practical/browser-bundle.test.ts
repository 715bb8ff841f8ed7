import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASSET_PATHS } from "../../src/assets.generated.ts";
import * as source from "../../src/domain/practical/index.ts";
import { ruleCases } from "./cases/rules.ts";

/**
 * The offline app's practical mode computes running points with the rules as bundled for the browser
 * (public/h/practical-rules.<hash>.js, made by scripts/assets.ts from src/domain/practical). The hand-worked
 * cases of this folder run again against that bundle, then random stage scores are scored by both.
 */
const file = ASSET_PATHS["/bundles/practical-rules.js"];
if (!file) throw new Error("no practical-rules bundle: run node scripts/assets.ts");
const bundled = (await import(/* @vite-ignore */ `/public${file}`)) as typeof source;

describe("the browser bundle of the practical rules", () => {
  it("is a separate build of the whole of src/domain/practical", () => {
    expect(file).toMatch(/^\/h\/practical-rules\.[0-9a-f]{10}\.js$/);
    expect(bundled.hitFactor).not.toBe(source.hitFactor);
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(source).sort());
  });

  it("scores random stage scores as the server does: points, hit factor, validation", () => {
    const count = fc.integer({ min: 0, max: 40 });
    const hits = fc.record({ a: count, c: count, d: count, miss: count, noShoot: count, procedural: count, timeHundredths: fc.integer({ min: 0, max: 99_999 }) });
    fc.assert(
      fc.property(hits, fc.constantFrom<source.PowerFactor>("major", "minor"), fc.integer({ min: 1, max: 64 }), (h, pf, required) => {
        expect(bundled.rawPoints(h, pf)).toBe(source.rawPoints(h, pf));
        expect(bundled.hitFactor(h, pf)).toBe(source.hitFactor(h, pf));
        expect(bundled.validateStageHits(h, required)).toEqual(source.validateStageHits(h, required));
        expect(bundled.formatFourDecimals(bundled.hitFactor(h, pf))).toBe(source.formatFourDecimals(source.hitFactor(h, pf)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("browser bundle: hand-worked practical cases", () => {
  ruleCases(bundled);
});
