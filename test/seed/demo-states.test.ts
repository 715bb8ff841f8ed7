import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, events, relays, tournaments, users } from "../../src/db/schema.ts";
import { tournamentPhase } from "../../src/domain/calendar/phase.ts";
import { discipline } from "../../src/domain/scoring/disciplines.ts";
import { formatDayTime } from "../../src/domain/time/format.ts";
import { COMPETITOR, type DemoTournament, demoTournaments } from "../../src/seed/plan.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { clientOf, tournamentStub } from "../helpers/object.ts";
import { seed, SEED_TOKEN } from "../helpers/seed.ts";

/** Seeds the demo and answers each tournament as stored, by its kind in the plan. */
async function seeded() {
  const now = Date.now();
  const response = await seed(SEED_TOKEN);
  expect(response.status).toBe(200);
  const plan = demoTournaments(now);
  const stored = await db.select().from(tournaments).where(inArray(tournaments.slug, plan.map((t) => t.slug)));
  for (const t of stored) await drainOutboxes(tournamentStub(env, t.id));
  const of = (kind: DemoTournament["kind"]) => {
    const planned = plan.find((t) => t.kind === kind)!;
    return { planned, row: stored.find((t) => t.slug === planned.slug)! };
  };
  return { now, of };
}

const eventsOf = (tournamentId: number) => db.select().from(events).where(eq(events.tournamentId, tournamentId)).orderBy(events.position);

describe("the demo shows every state", () => {
  it("puts each tournament in its phase: open, opening soon, under way today, finished", async () => {
    const { now, of } = await seeded();
    for (const kind of ["open", "soon", "live", "past"] as const) expect(tournamentPhase(of(kind).row, now)).toBe(kind);
    expect(of("soon").row.registrationOpensAt - now).toBeGreaterThan(4 * 60_000);
    expect(of("open").row.entryFeeCents).toBeGreaterThan(0);
    expect(of("open").row.description).toContain("paid there");
  });

  it("finishes the past tournament with complete, official, ranked results and says so on its pages", async () => {
    const { of } = await seeded();
    const { row, planned } = of("past");
    const client = clientOf(row.id);
    for (const [i, event] of (await eventsOf(row.id)).entries()) {
      expect(event.resultsStatus).toBe("official");
      const d = discipline(event.discipline)!;
      const standings = (await client.call("results", event.id))!;
      expect(standings.rows).toHaveLength(planned.events[i]!.relays[0]!.fill);
      expect(standings.rows.every((r) => r.complete && r.shotsFired === d.shots)).toBe(true);
      expect(standings.rows.map((r) => r.rank)).toEqual([...standings.rows.map((r) => r.rank)].sort((a, b) => a! - b!));
      expect(standings.rows[0]!.rank).toBe(1);
      // Realistic: nobody shoots a perfect match, nobody is far off.
      const averages = standings.rows.map((r) => r.total / d.shots / (d.scoring === "decimal" ? 10 : 1));
      expect(Math.min(...averages)).toBeGreaterThan(8.5);
      expect(Math.max(...averages)).toBeLessThan(d.scoring === "decimal" ? 10.7 : 9.9);
      // A later shot through the ordinary path is refused: the results are frozen in the object too.
      const { results } = await client.call("applyShots", [{ opId: `late-${event.id}`, entryId: standings.rows[0]!.entryId, shotNo: 1, value: 5 }], {
        userId: null,
        tokenId: null,
        via: "session",
        role: "range_officer",
      });
      expect(results[0]!.reason).toBe("results_official");

      const page = await (await get(`/t/${row.slug}/results/${event.id}`)).text();
      expect(await texts(page, '[data-testid="results-status"]')).toEqual(["Official"]);
      expect(await select(page, "tr.result")).toHaveLength(standings.rows.length);
      const board = await (await get(`/t/${row.slug}/live/${event.id}`)).text();
      expect(await texts(board, '[data-testid="match-status"]')).toEqual(["Official"]);
    }
    const audit = await db.select().from(auditLog).where(eq(auditLog.tournamentId, row.id));
    expect(audit.filter((a) => a.action === "results.official")).toHaveLength(planned.events.length);

    const page = await (await get(`/t/${row.slug}`)).text();
    expect(await texts(page, '[data-testid="tournament-phase"]')).toEqual(["Finished"]);
    expect(await select(page, '[data-testid="places-left"]')).toHaveLength(0);
    expect(await texts(page, '[data-testid="entrants"]')).toEqual(planned.events.map((e) => String(e.relays[0]!.fill)));
    // The demo competitor shot both events too, so My results has something to show.
    const [competitor] = await db.select().from(users).where(eq(users.email, COMPETITOR.email));
    expect((await client.call("entriesOf", competitor!.id)).map((e) => e.status)).toEqual(["confirmed", "confirmed"]);
  });

  it("has a relay under way today, partly scored, and scoreboards that say where each match stands", async () => {
    const { of } = await seeded();
    const { row } = of("live");
    const [rifle, pistol] = await eventsOf(row.id);
    const client = clientOf(row.id);
    const relayRows = await db.select().from(relays).where(eq(relays.tournamentId, row.id)).orderBy(relays.startsAt);
    const entries = await client.call("allEntries");
    const onFirst = new Set(entries.filter((e) => e.relayId === relayRows[0]!.id).map((e) => e.id));
    const rows = (await client.call("results", rifle!.id))!.rows;
    for (const r of rows) {
      if (!onFirst.has(r.entryId)) expect(r.shotsFired).toBe(0);
      else expect([21, 22, 23, 24]).toContain(r.shotsFired);
    }
    expect(entries.every((e) => e.checkedInAt !== null)).toBe(true);

    const live = await (await get(`/t/${row.slug}/live/${rifle!.id}`)).text();
    expect(await texts(live, '[data-testid="match-status"]')).toEqual(["Live"]);
    const later = await get(`/t/${row.slug}/live/${pistol!.id}`);
    const pistolStart = relayRows.find((r) => r.eventId === pistol!.id)!.startsAt;
    expect(await texts(await later.text(), '[data-testid="match-status"]')).toEqual([`Starts ${formatDayTime(pistolStart, row.timeZone)}`]);

    const open = of("open").row;
    const [openRifle] = await eventsOf(open.id);
    const first = Math.min(...(await db.select().from(relays).where(eq(relays.eventId, openRifle!.id))).map((r) => r.startsAt));
    const board = await (await get(`/t/${open.slug}/live/${openRifle!.id}`)).text();
    const [status] = await select(board, '[data-testid="match-status"]');
    expect(status!.text).toBe(`Starts ${formatDayTime(first, open.timeZone)}`);
    expect(status!.attrs["data-match"]).toBe("upcoming");
  });

  it("keeps relays of the open tournament nearly full, with a waitlist", async () => {
    const { of } = await seeded();
    const page = await (await get(`/t/${of("open").row.slug}`)).text();
    expect((await texts(page, '[data-testid="places-left"]')).filter((t) => t === "0 left" || t === "1 left").length).toBeGreaterThanOrEqual(3);
    expect((await texts(page, '[data-testid="waitlisted"]')).length).toBeGreaterThan(0);
  });
});
