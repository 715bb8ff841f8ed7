import type { Discipline } from "./disciplines.ts";

/**
 * Warnings before a likely mistake: pure rules, so the scoring page and the organiser's results page ask
 * the same questions the same way.
 */

/** The shots a new shot number would leave empty behind it: entering 10 right after 3 skips 4–9. */
export function skippedShots(fired: Iterable<number>, shotNo: number): { from: number; to: number } | null {
  let last = 0;
  for (const n of fired) if (n > last) last = n;
  return shotNo > last + 1 ? { from: last + 1, to: shotNo - 1 } : null;
}

/** "Shot 10 skips shots 4–9: they stay empty. …" */
export function skipWarning(d: Discipline, shotNo: number, skipped: { from: number; to: number }): string {
  const noun = d.shotNoun;
  const Noun = noun === "target" ? "Target" : "Shot";
  const range = skipped.from === skipped.to ? `${noun} ${skipped.from}` : `${noun}s ${skipped.from}–${skipped.to}`;
  return `${Noun} ${shotNo} skips ${range}, which would stay empty. Enter it again to save it as ${noun} ${shotNo}, or correct the number.`;
}

export interface MissingShots {
  entryId: string;
  fired: number;
  missing: number;
}

/** Competitors whose cards are not complete yet, most missing first (then in the order given). */
export function missingShots(d: Discipline, rows: Iterable<{ entryId: string; shotsFired: number }>): MissingShots[] {
  const out: MissingShots[] = [];
  for (const r of rows) if (r.shotsFired < d.shots) out.push({ entryId: r.entryId, fired: r.shotsFired, missing: d.shots - r.shotsFired });
  return out.sort((a, b) => b.missing - a.missing);
}

/** "13 of 1,020 shots are entered: 17 competitors are missing 1,007 shots." */
export function missingSummary(d: Discipline, competitors: number, missing: MissingShots[]): string {
  const expected = competitors * d.shots;
  const absent = missing.reduce((n, m) => n + m.missing, 0);
  const fmt = (n: number) => n.toLocaleString("en-GB");
  const plural = (n: number, word: string) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;
  return `${fmt(expected - absent)} of ${plural(expected, d.shotNoun)} are entered: ${plural(missing.length, "competitor")} ${missing.length === 1 ? "is" : "are"} missing ${plural(absent, d.shotNoun)}.`;
}
