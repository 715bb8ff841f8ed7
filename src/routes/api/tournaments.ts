import { asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, callerOf, requireCaller } from "../../auth/api-auth.ts";
import { events, relays, tournaments, users } from "../../db/schema.ts";
import { capacityOf } from "../../domain/registration/capacity.ts";
import { windowState } from "../../domain/registration/window.ts";
import { problem } from "../../lib/problem.ts";
import type { TournamentSnapshot } from "../../object/contract/index.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { pushConfiguration } from "../../object-client/configuration.ts";
import { isOrganiser, tournamentBySlug } from "../../queries/tournament-lookup.ts";
import { entryJson, iso } from "./present.ts";
import { fieldErrors } from "./validation.ts";

export const tournamentRoutes = new Hono<ApiEnv>();

/** Public figures change with every registration: let clients and shared caches keep them only briefly. */
const BRIEFLY = "public, max-age=5";

type TournamentRow = typeof tournaments.$inferSelect;

function registrationJson(t: TournamentRow, now: number) {
  return {
    state: windowState(now, { opensAt: t.registrationOpensAt, closesAt: t.registrationClosesAt }),
    opensAt: iso(t.registrationOpensAt),
    closesAt: iso(t.registrationClosesAt),
  };
}

function summaryJson(t: TournamentRow, now: number) {
  return {
    slug: t.slug,
    title: t.title,
    club: t.club,
    venue: t.venue,
    timeZone: t.timeZone,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    entryFee: { cents: t.entryFeeCents, currency: t.currency },
    registration: registrationJson(t, now),
    url: `/api/v1/tournaments/${encodeURIComponent(t.slug)}`,
  };
}

/** Published tournaments with their registration state (upcoming, open, closed), soonest first. */
tournamentRoutes.get("/tournaments", async (c) => {
  const rows = await c
    .get("db")
    .select()
    .from(tournaments)
    .where(eq(tournaments.status, "published"))
    .orderBy(asc(tournaments.startsOn), asc(tournaments.id))
    .all();
  const now = Date.now();
  c.header("Cache-Control", BRIEFLY);
  return c.json({ tournaments: rows.map((t) => summaryJson(t, now)) });
});

/**
 * One published tournament: events, relays with capacity and the live counts. Configuration comes from D1,
 * counts from the tournament object's snapshot (the truth, not the D1 copy). An object behind D1's
 * revision is brought up to date on the way.
 */
tournamentRoutes.get("/tournaments/:slug", async (c) => {
  const db = c.get("db");
  const t = await db.select().from(tournaments).where(eq(tournaments.slug, c.req.param("slug"))).get();
  if (!t || t.status !== "published") return problem(c, 404, "No such tournament", "There is no published tournament at this address.");
  const stub = tournamentStub(c.env, t.id);
  const [eventRows, relayRows, first] = await Promise.all([
    db.select().from(events).where(eq(events.tournamentId, t.id)).orderBy(asc(events.position), asc(events.id)).all(),
    db.select().from(relays).where(eq(relays.tournamentId, t.id)).orderBy(asc(relays.startsAt), asc(relays.id)).all(),
    stub.snapshot(),
  ]);
  let snapshot: TournamentSnapshot = first;
  if (snapshot.revision < t.revision) {
    await pushConfiguration(c.env, db, t.id);
    snapshot = await stub.snapshot();
  }
  const liveEvents = new Map(snapshot.events.map((e) => [e.id, e]));
  const liveRelays = new Map(snapshot.events.flatMap((e) => e.relays).map((r) => [r.id, r]));
  c.header("Cache-Control", BRIEFLY);
  return c.json({
    ...summaryJson(t, Date.now()),
    description: t.description,
    events: eventRows.map((e) => ({
      id: e.id,
      title: e.title,
      discipline: e.discipline,
      waitlisted: liveEvents.get(e.id)?.waitlisted ?? 0,
      relays: relayRows
        .filter((r) => r.eventId === e.id)
        .map((r) => {
          const live = liveRelays.get(r.id);
          const capacity = capacityOf(r);
          return {
            id: r.id,
            name: r.name,
            startsAt: iso(r.startsAt),
            firingPoints: r.firingPoints,
            reserved: r.reserved,
            capacity,
            confirmed: live?.confirmed ?? 0,
            held: live?.held ?? 0,
            placesLeft: live?.placesLeft ?? capacity,
            waitlisted: live?.waitlisted ?? 0,
          };
        }),
    })),
  });
});

const feedQuery = z.object({
  updatedAfter: z.iso
    .datetime({ offset: true, error: "updatedAfter must be an ISO 8601 date-time, e.g. 2026-05-01T08:00:00.000Z." })
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int({ error: "limit must be a whole number." })
    .min(1, { error: "limit must be at least 1." })
    .max(1000, { error: "limit must be at most 1000." })
    .default(500),
});

/**
 * For the tournament's owners and organisers: entries changed after `updatedAfter` (all when omitted),
 * oldest change first, straight from the tournament object. Continue with `updatedAfter=updatedThrough`
 * while `more` is true. `d1Pending` counts changes not yet copied to D1 (a benchmark waits for 0).
 */
tournamentRoutes.get("/tournaments/:slug/entries", requireCaller, async (c) => {
  const caller = callerOf(c);
  const db = c.get("db");
  const query = feedQuery.safeParse(c.req.query());
  if (!query.success) {
    const errors = fieldErrors(query.error, "query");
    return problem(c, 422, "Invalid query", Object.values(errors).join(" "), errors);
  }
  const tournament = await tournamentBySlug(db, c.req.param("slug"), { cached: false });
  if (!tournament) return problem(c, 404, "No such tournament", "There is no tournament at this address.");
  if (!(await isOrganiser(db, tournament.id, caller.userId))) {
    return problem(c, 403, "Organisers only", "Only the tournament's owners and organisers may list its entries.");
  }
  const since = query.data.updatedAfter ? Date.parse(query.data.updatedAfter) : 0;
  const page = await tournamentStub(c.env, tournament.id).changesSince(since, query.data.limit);
  const userIds = [...new Set(page.entries.map((e) => e.userId))];
  const people = userIds.length
    ? await db
        .select({ id: users.id, name: users.name, club: users.club })
        .from(users)
        .where(sql`${users.id} IN (SELECT value FROM json_each(${JSON.stringify(userIds)}))`)
        .all()
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const updatedThrough = iso(page.through);
  c.header("Cache-Control", "no-store");
  return c.json({
    entries: page.entries.map((e) => ({
      ...entryJson(e),
      seq: e.seq,
      competitor: { id: e.userId, name: byId.get(e.userId)?.name ?? null, club: byId.get(e.userId)?.club ?? null },
    })),
    updatedThrough,
    more: page.more,
    d1Pending: page.outboxPending,
    next: `/api/v1/tournaments/${encodeURIComponent(tournament.slug)}/entries?updatedAfter=${encodeURIComponent(updatedThrough)}`,
  });
});
