import { addDays, DAY_MS, fromLocal, todayIn } from "../domain/time/zoned.ts";
import type { TournamentFields } from "../queries/tournament-fields.ts";

/** What the demo contains, relative to the moment it is seeded. Pure: src/seed/demo.ts writes it. */

export const DEMO_PASSWORD = "tenring-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  club: string;
  /** For the sign-in list; fillers have none. */
  role?: string;
}

const NORDHEIDE = "Schützengilde Nordheide";
const LAKESIDE = "Lakeside Rifle & Pistol Club";

export const ORGANISER: DemoAccount = { email: "organiser@tenring.test", name: "Anna Berger", club: NORDHEIDE, role: "organiser" };
export const RANGE_OFFICER: DemoAccount = { email: "ro@tenring.test", name: "Jonas Keller", club: NORDHEIDE, role: "range officer" };
export const COMPETITOR: DemoAccount = { email: "competitor@tenring.test", name: "Sam Carter", club: LAKESIDE, role: "competitor" };

const FIRST = ["Lena", "Felix", "Mia", "Noah", "Ella", "Ben", "Sofia", "Paul", "Hanna", "Luca", "Emma", "Finn", "Clara", "Elias"];
const LAST = ["Hoffmann", "Walsh", "Becker", "Novak", "Schulz", "Murphy", "Krüger", "Evans", "Lindqvist", "Moreau"];
const FILLER_COUNT = 28;

