import { z } from "zod";
import { formatDate } from "../../domain/time/format.ts";
import { DAY_MS, fromLocal, isCalendarDate, isTimeZone, toLocal, utcDate } from "../../domain/time/zoned.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import type { TournamentFields } from "../tournament-fields.ts";
import { parseFields } from "./form-fields.ts";
import { localInput, splitLocal } from "../../domain/time/local-input.ts";
import { localTimeProblem } from "../../domain/time/local-problems.ts";

/** The tournament form, in field order (the order errors are focused in). */
export const TOURNAMENT_FIELDS = [
  "title",
  "slug",
  "club",
  "venue",
  "timeZone",
  "startsOn",
  "endsOn",
  "opensAt",
  "closesAt",
  "fee",
  "currency",
  "description",
] as const;

function knownCurrencies(): Set<string> | null {
  try {
    return new Set(Intl.supportedValuesOf("currency"));
  } catch {
    return null;
  }
}

/** Decimal places of the currency's minor unit (EUR 2, JPY 0). */
function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function feeInput(cents: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (cents / 10 ** digits).toFixed(digits);
}

const text = (min: number, max: number, missing: string, tooLong: string) =>
  z.string().trim().min(min, missing).max(max, tooLong);

const shape = {
  title: text(3, 120, "Enter a title of at least 3 characters.", "Keep the title to 120 characters or fewer."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "Enter an address of at least 3 characters.")
    .max(60, "Keep the address to 60 characters or fewer.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, like autumn-open-2026."),
  club: z.string().trim().max(120, "Keep the club to 120 characters or fewer."),
  venue: text(2, 160, "Enter the venue (at least 2 characters).", "Keep the venue to 160 characters or fewer."),
  timeZone: z
    .string()
    .trim()
    .min(1, "Choose the time zone the tournament takes place in.")
    .refine(isTimeZone, "Choose a time zone from the list, such as Europe/Berlin."),
  startsOn: z.string().trim().refine(isCalendarDate, "Enter the first match day."),
  endsOn: z.string().trim().refine(isCalendarDate, "Enter the last match day."),
  opensAt: z.string().refine((v) => splitLocal(v) !== null, "Enter when registration opens (date and time)."),
  closesAt: z.string().refine((v) => splitLocal(v) !== null, "Enter when registration closes (date and time)."),
  fee: z
    .string()
    .trim()
    .transform((v) => (v === "" ? "0" : v.replace(",", ".")))
    .pipe(z.string().regex(/^\d{1,6}(\.\d{1,2})?$/, "Enter the fee as a number like 25 or 25.50 (0 for free).")),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-Z]{3}$/.test(v) && (knownCurrencies()?.has(v) ?? true), "Enter a currency code such as EUR, GBP or USD."),
  description: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(5000, "Keep the description to 5,000 characters or fewer.")),
};

/** A relay as the date check needs it. */
export interface RelayOnCalendar {
  name: string;
  eventTitle: string;
  startsAt: number;
}

/**
 * Reads the form. Times are entered in the tournament's own zone (the one in the form). Relays already
 * planned must stay inside the match days, so moving the dates is refused until those relays are moved.
 */
export function parseTournament(values: Values, relays: readonly RelayOnCalendar[]): { data: TournamentFields } | { errors: Errors } {
  const { data: f, errors } = parseFields(shape, values);
  if (f.startsOn !== undefined && f.endsOn !== undefined && f.endsOn < f.startsOn) errors.endsOn = "The last match day cannot be before the first.";
  const zone = f.timeZone;
  const opens = f.opensAt === undefined ? null : splitLocal(f.opensAt);
  const closes = f.closesAt === undefined ? null : splitLocal(f.closesAt);
  const opensGap = zone && opens ? localTimeProblem(opens.date, opens.time, zone) : null;
  const closesGap = zone && closes ? localTimeProblem(closes.date, closes.time, zone) : null;
  if (opensGap) errors.opensAt = opensGap;
  if (closesGap) errors.closesAt = closesGap;
  const opensAt = zone && opens && !opensGap ? fromLocal(opens.date, opens.time, zone) : null;
  const closesAt = zone && closes && !closesGap ? fromLocal(closes.date, closes.time, zone) : null;
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt) errors.closesAt = "Registration must close after it opens.";
  const digits = f.currency === undefined ? 2 : currencyDigits(f.currency);
  const [whole = "0", fraction = ""] = (f.fee ?? "0").split(".");
  if (f.fee !== undefined && fraction.length > digits) {
    errors.fee = digits === 0 ? `${f.currency} has no minor unit: enter a whole amount.` : `Enter at most ${digits} decimal places.`;
  }
  if (zone && f.startsOn !== undefined && f.endsOn !== undefined && !errors.endsOn) {
    for (const r of relays) {
      const day = toLocal(r.startsAt, zone).date;
      const where = `${r.name} of ${r.eventTitle} starts on ${formatDate(day)}`;
      if (day < f.startsOn) errors.startsOn ??= `${where}, before this first day: move the relay first.`;
      if (day > f.endsOn) errors.endsOn ??= `${where}, after this last day: move the relay first.`;
    }
  }
  if (Object.keys(errors).length > 0 || opensAt === null || closesAt === null) return { errors };
  return {
    data: {
      title: f.title!,
      slug: f.slug!,
      club: f.club!,
      venue: f.venue!,
      timeZone: zone!,
      startsOn: f.startsOn!,
      endsOn: f.endsOn!,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      entryFeeCents: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0),
      currency: f.currency!,
      description: f.description!,
    },
  };
}

/** The form's values for a stored tournament. */
export function tournamentValues(t: TournamentFields): Values {
  return {
    title: t.title,
    slug: t.slug,
    club: t.club,
    venue: t.venue,
    timeZone: t.timeZone,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    opensAt: localInput(t.registrationOpensAt, t.timeZone),
    closesAt: localInput(t.registrationClosesAt, t.timeZone),
    fee: feeInput(t.entryFeeCents, t.currency),
    currency: t.currency,
    description: t.description,
  };
}

/** A sensible start for a new tournament: six weeks ahead, registration open from now for four weeks. */
export function newTournamentValues(now: number, club: string): Values {
  const zone = "Europe/Berlin";
  const day = (offset: number) => utcDate(now + offset * DAY_MS);
  return {
    title: "",
    slug: "",
    club,
    venue: "",
    timeZone: zone,
    startsOn: day(42),
    endsOn: day(42),
    opensAt: `${day(1)}T18:00`,
    closesAt: `${day(35)}T23:59`,
    fee: "0",
    currency: "EUR",
    description: "",
  };
}
