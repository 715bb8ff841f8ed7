import { innerTenRadius, type TargetFace } from "./faces.ts";

/**
 * The decimal value (in tenths) of a shot whose centre lies `x`, `y` mm from the target's centre. Each ring
 * is divided into ten: the value falls by a tenth for every tenth of a ring step further out, so a hole just
 * touching the ten ring is 10.0 and the centre is 10.9 at most (10.9 is the highest decimal value). A hole that
 * touches no scoring ring is 0.
 */
export function decimalFromPosition(face: TargetFace, x: number, y: number): number {
  const distance = Math.hypot(x, y);
  // Where a hole's edge just touches the ten ring: 10.0; each ring step further in adds a whole point.
  const touchesTen = face.tenRingMm / 2 + face.calibreMm / 2;
  const score = 10 + (touchesTen - distance) / face.ringStepMm;
  // A hair below the next tenth is still that tenth: floating point must not turn 10.5 into 10.4.
  const tenths = Math.floor(score * 10 + 1e-9);
  if (tenths < 10) return 0;
  return Math.min(109, tenths);
}

/** The integer value of the same shot (0 … 10). */
export function integerFromPosition(face: TargetFace, x: number, y: number): number {
  return Math.floor(decimalFromPosition(face, x, y) / 10);
}

export type PositionCheck = { ok: true; expected: number } | { ok: false; expected: number; message: string };

const tenthsText = (t: number) => `${Math.floor(t / 10)}.${t % 10}`;
const whereOf = (x: number, y: number) => `at x ${x.toFixed(2)} mm, y ${y.toFixed(2)} mm (${Math.hypot(x, y).toFixed(2)} mm from the centre)`;

/**
 * Does a stated inner-ten flag match where the shot landed? As with values, a tenth of a ring step either
 * side of the inner ten's edge is the target system's to decide; further out (or in) the flag is refused.
 */
export function checkInnerTen(face: TargetFace, innerTen: boolean, x: number, y: number): { ok: true } | { ok: false; message: string } {
  const distance = Math.hypot(x, y);
  const radius = innerTenRadius(face);
  const margin = face.ringStepMm / 10;
  const edge = `the inner ten reaches ${radius.toFixed(2)} mm`;
  if (innerTen && distance > radius + margin) {
    return { ok: false, message: `A shot ${whereOf(x, y)} is no inner ten (${edge}): the inner-ten flag and position disagree` };
  }
  if (!innerTen && distance < radius - margin) {
    return { ok: false, message: `A shot ${whereOf(x, y)} is an inner ten (${edge}), but innerTen is false: the flag and position disagree` };
  }
  return { ok: true };
}

/**
 * Does a reported value match where the shot landed? A decimal value (tenths) may differ by one tenth from
 * the value its position gives (the target system's own rounding); more is refused. An integer value may
 * differ only where the position lies within a tenth of the ring's edge.
 */
export function checkAgainstPosition(
  face: TargetFace,
  value: { decimal: number } | { integer: number },
  x: number,
  y: number,
): PositionCheck {
  const expected = decimalFromPosition(face, x, y);
  const where = whereOf(x, y);
  if ("decimal" in value) {
    if (Math.abs(value.decimal - expected) <= 1) return { ok: true, expected };
    return {
      ok: false,
      expected,
      message: `A shot ${where} is worth ${tenthsText(expected)}, not ${tenthsText(value.decimal)}: value and position disagree by more than a tenth`,
    };
  }
  const candidates = new Set([expected - 1, expected, expected + 1].filter((t) => t >= 0).map((t) => (t < 10 ? 0 : Math.floor(t / 10))));
  if (candidates.has(value.integer)) return { ok: true, expected };
  return {
    ok: false,
    expected,
    message: `A shot ${where} is worth ${Math.floor(expected / 10)} (${tenthsText(expected)}), not ${value.integer}: value and position disagree`,
  };
}
