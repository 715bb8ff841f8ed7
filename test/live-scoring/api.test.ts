import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { signedInUser } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { get, sendJson } from "../helpers/http.ts";
import { enter, scoringState, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { staffOf } from "../helpers/staff.ts";

const post = (slug: string, body: unknown, call: Parameters<typeof sendJson>[3] = {}) =>
  sendJson("POST", `/api/v1/tournaments/${slug}/shots`, body, call);

describe("POST /api/v1/tournaments/:slug/shots", () => {
  it("applies a range officer's batch and answers one outcome per operation", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const officer = await staffOf(tournament.id, "range_officer");
    const first = shot(entry.id, 1, 101);

    const res = await post(
      tournament.slug,
      { ops: [first, first, shot(entry.id, 1, 99), shot(entry.id, 61, 100), shot(entry.id, 2, 120), shot("nobody", 1, 100)] },
      { cookie: officer.cookie },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { results: { opId: string; outcome: string; reason?: string }[] };
    expect(body.results.map((r) => [r.outcome, r.reason])).toEqual([
      ["applied", undefined],
      ["duplicate", "known_op"],
      ["conflict", undefined],
      ["rejected", "beyond_match"],
      ["rejected", "out_of_range"],
      ["rejected", "unknown_entry"],
    ]);
    expect(body.results[0]?.opId).toBe(first.opId);
    expect((await scoringState(stub)).shots).toEqual([expect.objectContaining({ shot_no: 1, value: 101 })]);
  });

  it("takes a scoring token of the tournament and refuses one of another tournament", async () => {
    const home = await scoringTournament();
    const away = await scoringTournament();
    const { entry } = await enter(home.stub, home.events[0]!);
    const organiser = await staffOf(home.tournament.id, "organiser");
    const homeToken = await createApiToken(db, { kind: "scoring", tournamentId: home.tournament.id, userId: organiser.user.id }, "Target 1");
    const awayToken = await createApiToken(db, { kind: "scoring", tournamentId: away.tournament.id, userId: organiser.user.id }, "Target 1");
    const before = await scoringState(home.stub);

    const refused = await post(home.tournament.slug, { ops: [shot(entry.id, 1, 100)] }, { headers: { Authorization: `Bearer ${awayToken.token}` } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await scoringState(home.stub)).toEqual(before);

    const accepted = await post(
      home.tournament.slug,
      { ops: [{ opId: "target-1-0001", entryId: entry.id, shotNo: 1, display: "10.4*", deviceId: "target-1", x: 1.5, y: -0.5 }] },
      { headers: { Authorization: `Bearer ${homeToken.token}` } },
    );
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({
      results: [{ opId: "target-1-0001", entryId: entry.id, shotNo: 1, outcome: "applied", message: "Shot 1: 10.4*" }],
    });
  });

  it("takes a staff member's personal token", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const owner = await staffOf(tournament.id, "owner");
    const token = await createApiToken(db, { kind: "personal", userId: owner.user.id }, "laptop");
    const res = await post(tournament.slug, { ops: [shot(entry.id, 1, 100)] }, { headers: { Authorization: `Bearer ${token.token}` } });
    expect(res.status).toBe(200);
  });

  it("refuses callers who are not staff of this tournament, applying nothing", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const other = await scoringTournament();
    const competitor = await enter(stub, events[0]!);
    const elsewhere = await staffOf(other.tournament.id, "range_officer");
    const signedIn = await signedInUser();
    const before = await scoringState(stub);
    const ops = { ops: [shot(competitor.entry.id, 1, 109)] };

    const stranger = await post(tournament.slug, ops, { cookie: signedIn.cookie });
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ title: "Not scoring staff" });
    expect((await post(tournament.slug, ops, { cookie: elsewhere.cookie })).status).toBe(403);
    const anonymous = await post(tournament.slug, ops);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toContain("Bearer");
    expect((await post(tournament.slug, ops, { headers: { Authorization: "Bearer trs_not-a-token" } })).status).toBe(401);
    expect(await scoringState(stub)).toEqual(before);
  });

  it("refuses a malformed batch as a whole with field messages", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const officer = await staffOf(tournament.id, "range_officer");
    const before = await scoringState(stub);

    const missingValue = await post(tournament.slug, { ops: [shot(entry.id, 1, 100), { opId: "x1", entryId: entry.id, shotNo: 2 }] }, { cookie: officer.cookie });
    expect(missingValue.status).toBe(422);
    const problem = (await missingValue.json()) as { errors: Record<string, string> };
    expect(problem.errors["ops.1.value"]).toContain("Send the score as value");

    expect((await post(tournament.slug, { ops: [] }, { cookie: officer.cookie })).status).toBe(422);
    const tooMany = { ops: Array.from({ length: 501 }, (_, i) => shot(entry.id, (i % 60) + 1, 100)) };
    expect((await post(tournament.slug, tooMany, { cookie: officer.cookie })).status).toBe(422);
    expect((await post(tournament.slug, "{oops", { cookie: officer.cookie })).status).toBe(422);
    expect((await post("no-such-tournament", { ops: [shot(entry.id, 1, 100)] }, { cookie: officer.cookie })).status).toBe(404);
    expect(await scoringState(stub)).toEqual(before);
  });

  it("applies 500 operations in one request", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const officer = await staffOf(tournament.id, "range_officer");
    const entries: { id: string }[] = [];
    for (let i = 0; i < 9; i++) entries.push((await enter(stub, events[0]!)).entry);
    const ops = Array.from({ length: 500 }, (_, i) => shot(entries[Math.floor(i / 60)]!.id, (i % 60) + 1, 90 + (i % 20)));

    const res = await post(tournament.slug, { ops }, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { outcome: string }[] };
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(500);
    const standings = await stub.results(events[0]!.id);
    expect(standings?.seq).toBe(9);
    expect(standings?.rows.filter((r) => r.complete)).toHaveLength(8);
  });
});

