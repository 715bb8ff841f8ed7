import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { practicalDivisions } from "../../db/practical-schema.ts";
import { DIVISIONS, type Division } from "../../domain/practical/rulebook.ts";
import type { Tournament } from "../../env.ts";
import { TtlCache } from "../../lib/ttl-cache.ts";
import { eventAndRelayQueries } from "../tournament-lookup.ts";

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
  /** A practical event's divisions (the registration form asks for one); absent for any other event. */
  divisions?: Division[];
}

/** What the competitor pages need to name things; counts and the live window come from the tournament object. */
export interface TournamentFacts {
  id: number;
  slug: string;
  title: string;
  timeZone: string;
  revision: number;
  opensAt: number;
  closesAt: number;
  events: EventFacts[];
  relays: RelayFacts[];
}

/**
 * Event and relay names change rarely; during the rush every registration and every fragment needs them.
 * Kept per tournament revision (a saved change shows as soon as the tournament row does), and at most
 * `FACTS_CACHE_MS` in any case; the object decides on its own configuration meanwhile.
 */
const FACTS_CACHE_MS = 10_000;
const cache = new TtlCache<Pick<TournamentFacts, "events" | "relays">>(FACTS_CACHE_MS, 500);

async function read(db: Db, tournamentId: number): Promise<Pick<TournamentFacts, "events" | "relays">> {
  const [eventRows, relayRows, divisionRows] = await db.batch([
    ...eventAndRelayQueries(db, tournamentId),
    db.select().from(practicalDivisions).where(eq(practicalDivisions.tournamentId, tournamentId)),
  ]);
  const events = eventRows.map((e) => {
    const offered = new Set(divisionRows.filter((d) => d.eventId === e.id).map((d) => d.division));
    return offered.size === 0 ? e : { ...e, divisions: DIVISIONS.filter((d) => offered.has(d)) };
  });
  return { events, relays: relayRows };
}

/**
 * The facts of the tournament `tournamentBySlug()` found; `fresh` skips the cache (a relay it does not
 * know yet).
 */
export async function tournamentFacts(db: Db, t: Tournament, options: { fresh?: boolean } = {}): Promise<TournamentFacts> {
  const key = `${t.id}@${t.revision}`;
  const known = options.fresh ? undefined : cache.get(key);
  const names = known ?? (await read(db, t.id));
  if (!known) cache.set(key, names);
  return {
    id: t.id,
    slug: t.slug,
    title: t.title,
    timeZone: t.timeZone,
    revision: t.revision,
    opensAt: t.registrationOpensAt,
    closesAt: t.registrationClosesAt,
    ...names,
  };
}

export function relayOf(facts: TournamentFacts, relayId: number | null): RelayFacts | undefined {
  return relayId === null ? undefined : facts.relays.find((r) => r.id === relayId);
}

export function eventOf(facts: TournamentFacts, eventId: number): EventFacts | undefined {
  return facts.events.find((e) => e.id === eventId);
}
