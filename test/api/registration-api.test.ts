import { describe, expect, it } from "vitest";
import { createUsers, sessionCookie, tokenFor } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes, freshKey, objectEntries } from "../helpers/entries.ts";
import { get, sendJson } from "../helpers/http.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { getVia, problemOf, registerVia, withdrawVia } from "./client.ts";
import { eq } from "drizzle-orm";
import { auditLog } from "../../src/db/schema.ts";

describe("JSON API v1: registration", () => {
  it("lists published tournaments with their registration state", async () => {
    const now = Date.now();
    const open = await createTournament({ configure: false });
    const upcoming = await createTournament({ configure: false, registrationOpensAt: now + 86_400_000, registrationClosesAt: now + 2 * 86_400_000 });
    const closed = await createTournament({ configure: false, registrationOpensAt: now - 2 * 86_400_000, registrationClosesAt: now - 86_400_000 });
    const draft = await createTournament({ configure: false, status: "draft" });
    const res = await get("/api/v1/tournaments");
    expect(res.status).toBe(200);
    const { tournaments } = (await res.json()) as { tournaments: { slug: string; registration: { state: string; opensAt: string } }[] };
    const state = (slug: string) => tournaments.find((t) => t.slug === slug)?.registration.state;
    expect(state(open.tournament.slug)).toBe("open");
    expect(state(upcoming.tournament.slug)).toBe("upcoming");
    expect(state(closed.tournament.slug)).toBe("closed");
    expect(state(draft.tournament.slug)).toBeUndefined();
    expect(tournaments.find((t) => t.slug === upcoming.tournament.slug)?.registration.opensAt).toBe(
      new Date(upcoming.tournament.registrationOpensAt).toISOString(),
    );
  });

  it("registers by token: 201, the same body with 200 on replay, 409 under a new key, waitlist when full", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const [a, b] = await createUsers(2);
    const [tokenA, tokenB] = [await tokenFor(a!), await tokenFor(b!)];
    const body = { event: events[0]!.id, relay: relays[0]!.id };
    const key = freshKey();
    const first = await registerVia(tokenA, tournament.slug, body, key);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toEqual({ id: expect.stringMatching(new RegExp(`^${tournament.id}-`)), event: events[0]!.id, status: "confirmed", relay: relays[0]!.id });
    const replay = await registerVia(tokenA, tournament.slug, body, key);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(created);
    const again = await registerVia(tokenA, tournament.slug, body);
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toContain("already have an entry");
    const waiting = await registerVia(tokenB, tournament.slug, { event: events[0]!.id, relay: "any" });
    expect(waiting.status).toBe(201);
    expect(await waiting.json()).toMatchObject({ status: "waitlisted", relay: "any", position: 1 });
    expect(await objectEntries(stub)).toHaveLength(2);
  });

  it("registers by session cookie too", async () => {
    const { tournament, events } = await createTournament();
    const [userId] = await createUsers(1);
    const res = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/entries`, { event: events[0]!.id, relay: "any" }, {
      cookie: await sessionCookie(userId!),
      headers: { "Idempotency-Key": freshKey() },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: "confirmed" });
  });

  it("shows events, relays and live counts, configuring the object on the way if it is behind", async () => {
    const { tournament, events, relays, stub } = await createTournament({
      configure: false,
      events: [{ relays: [{ firingPoints: 3, reserved: 1 }, { firingPoints: 1 }] }],
    });
    const ids = await createUsers(4);
    for (const userId of ids) await registerVia(await tokenFor(userId), tournament.slug, { event: events[0]!.id, relay: relays[1]!.id });
    const res = await get(`/api/v1/tournaments/${tournament.slug}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as { registration: { state: string }; events: unknown[] };
    expect(detail.registration.state).toBe("open");
    expect(detail.events).toEqual([
      {
        id: events[0]!.id,
        title: events[0]!.title,
        discipline: events[0]!.discipline,
        waitlisted: 3,
        relays: [
          expect.objectContaining({ id: relays[0]!.id, firingPoints: 3, reserved: 1, capacity: 2, confirmed: 0, placesLeft: 2, waitlisted: 0 }),
          expect.objectContaining({ id: relays[1]!.id, capacity: 1, confirmed: 1, held: 0, placesLeft: 0, waitlisted: 3 }),
        ],
      },
    ]);
    expect((await stub.snapshot()).revision).toBe(tournament.revision);
  });

  it("refuses outside the window with 403 and the times", async () => {
    const opensAt = Date.now() + 3_600_000;
    const { tournament, events } = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 3_600_000 });
    const [userId] = await createUsers(1);
    const res = await registerVia(await tokenFor(userId!), tournament.slug, { event: events[0]!.id, relay: "any" });
    expect(res.status).toBe(403);
    expect((await problemOf(res)).detail).toContain(new Date(opensAt).toISOString());
  });

  it("lets the owner withdraw and the next in line sees the place at once", async () => {
    const { tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const [a, b] = await createUsers(2);
    const [tokenA, tokenB] = [await tokenFor(a!), await tokenFor(b!)];
    const body = { event: events[0]!.id, relay: relays[0]!.id };
    const mine = (await (await registerVia(tokenA, tournament.slug, body)).json()) as { id: string };
    const theirs = (await (await registerVia(tokenB, tournament.slug, body)).json()) as { id: string; position: number };
    expect(theirs.position).toBe(1);
    const res = await withdrawVia(tokenA, mine.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: mine.id, status: "withdrawn" });
    const promoted = await getVia(tokenB, `/api/v1/entries/${theirs.id}`);
    expect(await promoted.json()).toMatchObject({ status: "confirmed", relay: relays[0]!.id });
    expect((await withdrawVia(tokenA, mine.id)).status).toBe(200);
  });

  it("lists my entries in every tournament from D1", async () => {
    const first = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const second = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const [me, rival] = await createUsers(2);
    const [token, rivalToken] = [await tokenFor(me!), await tokenFor(rival!)];
    await registerVia(rivalToken, second.tournament.slug, { event: second.events[0]!.id, relay: "any" });
    await registerVia(token, first.tournament.slug, { event: first.events[0]!.id, relay: first.relays[0]!.id });
    await registerVia(token, second.tournament.slug, { event: second.events[0]!.id, relay: "any" });
    await drainOutboxes(first.stub);
    await drainOutboxes(second.stub);
    const res = await getVia(token, "/api/v1/me/entries");
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: unknown[] };
    expect(entries).toEqual([
      expect.objectContaining({
        tournament: expect.objectContaining({ slug: first.tournament.slug }),
        event: { id: first.events[0]!.id, title: first.events[0]!.title },
        relay: expect.objectContaining({ id: first.relays[0]!.id, name: "Relay 1" }),
        status: "confirmed",
      }),
      expect.objectContaining({
        tournament: expect.objectContaining({ slug: second.tournament.slug }),
        relay: "any",
        status: "waitlisted",
        position: 1,
      }),
    ]);
  });

  it("gives organisers only what changed since a time, and an organiser may withdraw anyone's entry", async () => {
    const [organiser, a, b, c] = await createUsers(4);
    const { tournament, events, stub } = await createTournament({ staff: [[organiser!, "organiser"]], events: [{ relays: [{ firingPoints: 1 }] }] });
    const organiserToken = await tokenFor(organiser!);
    const tokens = [await tokenFor(a!), await tokenFor(b!), await tokenFor(c!)];
    const ids: string[] = [];
    for (const token of tokens) ids.push(((await (await registerVia(token, tournament.slug, { event: events[0]!.id, relay: "any" })).json()) as { id: string }).id);
    const all = await getVia(organiserToken, `/api/v1/tournaments/${tournament.slug}/entries`);
    expect(all.status).toBe(200);
    const page = (await all.json()) as { entries: { id: string; competitor: { name: string } }[]; updatedThrough: string; more: boolean };
    expect(page.entries.map((e) => e.id)).toEqual(ids);
    expect(page.entries[0]?.competitor.name).toMatch(/^Competitor/);
    expect(page.more).toBe(false);

    const removed = await withdrawVia(organiserToken, ids[0]!);
    expect(await removed.json()).toMatchObject({ status: "removed", note: "Withdrawn by an organiser." });
    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, ids[0]!)).all();
    expect(audit).toMatchObject([{ tournamentId: tournament.id, actorId: organiser, action: "entry.remove" }]);
    const since = await getVia(organiserToken, `/api/v1/tournaments/${tournament.slug}/entries?updatedAfter=${encodeURIComponent(page.updatedThrough)}`);
    const changes = (await since.json()) as { entries: { id: string; status: string; position?: number }[] };
    expect(changes.entries).toEqual([
      expect.objectContaining({ id: ids[0], status: "removed" }),
      expect.objectContaining({ id: ids[1], status: "confirmed" }),
      expect.objectContaining({ id: ids[2], status: "waitlisted", position: 1 }),
    ]);

    const competitor = await getVia(tokens[1]!, `/api/v1/tournaments/${tournament.slug}/entries`);
    expect(competitor.status).toBe(403);
    await drainOutboxes(stub);
    const caughtUp = await getVia(organiserToken, `/api/v1/tournaments/${tournament.slug}/entries?updatedAfter=${encodeURIComponent(page.updatedThrough)}`);
    expect(await caughtUp.json()).toMatchObject({ d1Pending: 0 });

    const badTime = await getVia(organiserToken, `/api/v1/tournaments/${tournament.slug}/entries?updatedAfter=yesterday`);
    expect(badTime.status).toBe(422);
    expect((await problemOf(badTime)).errors).toHaveProperty("updatedAfter");
  });

  it("answers 429 with Retry-After once a competitor has made 20 attempts in a minute", async () => {
    const { tournament, events } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }, { relays: [{ firingPoints: 1 }] }] });
    const [userId] = await createUsers(1);
    const token = await tokenFor(userId!);
    for (let i = 0; i < 20; i++) await registerVia(token, tournament.slug, { event: events[0]!.id, relay: "any" });
    const limited = await registerVia(token, tournament.slug, { event: events[1]!.id, relay: "any" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await problemOf(limited)).title).toBe("Too many attempts");
  });
});
