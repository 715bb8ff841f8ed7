import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { apiTokens, auditLog, events, relays, tournaments, tournamentStaff } from "../../src/db/schema.ts";
import { csrfTokenFor } from "../../src/middleware/csrf.ts";
import { tournamentStub } from "../helpers/object.ts";
import { person } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { register } from "../helpers/entries.ts";
import { texts } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { adminTournamentRoutes } from "../helpers/routes.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

// About a hundred requests, each rendering a refusal page: more than vitest's 5 s on a loaded machine.
const MANY_REQUESTS_MS = 30_000;

const tournamentRoutes = adminTournamentRoutes;

/** Routes a range officer may use: the dashboard, check-in, start lists and finals' shots. Everything else edits. */
const RANGE_OFFICER_ROUTES = new Set([
  "GET /t/:slug",
  "GET /t/:slug/check-in",
  "POST /t/:slug/check-in/:entryId",
  "GET /t/:slug/start-list",
  "GET /t/:slug/finals",
  "POST /t/:slug/finals/:finalId/shots",
]);

function routeKey(r: { method: string; path: string }): string {
  return `${r.method} ${r.path.replace(/(:\w+)\{[^/]*\}/g, "$1")}`;
}

async function world() {
  const a = await configuredTournament({ title: "Tournament A" });
  const b = await configuredTournament({ title: "Tournament B" });
  const ownerA = await staffOf(a.tournament.id, "owner");
  const ownerB = await staffOf(b.tournament.id, "owner");
  const officerA = await staffOf(a.tournament.id, "range_officer");
  const entryA = (await register(a.stub, a.events[0]!.id, a.events[0]!.relays[0]!.id)).entry;
  const entryB = (await register(b.stub, b.events[0]!.id, b.events[0]!.relays[0]!.id)).entry;
  const tokenA = await createApiToken(db, { kind: "scoring", tournamentId: a.tournament.id, userId: ownerA.user.id }, "Bank A");
  const tokenB = await createApiToken(db, { kind: "scoring", tournamentId: b.tournament.id, userId: ownerB.user.id }, "Bank B");
  return { a, b, ownerA, ownerB, officerA, entryA, entryB, tokenA, tokenB };
}

type World = Awaited<ReturnType<typeof world>>;

/** The route's URL with the ids of tournament `t` (or, with `foreign`, the other tournament's objects). */
function urlFor(path: string, w: World, side: "a" | "b", ids: "own" | "foreign" = "own") {
  const t = side === "a" ? w.a : w.b;
  const objects = ids === "own" ? t : side === "a" ? w.b : w.a;
  const entry = (ids === "own") === (side === "a") ? w.entryA : w.entryB;
  const token = (ids === "own") === (side === "a") ? w.tokenA : w.tokenB;
  const owner = (ids === "own") === (side === "a") ? w.ownerA : w.ownerB;
  const values: Record<string, string> = {
    slug: t.tournament.slug,
    eventId: String(objects.events[0]!.id),
    relayId: String(objects.events[0]!.relays[0]!.id),
    entryId: entry.id,
    tokenId: String(token.id),
    userId: String(owner.user.id),
    opId: "no-such-conflict",
    finalId: "1",
  };
  return `/admin${path.replace(/:(\w+)(\{[^/]*\})?/g, (_, name: string) => values[name] ?? `?${name}`)}`;
}

/** What must stay as it is after refused requests: D1 rows and the object's entries. */
async function state(w: World) {
  const ids = [w.a.tournament.id, w.b.tournament.id];
  const read = async (id: number) => ({
    tournament: await db.select().from(tournaments).where(eq(tournaments.id, id)).get(),
    events: await db.select().from(events).where(eq(events.tournamentId, id)).all(),
    relays: await db.select().from(relays).where(eq(relays.tournamentId, id)).all(),
    staff: await db.select().from(tournamentStaff).where(eq(tournamentStaff.tournamentId, id)).all(),
    audit: await db.select().from(auditLog).where(eq(auditLog.tournamentId, id)).all(),
    tokens: await db.select().from(apiTokens).where(eq(apiTokens.tournamentId, id)).all(),
    entries: await tournamentStub(env, id).allEntries(),
  });
  return Promise.all(ids.map(read));
}