describe("GET /api/v1/tournaments/:slug/results", () => {
  it("lists the event ranked, with names from D1, series, totals and inner tens", async () => {
    const { stub, events, tournament } = await scoringTournament([{ discipline: "air-pistol-10m", title: "Air pistol men" }]);
    const event = events[0]!;
    const ada = await enter(stub, event, "Ada Result");
    const bea = await enter(stub, event, "Bea Result");
    const cy = await enter(stub, event, "Cy Result");
    await stub.applyShots(
      [
        shot(ada.entry.id, 1, 10, { innerTen: true }),
        shot(ada.entry.id, 11, 9),
        shot(bea.entry.id, 1, 10),
        shot(bea.entry.id, 2, 9),
      ],
      { userId: null, tokenId: null, via: "session", role: "range_officer" },
    );

    const res = await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { event: unknown; seq: number; results: Record<string, unknown>[] };
    expect(body.event).toEqual({ id: event.id, title: "Air pistol men", discipline: "air-pistol-10m", scoring: "integer" });
    expect(body.seq).toBe(2);
    // Equal on 19; Ada's inner ten decides.
    expect(body.results.map((r) => [r.rankLabel, r.name, r.total, r.innerTens, r.shotsFired])).toEqual([
      ["1", "Ada Result", 19, 1, 2],
      ["2", "Bea Result", 19, 0, 2],
      ["", "Cy Result", 0, 0, 0],
    ]);
    expect(body.results[0]).toMatchObject({ entry: ada.entry.id, club: "Ada Result's club", series: [10, 9, 0, 0, 0, 0], rank: 1 });
    expect(body.results[2]).toMatchObject({ entry: cy.entry.id, rank: null });
  });

  it("answers 422 without an event and 404 for an event of another tournament", async () => {
    const { tournament } = await scoringTournament();
    const other = await scoringTournament();
    expect((await get(`/api/v1/tournaments/${tournament.slug}/results`)).status).toBe(422);
    expect((await get(`/api/v1/tournaments/${tournament.slug}/results?event=${other.events[0]!.id}`)).status).toBe(404);
  });
});
