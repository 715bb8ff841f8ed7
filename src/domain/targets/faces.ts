/**
 * ISSF target faces as data: the ten ring's diameter, the distance between rings, the projectile's calibre.
 * A shot's value follows from the distance of its centre to the target's centre: it scores the highest ring
 * its hole touches (ISSF scoring), i.e. ring n when distance ≤ radius of ring n + calibre / 2.
 *
 * Figures (ISSF General Technical Rules 6.3, target dimensions; checked against public copies):
 * - 10 m air rifle: ten ring a 0.5 mm dot, rings 2.5 mm apart (1 ring 45.5 mm), 4.5 mm pellet —
 *   marplerifleandpistolclub.org.uk/pictures/airtarg1.htm ("the 10 is the tiny spot … 0.5 mm in diameter",
 *   "only correct for 4.5mm (.177) airgun pellets"), target-log.net's ISSF air rifle guide (10 ring 0.5 mm)
 *   and the 45.5 mm overall diameter quoted for the ISSF air rifle target; (45.5 − 0.5) / 2 / 9 = 2.5 mm.
 * - 10 m air pistol: ten ring 11.5 mm, rings 8 mm apart (1 ring 155.5 mm), 4.5 mm pellet; inner ten 5 mm.
 * - 50 m rifle: ten ring 10.4 mm, rings 8 mm apart (1 ring 154.4 mm), 5.6 mm (.22 rimfire) bullet; inner ten 5 mm.
 * - 25 m precision pistol: ten ring 50 mm, rings 25 mm apart (1 ring 500 mm), 5.6 mm bullet; inner ten 25 mm.
 * VERIFY: the pistol, 50 m and 25 m figures are the rulebook's as the project's brief quotes them; public
 * copies found here did not show those tables.
 */
export interface TargetFace {
  /** Diameter of the ten ring in mm (for air rifle, the dot). */
  tenRingMm: number;
  /** Radial distance from one ring to the next in mm. */
  ringStepMm: number;
  calibreMm: number;
  /** Diameter of the inner ten ring drawn on the face, where the face has one. */
  innerTenMm?: number;
  /** The black aiming mark covers rings this value and higher (drawn dark on plots). */
  blackFrom: number;
}

const FACES: Record<string, TargetFace> = {
  "air-rifle-10m": { tenRingMm: 0.5, ringStepMm: 2.5, calibreMm: 4.5, blackFrom: 4 },
  "air-pistol-10m": { tenRingMm: 11.5, ringStepMm: 8, calibreMm: 4.5, innerTenMm: 5, blackFrom: 7 },
  "rifle-prone-50m": { tenRingMm: 10.4, ringStepMm: 8, calibreMm: 5.6, innerTenMm: 5, blackFrom: 3 },
  "pistol-25m": { tenRingMm: 50, ringStepMm: 25, calibreMm: 5.6, innerTenMm: 25, blackFrom: 7 },
};

/** The discipline's target face, or undefined where shots have no position here (shotgun, rapid fire). */
export function targetFace(disciplineId: string): TargetFace | undefined {
  return FACES[disciplineId];
}

/**
 * How far from the centre (mm) a shot's centre may lie and still be an inner ten: its hole touches the inner
 * ten ring (inward gauging, like every ring); on the air rifle face, which has none, the dot must be shot out
 * completely (ISSF: "when the 10 ring (dot) has been shot out"), i.e. within calibre / 2 − dot / 2 = 2.00 mm.
 */
export function innerTenRadius(face: TargetFace): number {
  return face.innerTenMm !== undefined ? face.innerTenMm / 2 + face.calibreMm / 2 : face.calibreMm / 2 - face.tenRingMm / 2;
}

/** Radius in mm of ring `n` (10 … 1). */
export function ringRadius(face: TargetFace, n: number): number {
  return face.tenRingMm / 2 + (10 - n) * face.ringStepMm;
}
