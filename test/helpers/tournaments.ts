import { env } from "cloudflare:workers";
import { events, relays, tournaments } from "../../src/db/schema.ts";
import { clientOf, tournamentStub } from "./object.ts";
import { bumpCacheScopes, scopesForTournament } from "../../src/queries/cache-versions.ts";
import { db } from "./d1.ts";
import { addStaff, type StaffRole } from "./staff.ts";

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function isoDate(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10);
}

export interface RelaySpec {
  /** "Relay 1", "Relay 2", … unless given. */
  name?: string;
  firingPoints: number;
  reserved?: number;
  startsAt?: number;
  /** Without `startsAt`: minutes after the event's first relay (default an hour per relay); sets the "any relay" order. */
  startsAfter?: number;
}

export interface EventSpec {
  /** "Event 1", "Event 2", … unless given. */
  title?: string;
  discipline?: string;
  relays: RelaySpec[];
}

export interface TournamentSpec {
  title?: string;
  slug?: string;
  status?: "draft" | "published";
  timeZone?: string;
  club?: string;
  venue?: string;
  startsOn?: string;
  endsOn?: string;
  registrationOpensAt?: number;
  registrationClosesAt?: number;
  entryFeeCents?: number;
  currency?: string;
  description?: string;
  /** Default: one 10 m air rifle event with one relay of four firing points. */
  events?: EventSpec[];
  /** Staff rows: user id → role. */
  staff?: [number, StaffRole][];
  /** Push the configuration to the tournament's object (default true). */
  configure?: boolean;
}

let counter = 0;

/**
 * A tournament as an organiser leaves it: published, registration open, in D1 with its cache scopes bumped,
 * and configured in its object. Events come back with their relays; `relays` lists every relay in order.
 */
export async function createTournament(spec: TournamentSpec = {}) {
  counter += 1;
  const now = Date.now();
  const slug = spec.slug ?? `t-${now.toString(36)}-${counter}`;
  const tournament = await db
    .insert(tournaments)
    .values({
      slug,
      title: spec.title ?? `Test Open ${counter}`,
      club: spec.club ?? "Test Club",
      venue: spec.venue ?? "Test Range",
      timeZone: spec.timeZone ?? "Europe/Berlin",
      startsOn: spec.startsOn ?? isoDate(now + 20 * DAY),
      endsOn: spec.endsOn ?? isoDate(now + 21 * DAY),
      status: spec.status ?? "published",
      registrationOpensAt: spec.registrationOpensAt ?? now - DAY,
      registrationClosesAt: spec.registrationClosesAt ?? now + 10 * DAY,
      entryFeeCents: spec.entryFeeCents ?? 0,
      currency: spec.currency ?? "EUR",
      description: spec.description ?? "",
    })
    .returning()
    .get();
  const firstStart = now + 20 * DAY;
  const made = [];
  const allRelays = [];
  for (const [position, e] of (spec.events ?? [{ relays: [{ firingPoints: 4 }] }]).entries()) {
    const event = await db
      .insert(events)
      .values({ tournamentId: tournament.id, title: e.title ?? `Event ${position + 1}`, discipline: e.discipline ?? "air-rifle-10m", position })
      .returning()
      .get();
    const relayRows = [];
    for (const [j, r] of e.relays.entries()) {
      const relay = await db
        .insert(relays)
        .values({
          tournamentId: tournament.id,
          eventId: event.id,
          name: r.name ?? `Relay ${j + 1}`,
          startsAt: r.startsAt ?? firstStart + (r.startsAfter ?? j * 60) * 60_000,
          firingPoints: r.firingPoints,
          reserved: r.reserved ?? 0,
        })
        .returning()
        .get();
      relayRows.push(relay);
      allRelays.push(relay);
    }
    made.push({ ...event, relays: relayRows });
  }
  for (const [userId, role] of spec.staff ?? []) await addStaff(tournament.id, userId, role);
  await bumpCacheScopes(db, scopesForTournament(slug));
  if (spec.configure ?? true) {
    const configured = await clientOf(tournament.id).configure();
    if (!configured?.applied) throw new Error("configuration was not applied");
  }
  return { tournament, events: made, relays: allRelays, stub: tournamentStub(env, tournament.id) };
}
