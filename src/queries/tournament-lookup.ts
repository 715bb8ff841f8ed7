import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { events, relays, tournaments } from "../db/schema.ts";

export interface TournamentRef {
  id: number;
  slug: string;
  status: "draft" | "published";
}

const refColumns = { id: tournaments.id, slug: tournaments.slug, status: tournaments.status };

/**
 * The tournament an entry id names, if D1 knows it: checked before an object is woken, so an invented id
 * never creates one.
 */
export async function tournamentById(db: Db, id: number): Promise<TournamentRef | null> {
  return (await db.select(refColumns).from(tournaments).where(eq(tournaments.id, id)).get()) ?? null;
}

/** The condition every public read model starts from: the published tournament at this address. */
export function publishedWithSlug(slug: string): SQL {
  return and(eq(tournaments.slug, slug), eq(tournaments.status, "published")) as SQL;
}

/** A tournament's events (in programme order) and relays (by start), as two queries for one D1 batch. */
export function eventAndRelayQueries(db: Db, tournamentId: number) {
  return [
    db
      .select({ id: events.id, title: events.title, discipline: events.discipline, position: events.position })
      .from(events)
      .where(eq(events.tournamentId, tournamentId))
      .orderBy(asc(events.position), asc(events.id)),
    db
      .select({ id: relays.id, eventId: relays.eventId, name: relays.name, startsAt: relays.startsAt })
      .from(relays)
      .where(eq(relays.tournamentId, tournamentId))
      .orderBy(asc(relays.startsAt), asc(relays.id)),
  ] as const;
}
