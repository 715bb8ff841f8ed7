import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { events, relays, tournaments } from "../../db/schema.ts";
import { TtlCache } from "../../lib/ttl-cache.ts";

export interface RelayFacts {
  id: number;
  eventId: number;
  name: string;
  startsAt: number;
}

export interface EventFacts {
  id: number;
  title: string;
  position: number;
}

/** What the competitor pages need to name things; counts and the live window come from the tournament object. */
export interface TournamentFacts {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published";
  timeZone: string;
  revision: number;
  opensAt: number;
  closesAt: number;
  events: EventFacts[];
  relays: RelayFacts[];
}

/**
 * Names, zone and window change rarely; during the rush every registration and every fragment needs them.
 * A change shows here within `FACTS_CACHE_MS`; the object decides on its own configuration meanwhile.
 */
const FACTS_CACHE_MS = 10_000;
const cache = new TtlCache<TournamentFacts>(FACTS_CACHE_MS, 500);

async function read(db: Db, slug: string): Promise<TournamentFacts | null> {
  const tournamentId = db.select({ id: tournaments.id }).from(tournaments).where(eq(tournaments.slug, slug));
  const [found, eventRows, relayRows] = await db.batch([
    db.select().from(tournaments).where(eq(tournaments.slug, slug)),
    db
      .select({ id: events.id, title: events.title, position: events.position })
      .from(events)
      .where(inArray(events.tournamentId, tournamentId))
      .orderBy(asc(events.position), asc(events.id)),
    db
      .select({ id: relays.id, eventId: relays.eventId, name: relays.name, startsAt: relays.startsAt })
      .from(relays)
      .where(inArray(relays.tournamentId, tournamentId))
      .orderBy(asc(relays.startsAt), asc(relays.id)),
  ]);
  const t = found[0];
  if (!t) return null;
  return {
    id: t.id,
    slug: t.slug,
    title: t.title,
    status: t.status,
    timeZone: t.timeZone,
    revision: t.revision,
    opensAt: t.registrationOpensAt,
    closesAt: t.registrationClosesAt,
    events: eventRows,
    relays: relayRows,
  };
}

/** The tournament at `slug`, published or not; `fresh` skips the cache (a relay it does not know yet). */
export async function tournamentFacts(db: Db, slug: string, options: { fresh?: boolean } = {}): Promise<TournamentFacts | null> {
  if (!options.fresh) {
    const known = cache.get(slug);
    if (known) return known;
  }
  const facts = await read(db, slug);
  if (facts) cache.set(slug, facts);
  else cache.delete(slug);
  return facts;
}

export function relayOf(facts: TournamentFacts, relayId: number | null): RelayFacts | undefined {
  return relayId === null ? undefined : facts.relays.find((r) => r.id === relayId);
}

export function eventOf(facts: TournamentFacts, eventId: number): EventFacts | undefined {
  return facts.events.find((e) => e.id === eventId);
}
