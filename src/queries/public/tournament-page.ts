import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { entries, events, finals, relays, tournaments } from "../../db/schema.ts";
import { placesLeft } from "../../domain/registration/places.ts";
import { publishedWithSlug } from "../tournament-lookup.ts";

export interface RelayRow {
  id: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  placesLeft: number;
  /** Confirmed and held entries on the relay. */
  entered: number;
}

export interface EventRow {
  id: number;
  title: string;
  discipline: string;
  /** The event's final, when one was made (its scoreboard is linked). */
  finalId: number | null;
  waitlisted: number;
  relays: RelayRow[];
}

export interface TournamentPageModel {
  tournament: typeof tournaments.$inferSelect;
  events: EventRow[];
}

const ACTIVE: ("confirmed" | "held")[] = ["confirmed", "held"];

/**
 * A published tournament with its events, relays and places left, in one D1 batch. Entry counts come from
 * D1's copy of the Durable Object's entries, so they trail the DO by the outbox delay.
 */
export async function loadTournamentPage(db: Db, slug: string): Promise<TournamentPageModel | null> {
  const tournamentId = db
    .select({ id: tournaments.id })
    .from(tournaments)
    .where(publishedWithSlug(slug));
  const [found, eventRows, relayRows, counts] = await db.batch([
    db.select().from(tournaments).where(publishedWithSlug(slug)),
    db
      .select({ id: events.id, title: events.title, discipline: events.discipline, finalId: finals.finalId })
      .from(events)
      .leftJoin(finals, eq(finals.eventId, events.id))
      .where(inArray(events.tournamentId, tournamentId))
      .orderBy(asc(events.position), asc(events.id)),
    db
      .select()
      .from(relays)
      .where(inArray(relays.tournamentId, tournamentId))
      .orderBy(asc(relays.startsAt), asc(relays.id)),
    db
      .select({ eventId: entries.eventId, relayId: entries.relayId, status: entries.status, n: count() })
      .from(entries)
      .where(and(inArray(entries.tournamentId, tournamentId), inArray(entries.status, [...ACTIVE, "waitlisted"])))
      .groupBy(entries.eventId, entries.relayId, entries.status),
  ]);
  const tournament = found[0];
  if (!tournament) return null;

  const activeByRelay = new Map<number, number>();
  const waitlistedByEvent = new Map<number, number>();
  for (const row of counts) {
    if (row.status === "waitlisted") waitlistedByEvent.set(row.eventId, (waitlistedByEvent.get(row.eventId) ?? 0) + row.n);
    else if (row.relayId !== null) activeByRelay.set(row.relayId, (activeByRelay.get(row.relayId) ?? 0) + row.n);
  }
  const byEvent = new Map<number, EventRow>(
    eventRows.map((e) => [e.id, { ...e, waitlisted: waitlistedByEvent.get(e.id) ?? 0, relays: [] }]),
  );
  for (const r of relayRows) {
    byEvent.get(r.eventId)?.relays.push({
      id: r.id,
      name: r.name,
      startsAt: r.startsAt,
      firingPoints: r.firingPoints,
      placesLeft: placesLeft(r, activeByRelay.get(r.id) ?? 0),
      entered: activeByRelay.get(r.id) ?? 0,
    });
  }
  return { tournament, events: [...byEvent.values()] };
}
