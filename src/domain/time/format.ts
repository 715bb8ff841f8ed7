/**
 * Human formatting for pages. One fixed locale, so a cached page is the same bytes for every visitor;
 * every instant is shown in the tournament's zone with the zone's abbreviation.
 */

export const LOCALE = "en-GB";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, options);
    formatters.set(key, f);
  }
  return f;
}

/** A calendar date has no zone: format it as the UTC noon of that day. */
function calendarInstant(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

interface Parts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  timeZoneName: string;
}

/** Named parts, composed by hand below: ICU's own patterns put commas in some forms and not others. */
function parts(epoch: number, zone: string): Parts {
  const f = formatter(`parts:${zone}`, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(epoch)) out[p.type] = p.value;
  return out as unknown as Parts;
}

function day(p: Parts, withYear = true): string {
  return `${p.weekday} ${p.day} ${p.month}${withYear ? ` ${p.year}` : ""}`;
}

/** `Sat 14 Mar 2026` */
export function formatDate(date: string): string {
  return day(parts(calendarInstant(date), "UTC"));
}

/**
 * Match days as two parts, the first without a year the second repeats: `Sat 14 Mar` – `Sun 15 Mar 2026`.
 * A one-day tournament gives one part.
 */
export function formatDateRange(startsOn: string, endsOn: string): [string] | [string, string] {
  if (startsOn === endsOn) return [formatDate(startsOn)];
  const sameYear = startsOn.slice(0, 4) === endsOn.slice(0, 4);
  return [day(parts(calendarInstant(startsOn), "UTC"), !sameYear), formatDate(endsOn)];
}

/** `Sat 14 Mar 2026, 09:00 CET` */
export function formatDateTime(epoch: number, zone: string): string {
  const p = parts(epoch, zone);
  return `${day(p)}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** `09:00` */
export function formatTime(epoch: number, zone: string): string {
  const p = parts(epoch, zone);
  return `${p.hour}:${p.minute}`;
}

/** `Sat 14 Mar, 09:00` (for rows under a heading that already names the year and zone). */
export function formatDayTime(epoch: number, zone: string): string {
  const p = parts(epoch, zone);
  return `${day(p, false)}, ${p.hour}:${p.minute}`;
}

/** The zone's abbreviation at that instant (`CET`, `CEST`, `GMT+3`). */
export function zoneAbbreviation(epoch: number, zone: string): string {
  return parts(epoch, zone).timeZoneName;
}
/**
 * Time left as the countdown shows it: `2 d 03:04:05`, `04:05:06`, `00:04:59`. public/scripts/app.js
 * formats the same way while it ticks.
 */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
  return days > 0 ? `${days} d ${clock}` : clock;
}

/** The same span as an ISO 8601 duration, for `<time datetime>`: `P2DT3H4M5S`. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `P${days > 0 ? `${days}D` : ""}T${h}H${m}M${s}S`;
}
