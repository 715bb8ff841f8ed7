import type { EntryRecord } from "./types.ts";

/** The status a newly placed entry gets: held until paid when the tournament charges a fee. */
export function placedStatus(holdMinutes: number): "held" | "confirmed" {
  return holdMinutes > 0 ? "held" : "confirmed";
}

export function holdUntil(now: number, holdMinutes: number): number | null {
  return holdMinutes > 0 ? now + Math.round(holdMinutes * 60_000) : null;
}

export function isHoldDue(entry: Pick<EntryRecord, "status" | "holdUntil">, now: number): boolean {
  return entry.status === "held" && entry.holdUntil !== null && entry.holdUntil <= now;
}
