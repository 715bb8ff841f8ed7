import { env } from "cloudflare:workers";
import { openDb } from "../../src/db/client.ts";
import { entries, events, relays, tournamentStaff, tournaments } from "../../src/db/schema.ts";
import type { EntryStatus } from "../../src/object/contract/index.ts";
import { bumpCacheScopes, scopesForTournament } from "../../src/queries/cache-versions.ts";
import { createUser } from "../helpers/accounts.ts";

export const db = openDb(env.DB);
export const DAY = 86_400_000;

let counter = 0;

export function isoDate(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10);
}

export interface RelaySpec {
  name: string;
  startsAt?: number;
  firingPoints: number;
  reserved?: number;
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
  events?: { title: string; discipline: string; relays: RelaySpec[] }[];
}

/** A tournament as an organiser would leave it (cache scopes bumped), registration open by default. */
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
  const made = [];
  for (const [position, e] of (spec.events ?? []).entries()) {
    const event = await db
      .insert(events)
      .values({ tournamentId: tournament.id, title: e.title, discipline: e.discipline, position })
      .returning()
      .get();
    const relayRows = [];
    for (const r of e.relays) {
      relayRows.push(
        await db
          .insert(relays)
          .values({
            tournamentId: tournament.id,
            eventId: event.id,
            name: r.name,
            startsAt: r.startsAt ?? now + 20 * DAY,
            firingPoints: r.firingPoints,
            reserved: r.reserved ?? 0,
          })
          .returning()
          .get(),
      );
    }
    made.push({ ...event, relays: relayRows });
  }
  await bumpCacheScopes(db, scopesForTournament(slug));
  return { tournament, events: made };
}

/** Entries as the Durable Object's outbox copies them to D1. */
export async function addEntries(
  tournamentId: number,
  eventId: number,
  relayId: number | null,
  statuses: EntryStatus[],
) {
  const now = Date.now();
  for (const [i, status] of statuses.entries()) {
    const user = await createUser();
    counter += 1;
    await db
      .insert(entries)
      .values({
        id: `e-${tournamentId}-${counter}`,
        tournamentId,
        eventId,
        relayId,
        userId: user.id,
        status,
        seq: counter,
        waitlistPosition: status === "waitlisted" ? i + 1 : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  }
}

export async function addStaff(tournamentId: number, userId: number, role: "owner" | "organiser" | "range_officer") {
  await db.insert(tournamentStaff).values({ tournamentId, userId, role }).run();
}
