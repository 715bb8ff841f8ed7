/** A shot's position in mm from the target's centre (x to the right, y up). */
export interface Point {
  x: number;
  y: number;
}

export interface GroupFigures {
  shots: number;
  /** Extreme spread: the largest distance between two shots' centres, in mm (0 for one shot). */
  sizeMm: number;
  /** Mean point of impact: the average position, in mm. */
  mean: Point;
}

/** Group size and mean point of impact of shots with a position; null for none. */
export function groupFigures(points: readonly Point[]): GroupFigures | null {
  if (points.length === 0) return null;
  let size = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      size = Math.max(size, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    }
  }
  const mean = {
    x: points.reduce((s, p) => s + p.x, 0) / points.length,
    y: points.reduce((s, p) => s + p.y, 0) / points.length,
  };
  return { shots: points.length, sizeMm: size, mean };
}

/** "1.20 mm right, 0.50 mm high" (or "centre"), for text beside a plot. */
export function describeOffset(p: Point): string {
  const parts: string[] = [];
  if (Math.abs(p.x) >= 0.005) parts.push(`${Math.abs(p.x).toFixed(2)} mm ${p.x > 0 ? "right" : "left"}`);
  if (Math.abs(p.y) >= 0.005) parts.push(`${Math.abs(p.y).toFixed(2)} mm ${p.y > 0 ? "high" : "low"}`);
  return parts.length === 0 ? "centre" : parts.join(", ");
}
