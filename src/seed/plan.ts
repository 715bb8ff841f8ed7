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
}

export interface DemoEvent {
  position: number;
  discipline: string;
  title: string;
  relays: DemoRelay[];
}

export interface DemoTournament extends TournamentFields {
  kind: "open" | "soon" | "past";
  events: DemoEvent[];
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
      "Equipment control opens 45 minutes before each relay.\nResults are published live on Tenring.",
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

function soonTournament(now: number): DemoTournament {
  const zone = "Europe/London";
  const day1 = addDays(todayIn(zone, now), 30);
  const day2 = addDays(day1, 1);
  const opensAt = Math.ceil((now + 5 * MINUTE) / MINUTE) * MINUTE;
  return {
    kind: "soon",
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
      { position: 1, discipline: "air-rifle-10m", title: "10 m Air Rifle", relays: [relay("Relay 1", day1, "10:00", zone, 16)] },
      { position: 2, discipline: "air-pistol-10m", title: "10 m Air Pistol", relays: [relay("Relay 1", day2, "10:00", zone, 16)] },
    ],
  };
}

/** The three demo tournaments: registration open, opening in five minutes, finished last month. */
export function demoTournaments(now: number): DemoTournament[] {
  return [openTournament(now), soonTournament(now), pastTournament(now)];
}