const FIELDS = { revision: "1", title: "Hijacked", slug: "hijacked", venue: "x", reason: "because", relayId: "1", email: "x@example.test", role: "organiser", name: "Intruder", keep: "incoming", checkedIn: "1", official: "1", firingPoint: "2", discipline: "air-rifle-10m" };

describe("authorization on every admin route", () => {
  it("knows the routes it checks", () => {
    const keys = tournamentRoutes().map(routeKey);
    expect(keys.length).toBeGreaterThan(25);
    for (const allowed of RANGE_OFFICER_ROUTES) expect(keys).toContain(allowed);
  });

  it("sends a signed-out visitor to the sign-in page, and refuses a competitor and another tournament's owner with 403, changing nothing", async () => {
    const w = await world();
    const before = await state(w);
    const competitor = await person();
    const anonymousCsrf = await csrfTokenFor(null);
    for (const route of tournamentRoutes()) {
      const url = urlFor(route.path, w, "a");
      const label = `${route.method} ${url}`;

      const visitor = route.method === "GET" ? await get(url) : await postForm(url, { _csrf: anonymousCsrf, ...FIELDS });
      expect(visitor.status, label).toBe(303);
      expect(visitor.headers.get("Location"), label).toBe(`/account/sign-in?next=${encodeURIComponent(new URL(url, "https://x").pathname + new URL(url, "https://x").search)}`);

      for (const intruder of [competitor, w.ownerB]) {
        const res = route.method === "GET" ? await open(intruder, url) : await send(intruder, url, FIELDS);
        expect(res.status, `${label} as ${intruder === competitor ? "competitor" : "owner of B"}`).toBe(403);
        expect(res.headers.get("Cache-Control"), label).toBe("no-store");
        expect(await texts(await res.text(), "h1"), label).toEqual(["Not your tournament"]);
      }
    }
    expect(await state(w)).toEqual(before);
  }, MANY_REQUESTS_MS);

  it("lets a range officer see the dashboard, check-in and start lists, and refuses every editing route", async () => {
    const w = await world();
    const before = await state(w);
    for (const route of tournamentRoutes()) {
      const url = urlFor(route.path, w, "a");
      if (RANGE_OFFICER_ROUTES.has(routeKey(route))) {
        if (route.method === "GET") expect((await open(w.officerA, url)).status, url).toBe(200);
        continue;
      }
      const res = route.method === "GET" ? await open(w.officerA, url) : await send(w.officerA, url, FIELDS);
      expect(res.status, `${route.method} ${url}`).toBe(403);
    }
    expect(await state(w)).toEqual(before);
    // The one change a range officer may make.
    const checkIn = await send(w.officerA, `/admin/t/${w.a.tournament.slug}/check-in/${w.entryA.id}`, { checkedIn: "1" });
    expect(checkIn.status).toBe(303);
    expect((await w.a.stub.entry(w.entryA.id))?.checkedInAt).not.toBeNull();
  });

  it("answers an owner using another tournament's event, relay, entry, token or staff ids with 404, changing nothing", async () => {
    const w = await world();
    const before = await state(w);
    const objectRoutes = tournamentRoutes().filter((r) => /:(eventId|relayId|entryId|tokenId|userId|opId)/.test(r.path));
    expect(objectRoutes.length).toBeGreaterThan(10);
    for (const route of objectRoutes) {
      const url = urlFor(route.path, w, "a", "foreign");
      const res = route.method === "GET" ? await open(w.ownerA, url) : await send(w.ownerA, url, FIELDS);
      expect(res.status, `${route.method} ${url}`).toBe(404);
    }
    // Query-string ids too: start lists and entry filters of another tournament's relay show nothing of it.
    expect((await open(w.ownerA, `/admin/t/${w.a.tournament.slug}/start-list?relay=${w.b.events[0]!.relays[0]!.id}`)).status).toBe(404);
    const filtered = await (await open(w.ownerA, `/admin/t/${w.a.tournament.slug}/entries?event=${w.b.events[0]!.id}`)).text();
    expect(filtered).not.toContain(w.entryB.id);
    expect(await state(w)).toEqual(before);
  });
});
