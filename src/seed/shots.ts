import type { Discipline } from "../domain/scoring/disciplines.ts";
import type { ShotValue } from "../domain/scoring/values.ts";
import { innerTenRadius, type TargetFace } from "../domain/targets/faces.ts";

/**
 * Realistic demo scores, the same every time for the same competitor and shot: each competitor gets a
 * level from their key, each shot a spread around it. Pure, so the seed (through the object) and
 * `npm run demo:live` (through the API) draw from the same hand.
 */

/** FNV-1a, then a few xorshift rounds: a well-spread 32-bit number from any text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h << 13;
  h ^= h >>> 17;
  h ^= h << 5;
  return h >>> 0;
}

/** A number in [0, 1) for the key and salt. */
function unit(key: string, salt: string): number {
  return hash(`${key}#${salt}`) / 2 ** 32;
}

/** A spread around 0 in (-1, 1), more often near 0 (the sum of two uniforms). */
function spread(key: string, salt: string): number {
  return unit(key, `${salt}a`) + unit(key, `${salt}b`) - 1;
}

/** The stored value of `shotNo` for the competitor with this key (see src/domain/scoring/values.ts for units). */
export function demoShot(d: Discipline, key: string, shotNo: number): ShotValue {
  const level = unit(key, "level");
  const noise = spread(key, String(shotNo));
  switch (d.scoring) {
    case "decimal": {
      // 10.0 to 10.5 on average; a shot within about ±0.9 of it, never above 10.9.
      const tenths = Math.round(100 + level * 5 + noise * 9);
      return { value: Math.max(80, Math.min(d.maxValue, tenths)), innerTen: false };
    }
    case "integer": {
      // 9.0 to 9.7 on average; an inner ten for about a third of the tens.
      const points = Math.max(6, Math.min(10, Math.round(9 + level * 0.7 + noise * 1.6)));
      return { value: points, innerTen: points === 10 && unit(key, `${shotNo}x`) < 0.35 };
    }
    case "hitmiss":
      return { value: unit(key, String(shotNo)) < 0.8 + level * 0.15 ? 1 : 0, innerTen: false };
  }
}

/** How far into its relay a competitor is: `shots` give or take one or two, by key. */
export function shotsSoFar(d: Discipline, key: string, shots: number | "all"): number {
  if (shots === "all") return d.shots;
  return Math.max(0, Math.min(d.shots, shots - Math.floor(unit(key, "pace") * 4)));
}

/**
 * Where a shot of this value lands on the face, as an electronic target would report it: at the distance the
 * value stands for (the middle of its tenth, or of its ring for whole points), at an angle drawn from the key.
 * In mm, to the hundredth.
 */
export function demoPosition(
  face: TargetFace,
  scoring: "decimal" | "integer",
  value: number,
  key: string,
  shotNo: number,
  innerTen = false,
): { x: number; y: number } {
  const score = scoring === "decimal" ? value / 10 + 0.05 : value + 0.5;
  const tenEdge = face.tenRingMm / 2 + face.calibreMm / 2;
  // A whole-point ten lands inside the inner ten when it is one, between it and the ten's edge when not.
  const ten = innerTen ? innerTenRadius(face) / 2 : (innerTenRadius(face) + tenEdge) / 2;
  const distance = scoring === "integer" && value === 10 ? ten : Math.max(0, tenEdge - (Math.min(score, 10.95) - 10) * face.ringStepMm);
  const angle = unit(key, `${shotNo}angle`) * 2 * Math.PI;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { x: round(distance * Math.cos(angle)), y: round(distance * Math.sin(angle)) };
}
