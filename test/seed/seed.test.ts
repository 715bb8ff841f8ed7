import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/auth/password.ts";
import { entries, tournamentStaff, tournaments, users } from "../../src/db/schema.ts";
import { tournamentStub } from "../helpers/object.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoTournament, demoTournaments } from "../../src/seed/plan.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get, sendJson } from "../helpers/http.ts";

import { seed, SEED_TOKEN as TOKEN } from "../helpers/seed.ts";
import { PRACTICAL_COMPETITORS, PRACTICAL_DEMO_TITLE } from "../../src/seed/practical-plan.ts";

const byKind = (plan: DemoTournament[], kind: DemoTournament["kind"]) => plan.find((t) => t.kind === kind)!;

describe("POST /__seed", () => {
  it("does not exist without a configured token or with a missing or wrong one", async () => {
    expect((await sendJson("POST", "/__seed", {}, { headers: { "X-Seed-Token": "" } })).status).toBe(404);
    expect((await sendJson("POST", "/__seed", {}, { headers: { "X-Seed-Token": "guess" } })).status).toBe(404);
    expect((await seed(undefined)).status).toBe(404);
    expect((await seed("wrong-token")).status).toBe(404);
    expect((await seed("", "")).status).toBe(404);
    expect(await db.select().from(users)).toEqual([]);
    expect(await db.select().from(tournaments)).toEqual([]);
  });

  it("seeds the demo through D1 and the Durable Objects, and a second run adds nothing", async () => {
    const plan = demoTournaments(Date.now());
    const relays = plan.flatMap((t) => t.events.flatMap((e) => e.relays));
    const planned = relays.reduce((n, r) => n + r.fill, 0);
    const overflow = relays.reduce((n, r) => n + Math.max(0, r.fill - (r.firingPoints - r.reserved)), 0);
    // Every card of the finished tournament: 60 match shots each; the relay under way has 21 to 24 each.
    const past = byKind(plan, "past").events.flatMap((e) => e.relays).reduce((n, r) => n + r.fill * 60, 0);
    const underWay = byKind(plan, "live").events[0]!.relays[0]!;
    // The live tournament's juniors qualification (whose final is under way) is complete: 60 each.
    const complete = byKind(plan, "live").events.flatMap((e) => e.relays).filter((r) => r.shots === "all").reduce((n, r) => n + r.fill * 60, 0);

    const first = await seed(TOKEN);
    expect(first.status).toBe(200);
    const body = (await first.json()) as any;
    expect(body.signIns.map((s: any) => [s.email, s.password])).toEqual([
      ["organiser@tenring.test", DEMO_PASSWORD],
      ["ro@tenring.test", DEMO_PASSWORD],
      ["competitor@tenring.test", DEMO_PASSWORD],
    ]);
    expect(body.created).toEqual({
      users: DEMO_ACCOUNTS.length,
      tournaments: plan.length,
      staff: plan.length * 2,
      events: plan.reduce((n, t) => n + t.events.length, 0),
      relays: relays.length,
      entries: planned,
      shots: expect.any(Number),
      officialEvents: byKind(plan, "past").events.length,
    });
    expect(body.created.shots - past - complete).toBeGreaterThanOrEqual(underWay.fill * 21);
    expect(body.created.shots - past - complete).toBeLessThanOrEqual(underWay.fill * 24);
    expect(body.final).toEqual({ path: expect.stringMatching(/^\/t\/lakeside-autumn-championship\/finals\/\d+$/), shots: 8 * 13 });
    expect(body.entries).toMatchObject({ waitlisted: overflow, confirmed: planned - overflow, replayed: 0, refused: 0 });

    const stored = await db.select().from(tournaments).where(inArray(tournaments.slug, plan.map((t) => t.slug)));
    const soon = stored.find((t) => t.slug === byKind(plan, "soon").slug)!;

    const second = await seed(TOKEN);
    expect(second.status).toBe(200);
    const again = (await second.json()) as any;
    expect(again.created).toEqual({ users: 0, tournaments: 0, staff: 0, events: 0, relays: 0, entries: 0, shots: 0, officialEvents: 0 });
    expect(again.entries).toMatchObject({ replayed: planned, refused: 0 });
    expect(again.final).toEqual({ path: body.final.path, shots: 0 });
    // Only the countdown tournament moved: its window is again a few minutes ahead, at a newer revision.
    const [soonAfter] = await db.select().from(tournaments).where(eq(tournaments.id, soon.id));
    expect(soonAfter!.registrationOpensAt).toBeGreaterThan(Date.now() + 4 * 60_000);
    expect(soonAfter!.registrationOpensAt).toBeLessThanOrEqual(Date.now() + 6 * 60_000);
    expect(soonAfter!.revision).toBe(soon.revision + 1);
    expect(await db.select().from(users)).toHaveLength(DEMO_ACCOUNTS.length + PRACTICAL_COMPETITORS.length);
    expect(again.practical).toMatchObject({ entries: 0, stageScores: 0 });

    for (const t of stored) await drainOutboxes(tournamentStub(env, t.id));
    // The plan's entries (the practical match's are checked in test/practical/demo.test.ts).
    const copied = (await db.select().from(entries)).filter((e) => stored.some((t) => t.id === e.tournamentId));
    expect(copied).toHaveLength(planned);
    expect(copied.filter((e) => e.status === "waitlisted")).toHaveLength(overflow);
  });

  it("gives every demo account the demo password and the organiser and range officer their roles", async () => {
    await seed(TOKEN);
    const accounts = await db.select().from(users).where(inArray(users.email, ["organiser@tenring.test", "ro@tenring.test", "competitor@tenring.test"]));
    expect(accounts).toHaveLength(3);
    for (const account of accounts) expect(await verifyPassword(DEMO_PASSWORD, account.passwordHash!)).toBe(true);
    const staff = await db
      .select({ email: users.email, role: tournamentStaff.role })
      .from(tournamentStaff)
      .innerJoin(users, eq(users.id, tournamentStaff.userId));
    // The plan's tournaments and the practical match.
    const count = demoTournaments(Date.now()).length + 1;
    expect(staff.filter((s) => s.email === "organiser@tenring.test").map((s) => s.role)).toEqual(Array(count).fill("owner"));
    expect(staff.filter((s) => s.email === "ro@tenring.test").map((s) => s.role)).toEqual(Array(count).fill("range_officer"));
  });

  it("shows the variety on the home page and nearly full relays on the open tournament", async () => {
    await seed(TOKEN);
    const plan = demoTournaments(Date.now());
    const stored = await db.select().from(tournaments);
    for (const t of stored) await drainOutboxes(tournamentStub(env, t.id));

    const home = await (await get("/")).text();
    expect(await texts(home, "#group-open .card-title")).toEqual([byKind(plan, "open").title]);
    expect(await texts(home, "#group-soon .card-title")).toEqual([byKind(plan, "soon").title]);
    expect((await texts(home, "#group-live .card-title")).sort()).toEqual([byKind(plan, "live").title, PRACTICAL_DEMO_TITLE].sort());
    expect(await texts(home, "#group-past .card-title")).toEqual([byKind(plan, "past").title]);
    expect(await select(home, "#group-soon .countdown")).toHaveLength(1);

    const open = byKind(plan, "open");
    const page = await (await get(`/t/${open.slug}`)).text();
    const expected = open.events.flatMap((e) =>
      e.relays.map((r) => `${Math.max(0, r.firingPoints - r.reserved - r.fill)} left`),
    );
    expect((await texts(page, '[data-testid="places-left"]')).sort()).toEqual(expected.sort());
    expect(expected.filter((p) => p === "1 left").length).toBeGreaterThanOrEqual(2);
  });
});
