import { asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { entries, events, relays, tournaments } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { callerOf, requireCaller } from "../../middleware/caller.ts";
import { personalCaller } from "./callers.ts";
import { iso, isoOrNull } from "./present.ts";

export const meRoutes = new Hono<AppEnv>();

/**
 * The caller's entries in every tournament, read from D1 in one query. D1 is the tournament objects' copy,
 * normally a fraction of a second behind (the outbox alarm fires as soon as an entry changes; longer only
 * while D1 fails). One tournament's entries fresh from its object: GET /api/v1/entries/{id}.
 */
meRoutes.get("/me/entries", personalCaller, requireCaller, async (c) => {
  const caller = callerOf(c);
  const rows = await c
    .get("db")
    .select({
      id: entries.id,
      status: entries.status,
      relayId: entries.relayId,
      position: entries.waitlistPosition,
      seq: entries.seq,
      createdAt: entries.createdAt,
      updatedAt: entries.updatedAt,
      tournamentId: tournaments.id,
      slug: tournaments.slug,
      tournamentTitle: tournaments.title,
      startsOn: tournaments.startsOn,
      eventId: entries.eventId,
      eventTitle: events.title,
      relayName: relays.name,
      relayStartsAt: relays.startsAt,
    })
    .from(entries)
    .innerJoin(tournaments, eq(tournaments.id, entries.tournamentId))
    .leftJoin(events, eq(events.id, entries.eventId))
    .leftJoin(relays, eq(relays.id, entries.relayId))
    .where(eq(entries.userId, caller.userId))
    .orderBy(asc(tournaments.startsOn), asc(tournaments.id), asc(events.position), asc(entries.seq))
    .all();
  c.header("Cache-Control", "no-store");
  return c.json({
    entries: rows.map((r) => ({
      id: r.id,
      tournament: { id: r.tournamentId, slug: r.slug, title: r.tournamentTitle, startsOn: r.startsOn },
      event: { id: r.eventId, title: r.eventTitle },
      relay:
        r.relayId === null
          ? r.status === "waitlisted"
            ? "any"
            : null
          : { id: r.relayId, name: r.relayName, startsAt: isoOrNull(r.relayStartsAt) },
      status: r.status,
      ...(r.position === null ? {} : { position: r.position }),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    })),
  });
});
