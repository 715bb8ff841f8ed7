/**
 * Wall-clock time in an IANA zone ↔ epoch ms, with Intl only (no tz library). Storage is always epoch ms;
 * these conversions are for organiser input (relay at 09:00 local) and for rendering.
 */

export const DAY_MS = 86_400_000;

export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` (24-hour) */
  time: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

function wallClock(epoch: number, zone: string) {
  const n: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(epoch)) if (p.type !== "literal") n[p.type] = Number(p.value);
  return { year: n.year!, month: n.month!, day: n.day!, hour: n.hour!, minute: n.minute!, second: n.second! };
}

/** True for a zone name Intl knows (`Europe/Berlin`, `UTC`, ...). */
export function isTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at that instant, in ms (CEST → +7,200,000). */
export function offsetAt(epoch: number, zone: string): number {
  const w = wallClock(epoch, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function toLocal(epoch: number, zone: string): LocalDateTime {
  const w = wallClock(epoch, zone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** Today's calendar date in the zone. */
export function todayIn(zone: string, now: number): string {
  return toLocal(now, zone).date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time happens in the zone. Like Temporal's "compatible": a time skipped by a
 * spring-forward gap moves forward by the gap; a time that occurs twice (autumn) takes the earlier one.
 */
export function fromLocal(date: string, time: string, zone: string): number {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new RangeError(`Not a local date-time: ${date} ${time}`);
  const guess = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const before = offsetAt(guess - DAY_MS, zone);
  const after = offsetAt(guess + DAY_MS, zone);
  const candidates = [guess - before, guess - after].filter((c) => offsetAt(c, zone) === guess - c);
  if (candidates.length > 0) return Math.min(...candidates);
  return guess - before;
}

/**
 * The spring-forward gap a wall-clock time falls in, as the local times it runs from and to
 * (`{ from: "02:00", to: "03:00" }`), or null when the time exists. Forms refuse such a time by name
 * rather than let `fromLocal` move it.
 */
export function skippedTime(date: string, time: string, zone: string): { from: string; to: string } | null {
  const epoch = fromLocal(date, time, zone);
  const back = toLocal(epoch, zone);
  if (back.date === date && back.time === time) return null;
  // The change happens between these instants: before it the earlier offset holds, after it the later one.
  let lo = epoch - DAY_MS;
  let hi = epoch;
  const earlier = offsetAt(lo, zone);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
    if (offsetAt(mid, zone) === earlier) lo = mid;
    else hi = mid;
  }
  // `hi` is the instant of the change (changes fall on whole minutes): the wall clock read it as `from`
  // under the earlier offset, and reads it as `to` under the later one.
  return { from: new Date(hi + earlier).toISOString().slice(11, 16), to: toLocal(hi, zone).time };
}

/** The calendar date of an instant in UTC. */
export function utcDate(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10);
}

/** True for a `YYYY-MM-DD` that names a real day (not 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  return DATE.test(s) && utcDate(Date.parse(`${s}T00:00:00Z`)) === s;
}

/** Calendar arithmetic on `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = DATE.exec(date);
  if (!d) throw new RangeError(`Not a date: ${date}`);
  return utcDate(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days));
}

/** The first instant of a calendar day in the zone (midnight, or the first time after a gap). */
export function startOfDay(date: string, zone: string): number {
  return fromLocal(date, "00:00", zone);
}
