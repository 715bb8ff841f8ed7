import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { db } from "../helpers/d1.ts";
import { get, sendJson } from "../helpers/http.ts";
import { enterPractical, practicalTournament, stageOp } from "../helpers/practical.ts";
import { staffOf } from "../helpers/staff.ts";

const post = (slug: string, body: unknown, call: Parameters<typeof sendJson>[3] = {}) =>
  sendJson("POST", `/api/v1/tournaments/${slug}/stage-scores`, body, call);

describe("the practical JSON API v1", () => {
  it("GET a tournament: a practical event carries its stages and divisions", async () => {
    const { tournament, stages } = await practicalTournament({ stages: [{ name: "El Presidente", paper: 3, steel: 0 }, { paper: 8, steel: 4 }] });
    const res = await get(`/api/v1/tournaments/${tournament.slug}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: Record<string, unknown>[] };
    expect(body.events[0]).toMatchObject({
      matchShape: "practical",
      divisions: ["Open", "Standard", "Production"],
      stages: [
        { id: stages[0]!.id, number: 1, name: "El Presidente", requiredHits: 6, maxPoints: 30, scoring: "comstock" },
        { id: stages[1]!.id, number: 2, name: "Stage 2", requiredHits: 20, maxPoints: 100, scoring: "comstock" },
      ],
    });
  });

  it("POST stage-scores: one outcome per operation; a range officer's DQ; a scoring token of the tournament", async () => {
    const { tournament, stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Standard", "major");
    const officer = await staffOf(tournament.id, "range_officer");
    const first = stageOp(entry.id, stages[1]!.id, [6, 1, 1, 0, 0, 0], 3.25);

    const res = await post(
      tournament.slug,
      { ops: [first, first, stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 3), stageOp(entry.id, stages[0]!.id, [1, 0, 0, 0, 0, 0], 3), stageOp("nobody", stages[0]!.id, [20, 0, 0, 0, 0, 0], 3)] },
      { cookie: officer.cookie },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { outcomes: { opId: string; outcome: string; reason?: string; message: string }[] };
    expect(body.outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["applied", undefined],
      ["duplicate", "known_op"],
      ["conflict", undefined],
      ["rejected", "hits_do_not_add_up"],
      ["rejected", "unknown_entry"],
    ]);
    expect(body.outcomes[0]).toEqual({ opId: first.opId, entryId: entry.id, outcome: "applied", message: "Stage 2: 6A 1C 1D 0M 0NS 0P 3.25 s" });

    const organiser = await staffOf(tournament.id, "organiser");
    const token = await createApiToken(db, { kind: "scoring", tournamentId: tournament.id, userId: organiser.user.id }, "Stage 1 tablet");
    const dq = await post(tournament.slug, { ops: [{ opId: "dq-1", entryId: entry.id, dq: true, reason: "Dropped gun" }] }, { headers: { Authorization: `Bearer ${token.token}` } });
    expect(await dq.json()).toEqual({ outcomes: [{ opId: "dq-1", entryId: entry.id, outcome: "applied", message: "Disqualified: Dropped gun" }] });
  });

  it("POST stage-scores refuses anonymous callers, another tournament's staff and malformed batches", async () => {
    const { tournament, stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "minor");
    const op = stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 3);
    expect((await post(tournament.slug, { ops: [op] })).status).toBe(401);
    const elsewhere = await practicalTournament();
    const stranger = await staffOf(elsewhere.tournament.id, "range_officer");
    expect((await post(tournament.slug, { ops: [op] }, { cookie: stranger.cookie })).status).toBe(403);

    const officer = await staffOf(tournament.id, "range_officer");
    const tooMany = await post(tournament.slug, { ops: Array.from({ length: 501 }, () => op) }, { cookie: officer.cookie });
    expect(tooMany.status).toBe(422);
    expect(tooMany.headers.get("Content-Type")).toBe("application/problem+json");
    const badCount = await post(tournament.slug, { ops: [{ ...op, a: -1 }] }, { cookie: officer.cookie });
    expect(badCount.status).toBe(422);
    expect((await stub.practicalBook(event.id))?.scores).toEqual([]);
  });

  it("GET results: overall and per division, ranked, stage points relative to the pool's best, DQ last", async () => {
    const { tournament, stub, event, stages } = await practicalTournament({ stages: [{ paper: 4, steel: 0 }] });
    const stage = stages[0]!.id; // 8 hits, 40 points
    const ann = await enterPractical(stub, event, "Open", "major", "Ann Open");
    const ben = await enterPractical(stub, event, "Production", "minor", "Ben Production");
    const cy = await enterPractical(stub, event, "Production", "minor", "Cy Production");
    const dee = await enterPractical(stub, event, "Open", "major", "Dee Open");
    await stub.applyStageScores(
      [
        stageOp(ann.entry.id, stage, [8, 0, 0, 0, 0, 0], 4), // 40 / 4 = 10
        stageOp(ben.entry.id, stage, [8, 0, 0, 0, 0, 0], 5), // 8
        stageOp(cy.entry.id, stage, [8, 0, 0, 0, 0, 0], 10), // 4
        stageOp(dee.entry.id, stage, [8, 0, 0, 0, 0, 0], 2), // 20, then DQ
        { opId: "dq-dee", entryId: dee.entry.id, dq: true, reason: "Unsafe" },
      ],
      { userId: null, tokenId: null, via: "session", role: "range_officer" },
    );

    const overall = await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}`);
    expect(overall.status).toBe(200);
    const all = (await overall.json()) as { results: Record<string, unknown>[] };
    expect(all.results).toEqual([
      {
        rank: 1, shared: false, entry: ann.entry.id, name: "Ann Open", division: "Open", powerFactor: "major", category: null,
        matchPoints: 40, percent: 100, dq: false, stages: [{ stage, points: 40, time: 4, hitFactor: 10, stagePoints: 40 }],
      },
      expect.objectContaining({ rank: 2, name: "Ben Production", matchPoints: 32, percent: 80 }),
      expect.objectContaining({ rank: 3, name: "Cy Production", matchPoints: 16, percent: 40 }),
      expect.objectContaining({ rank: null, name: "Dee Open", matchPoints: 0, dq: true, stages: [{ stage, points: null, time: null, hitFactor: null, stagePoints: 0 }] }),
    ]);

    const production = await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}&division=Production`);
    const prod = (await production.json()) as { results: Record<string, unknown>[] };
    expect(prod.results.map((r) => [r.name, r.matchPoints, r.percent])).toEqual([
      ["Ben Production", 40, 100],
      ["Cy Production", 20, 50],
    ]);
    const unknown = await get(`/api/v1/tournaments/${tournament.slug}/results?event=${event.id}&division=Revolver`);
    expect(unknown.status).toBe(422);
  });

  it("GET entries (organisers): each practical entry carries its division and power factor", async () => {
    const { tournament, stub, event } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Production", "minor");
    const organiser = await staffOf(tournament.id, "organiser");
    const res = await get(`/api/v1/tournaments/${tournament.slug}/entries`, { cookie: organiser.cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { entries: Record<string, unknown>[] };
    expect(body.entries).toEqual([expect.objectContaining({ id: entry.id, division: "Production", powerFactor: "minor" })]);
  });
});
