import { asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { EDITORS } from "../../auth/roles.ts";
import { events, relays, tournaments, users } from "../../db/schema.ts";
import { practicalEventJson, practicalSetup } from "../../queries/public/practical-setup.ts";
import { capacityOf } from "../../domain/registration/capacity.ts";
import { windowState } from "../../domain/registration/window.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { requireCaller } from "../../middleware/caller.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";
import { fieldErrors } from "../../middleware/validate.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { personalCaller } from "./callers.ts";
import { entryJson, iso } from "./present.ts";

export const tournamentRoutes = new Hono<AppEnv>();

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
tournamentRoutes.get("/tournaments", personalCaller, async (c) => {
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
tournamentRoutes.get("/tournaments/:slug", personalCaller, tournamentBySlug({ published: true }), async (c) => {
  const db = c.get("db");
  const t = c.get("tournament");
  const [eventRows, relayRows, snapshot] = await Promise.all([
    db.select().from(events).where(eq(events.tournamentId, t.id)).orderBy(asc(events.position), asc(events.id)).all(),
    db.select().from(relays).where(eq(relays.tournamentId, t.id)).orderBy(asc(relays.startsAt), asc(relays.id)).all(),
    TournamentClient.of(c).snapshot(t.revision),
  ]);
  // Stages and divisions only where there is a practical event: other tournaments pay no query for them.
  const practical = eventRows.some((e) => e.matchShape === "practical") ? await practicalSetup(db, t.id) : { stages: [], divisions: [] };
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
      ...(e.matchShape === "practical" ? practicalEventJson(practical, e.id) : {}),
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

/** The feed's query for `c.req.valid("query")`; 422 naming each bad parameter. */
const feedQueryValid = validator("query", (query) => {
  const parsed = feedQuery.safeParse(query);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error, "query");
  throw new Refusal(422, { title: "Invalid query", detail: Object.values(errors).join(" "), errors });
});

const ORGANISERS_ONLY = { title: "Organisers only", detail: "Only the tournament's owners and organisers may list its entries." };

/**
 * For the tournament's owners and organisers: entries changed after `updatedAfter` (all when omitted),
 * oldest change first, straight from the tournament object. Continue with `updatedAfter=updatedThrough`
 * while `more` is true. `d1Pending` counts changes not yet copied to D1 (a benchmark waits for 0).
 */
tournamentRoutes.get(
  "/tournaments/:slug/entries",
  personalCaller,
  requireCaller,
  feedQueryValid,
  tournamentBySlug(),
  requireStaff(EDITORS, { notStaff: ORGANISERS_ONLY }),
  async (c) => {
    const db = c.get("db");
    const tournament = c.get("tournament");
    const query = c.req.valid("query");
    const since = query.updatedAfter ? Date.parse(query.updatedAfter) : 0;
    const client = TournamentClient.of(c);
    const [page, choices] = await Promise.all([client.call("changesSince", since, query.limit), client.call("practicalChoices")]);
    const declared = new Map(choices.map((p) => [p.entryId, { division: p.division, powerFactor: p.powerFactor, category: p.category, dq: p.dq }]));
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
        ...declared.get(e.id),
        seq: e.seq,
        competitor: { id: e.userId, name: byId.get(e.userId)?.name ?? null, club: byId.get(e.userId)?.club ?? null },
      })),
      updatedThrough,
      more: page.more,
      d1Pending: page.outboxPending,
      next: `/api/v1/tournaments/${encodeURIComponent(tournament.slug)}/entries?updatedAfter=${encodeURIComponent(updatedThrough)}`,
    });
  },
);
