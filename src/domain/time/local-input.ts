import { isCalendarDate, toLocal } from "./zoned.ts";

/** `<input type="datetime-local">` values, read and written in the tournament's zone by the caller. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/** `2026-03-14T09:30` (what `<input type="datetime-local">` sends) → date and time; null when malformed. */
export function splitLocal(value: string): { date: string; time: string } | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m || !isCalendarDate(m[1]!)) return null;
  const [h, min] = m[2]!.split(":").map(Number);
  if (h! > 23 || min! > 59) return null;
  return { date: m[1]!, time: m[2]! };
}

/** An instant as `<input type="datetime-local">` shows it in the zone. */
export function localInput(epoch: number, zone: string): string {
  const l = toLocal(epoch, zone);
  return `${l.date}T${l.time}`;
}
