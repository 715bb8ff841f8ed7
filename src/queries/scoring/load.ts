import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { entries, events, relays, users } from "../../db/schema.ts";
import { eventAndRelayQueries } from "../tournament-lookup.ts";

/**
 * The scoring pages' reads from D1: events, relays and the relay's confirmed entries. Entries are D1's copy
 * of the tournament object's, a moment behind it; shots always come from the object itself.
 */

export async function loadEventsWithRelays(db: Db, tournamentId: number) {
  const [eventRows, relayRows, counts] = await db.batch([
    ...eventAndRelayQueries(db, tournamentId),
    db
      .select({ relayId: entries.relayId, n: count() })
      .from(entries)
      .where(and(eq(entries.tournamentId, tournamentId), eq(entries.status, "confirmed")))
      .groupBy(entries.relayId),
  ]);
  const confirmed = new Map(counts.map((r) => [r.relayId, r.n]));
  return eventRows.map((e) => ({
    ...e,
    relays: relayRows.filter((r) => r.eventId === e.id).map((r) => ({ ...r, confirmed: confirmed.get(r.id) ?? 0 })),
  }));
}

/**
 * A relay of the tournament with its event, and its confirmed entries by firing point, then name. No join
 * between relays and events: both have an `id` column, which a D1 batch cannot tell apart.
 */
export async function loadRelay(db: Db, tournamentId: number, relayId: number) {
  const relayOfTournament = and(eq(relays.id, relayId), eq(relays.tournamentId, tournamentId));
  const [relayRows, eventRows, competitors] = await db.batch([
    db.select({ id: relays.id, name: relays.name, startsAt: relays.startsAt, eventId: relays.eventId }).from(relays).where(relayOfTournament),
    db
      .select({ id: events.id, title: events.title, discipline: events.discipline })
      .from(events)
      .where(inArray(events.id, db.select({ id: relays.eventId }).from(relays).where(relayOfTournament))),
    db
      .select({ entryId: entries.id, userId: entries.userId, firingPoint: entries.firingPoint, name: users.name, club: users.club })
      .from(entries)
      .innerJoin(users, eq(users.id, entries.userId))
      .where(and(eq(entries.relayId, relayId), eq(entries.tournamentId, tournamentId), eq(entries.status, "confirmed")))
      .orderBy(sql`${entries.firingPoint} IS NULL`, asc(entries.firingPoint), asc(users.name), asc(entries.id)),
  ]);
  const relay = relayRows[0];
  const event = eventRows[0];
  if (!relay || !event) return null;
  return { relay: { ...relay, eventTitle: event.title, discipline: event.discipline }, competitors };
}

/** Name and club of the entry's competitor, and its firing point when D1 already has the entry. */
export async function loadCompetitor(db: Db, tournamentId: number, entryId: string, userId: number) {
  const [people, entryRows] = await db.batch([
    db.select({ name: users.name, club: users.club }).from(users).where(eq(users.id, userId)),
    db
      .select({ firingPoint: entries.firingPoint, relayId: entries.relayId })
      .from(entries)
      .where(and(eq(entries.id, entryId), eq(entries.tournamentId, tournamentId))),
  ]);
  return {
    name: people[0]?.name ?? "Competitor",
    club: people[0]?.club ?? "",
    firingPoint: entryRows[0]?.firingPoint ?? null,
    relayId: entryRows[0]?.relayId ?? null,
  };
}