/** Competitors who fill the relays, so some are nearly full. */
export const FILLERS: DemoAccount[] = Array.from({ length: FILLER_COUNT }, (_, i) => ({
  email: `filler-${String(i + 1).padStart(2, "0")}@tenring.test`,
  name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}`,
  club: i % 2 === 0 ? NORDHEIDE : LAKESIDE,
}));

export const DEMO_ACCOUNTS: DemoAccount[] = [ORGANISER, RANGE_OFFICER, COMPETITOR, ...FILLERS];

export interface DemoRelay {
  name: string;
  startsAt: number;
  firingPoints: number;
  reserved: number;
  /** Filler entries to register; beyond the free places they join the event's waitlist. */
  fill: number;
  /**
   * Match shots entered for each competitor of the relay: "all" for a complete card, a number for a relay under
   * way (each competitor a shot or two apart, as on a real range). Absent: nothing scored.
   */
  shots?: number | "all";
}

export interface DemoEvent {
  position: number;
  discipline: string;
  title: string;
  relays: DemoRelay[];
}

export interface DemoTournament extends TournamentFields {
  kind: "open" | "soon" | "live" | "past";
  /**
   * "register": the fillers register through the window like anyone (it is open). "walk-up": the organiser
   * entered them at the range and checked them in (the window is closed by the match days), with the demo
   * competitor first, so Sam Carter has results too.
   */
  entries: "register" | "walk-up";
  /** Every event's results are marked official once every card is complete. */
  official: boolean;
  events: DemoEvent[];
}

export interface DemoOptions {
  /** When the countdown tournament opens, from the moment of seeding (the opening-second browser test sets it). */
  soonOpensInMs?: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

function relay(name: string, date: string, time: string, zone: string, firingPoints: number, fill = 0, reserved = 0): DemoRelay {
  return { name, startsAt: fromLocal(date, time, zone), firingPoints, reserved, fill };
}

function openTournament(now: number): DemoTournament {
  const zone = "Europe/Berlin";
  const day1 = addDays(todayIn(zone, now), 14);
  const day2 = addDays(day1, 1);
  return {
    kind: "open",
    entries: "register",
    official: false,
    slug: "nordheide-air-open",
    title: "Nordheide Air & Smallbore Open",
    club: NORDHEIDE,
    venue: "Schießsportzentrum Nordheide, Buchholz",
    timeZone: zone,
    startsOn: day1,
    endsOn: day2,
    registrationOpensAt: Math.floor((now - 3 * DAY_MS) / HOUR) * HOUR,
    registrationClosesAt: fromLocal(addDays(day1, -3), "20:00", zone),
    entryFeeCents: 2500,
    currency: "EUR",
    description:
      "Two days of ISSF air and smallbore shooting, open to all licensed shooters.\n\n" +
      "Equipment control opens 45 minutes before each relay; the entry fee is paid there, in cash or by card.\n" +
      "Results are published live on Tenring.",
    events: [
      {
        position: 1,
        discipline: "air-rifle-10m",
        title: "10 m Air Rifle",
        relays: [
          relay("Relay 1", day1, "09:00", zone, 20, 17, 2),
          relay("Relay 2", day1, "11:30", zone, 20, 6),
          relay("Relay 3", day1, "14:00", zone, 16),
        ],
      },
      {
        position: 2,
        discipline: "air-pistol-10m",
        title: "10 m Air Pistol",
        relays: [relay("Relay 1", day1, "10:00", zone, 12, 11), relay("Relay 2", day1, "13:00", zone, 12, 14)],
      },
      {
        position: 3,
        discipline: "rifle-prone-50m",
        title: "50 m Rifle Prone",
        relays: [relay("Relay 1", day2, "09:30", zone, 10, 9), relay("Relay 2", day2, "12:00", zone, 8, 2)],
      },
    ],
  };
}

function soonTournament(now: number, opensInMs = 5 * MINUTE): DemoTournament {
  const zone = "Europe/London";
  const day1 = addDays(todayIn(zone, now), 30);
  const day2 = addDays(day1, 1);
  // Whole minutes for the demo; a test asking for seconds gets them to the second.
  const opensAt = opensInMs % MINUTE === 0 ? Math.ceil((now + opensInMs) / MINUTE) * MINUTE : Math.ceil((now + opensInMs) / 1000) * 1000;
  return {
    kind: "soon",
    entries: "register",
    official: false,
    slug: "lakeside-summer-cup",
    title: "Lakeside Summer Cup",
    club: LAKESIDE,
    venue: "Lakeside Range, Windermere",
    timeZone: zone,
    startsOn: day1,
    endsOn: day2,
    registrationOpensAt: opensAt,
    registrationClosesAt: opensAt + 14 * DAY_MS,
    entryFeeCents: 1800,
    currency: "GBP",
    description: "Pistol on the Saturday, clay disciplines on the Sunday.\nSquads are assigned in order of entry.",
    events: [
      {
        position: 1,
        discipline: "pistol-25m",
        title: "25 m Pistol",
        relays: [relay("Relay 1", day1, "09:00", zone, 10), relay("Relay 2", day1, "13:00", zone, 10)],
      },
      { position: 2, discipline: "trap", title: "Trap", relays: [relay("Squad A", day2, "09:00", zone, 8)] },
      { position: 3, discipline: "skeet", title: "Skeet", relays: [relay("Squad A", day2, "13:30", zone, 8)] },
    ],
  };
}

function pastTournament(now: number): DemoTournament {
  const zone = "Europe/Berlin";
  const day1 = addDays(todayIn(zone, now), -35);
  const day2 = addDays(day1, 1);
  return {
    kind: "past",
    entries: "walk-up",
    official: true,
    slug: "nordheide-winter-final",
    title: "Nordheide Winter League Final",
    club: NORDHEIDE,
    venue: "Schießsportzentrum Nordheide, Buchholz",
    timeZone: zone,
    startsOn: day1,
    endsOn: day2,
    registrationOpensAt: now - 80 * DAY_MS,
    registrationClosesAt: fromLocal(addDays(day1, -5), "20:00", zone),
    entryFeeCents: 1500,
    currency: "EUR",
    description: "The season's final round of the winter league.",
    events: [
      {
        position: 1,
        discipline: "air-rifle-10m",
        title: "10 m Air Rifle",
        relays: [{ ...relay("Relay 1", day1, "10:00", zone, 16, 12), shots: "all" }],
      },
      {
        position: 2,
        discipline: "air-pistol-10m",
        title: "10 m Air Pistol",
        relays: [{ ...relay("Relay 1", day2, "10:00", zone, 16, 10), shots: "all" }],
      },
    ],
  };
}

/**
 * Under way today: the air rifle's first relay started three quarters of an hour ago and is partly scored
 * (`npm run demo:live` goes on scoring it); its second relay and the air pistol shoot later.
 */
function liveTournament(now: number): DemoTournament {
  const zone = "Europe/London";
  const firstStart = Math.floor(now / (15 * MINUTE)) * 15 * MINUTE - 45 * MINUTE;
  const later = (hours: number) => firstStart + hours * HOUR;
  const lastStart = later(5);
  const at = (name: string, startsAt: number, firingPoints: number, fill: number, shots?: number | "all"): DemoRelay =>
    ({ name, startsAt, firingPoints, reserved: 0, fill, ...(shots === undefined ? {} : { shots }) });
  return {
    kind: "live",
    entries: "walk-up",
    official: false,
    slug: "lakeside-autumn-championship",
    title: "Lakeside Autumn Championship",
    club: LAKESIDE,
    venue: "Lakeside Range, Windermere",
    timeZone: zone,
    startsOn: todayIn(zone, firstStart),
    endsOn: todayIn(zone, lastStart),
    registrationOpensAt: now - 40 * DAY_MS,
    registrationClosesAt: firstStart - DAY_MS,
    entryFeeCents: 2000,
    currency: "GBP",
    description: "The club championship, shot in one day. Follow the scores live on the scoreboards.",
    events: [
      {
        position: 1,
        discipline: "air-rifle-10m",
        title: "10 m Air Rifle",
        relays: [at("Relay 1", firstStart, 12, 10, 24), at("Relay 2", later(2), 12, 8)],
      },
      { position: 2, discipline: "air-pistol-10m", title: "10 m Air Pistol", relays: [at("Relay 1", lastStart, 10, 8)] },
      // Shot on the electronic targets at dawn: qualification complete, its final under way (src/seed/final.ts).
      {
        position: 3,
        discipline: "air-rifle-10m",
        title: DEMO_FINAL_EVENT,
        relays: [at("Relay 1", firstStart, 10, 10, "all")],
      },
    ],
  };
}

/** The live tournament's event whose final the demo shows in progress. */
export const DEMO_FINAL_EVENT = "10 m Air Rifle Juniors";

/**
 * The demo tournaments: registration open (with a fee paid at the range), opening in five minutes, under way
 * today, finished last month with official results.
 */
export function demoTournaments(now: number, options: DemoOptions = {}): DemoTournament[] {
  return [openTournament(now), soonTournament(now, options.soonOpensInMs), liveTournament(now), pastTournament(now)];
}

/** The tournament `npm run demo:live` scores. */
export const LIVE_DEMO_SLUG = "lakeside-autumn-championship";
