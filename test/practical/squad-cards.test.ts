import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { db } from "../helpers/d1.ts";
import { get, sendJson } from "../helpers/http.ts";
import { enterPractical, practicalTournament, stageOp } from "../helpers/practical.ts";
import { staffOf } from "../helpers/staff.ts";

/** What the offline app's practical mode keeps (a squad's cards) and what its sync sends (stage ops + device report). */
describe("offline practical scoring: squad cards and device reports", () => {
  it("GET squad cards: stages with required hits, the squad's competitors and their scores so far", async () => {
    const { tournament, stub, event, stages } = await practicalTournament({ squads: [10, 10] });
    const ann = await enterPractical(stub, event, "Open", "major", "Ann Archer");
    const ben = await enterPractical(stub, event, "Production", "minor", "Ben Baker");
    const officer = await staffOf(tournament.id, "range_officer");
    const op = stageOp(ben.entry.id, stages[1]!.id, [6, 1, 1, 0, 0, 0], 3.25, { confirmed: true });
    await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/stage-scores`, { ops: [op] }, { cookie: officer.cookie });

    const res = await get(`/api/v1/tournaments/${tournament.slug}/squads/${event.relays[0]!.id}/cards`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      slug: tournament.slug,
      event: { id: event.id, title: "IPSC Handgun" },
      official: false,
      squad: { id: event.relays[0]!.id, name: "Squad 1" },
      stages: [
        { id: stages[0]!.id, number: 1, paperTargets: 8, steelTargets: 4 },
        { id: stages[1]!.id, number: 2, paperTargets: 4, steelTargets: 0 },
      ],
      entries: [
        { entryId: ann.entry.id, name: "Ann Archer", division: "Open", powerFactor: "major", dq: false },
        { entryId: ben.entry.id, name: "Ben Baker", division: "Production", powerFactor: "minor", dq: false },
      ],
      scores: [{ entryId: ben.entry.id, stageId: stages[1]!.id, hits: { a: 6, c: 1, d: 1, miss: 0, noShoot: 0, procedural: 0, timeHundredths: 325 }, confirmed: true }],
    });

    // The other squad is empty; a scoring token reads it too.
    const organiser = await staffOf(tournament.id, "organiser");
    const token = await createApiToken(db, { kind: "scoring", tournamentId: tournament.id, userId: organiser.user.id }, "Stage tablet");
    const other = await get(`/api/v1/tournaments/${tournament.slug}/squads/${event.relays[1]!.id}/cards`, { headers: { Authorization: `Bearer ${token.token}` } });
    expect(await other.json()).toMatchObject({ squad: { name: "Squad 2" }, entries: [], scores: [] });
  });

  it("refuses anonymous callers, another tournament's staff and a squad that is not practical or not there", async () => {
    const { tournament, event } = await practicalTournament();
    const path = `/api/v1/tournaments/${tournament.slug}/squads/${event.relays[0]!.id}/cards`;
    expect((await get(path)).status).toBe(401);
    const elsewhere = await practicalTournament();
    const stranger = await staffOf(elsewhere.tournament.id, "range_officer");
    expect((await get(path, { cookie: stranger.cookie })).status).toBe(403);
    const officer = await staffOf(tournament.id, "range_officer");
    const missing = await get(`/api/v1/tournaments/${tournament.slug}/squads/${elsewhere.event.relays[0]!.id}/cards`, { cookie: officer.cookie });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ title: "Squad not found" });
  });

  it("POST stage-scores records the device's report beside its batch", async () => {
    const { tournament, stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "minor");
    const officer = await staffOf(tournament.id, "range_officer");
    const device = { deviceId: "tablet-7", label: "Stage 2 tablet", pending: 3, conflicts: 0 };
    const res = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/stage-scores`, { ops: [stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 3)], device }, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    // The report counts what still waits after this batch (3 before, 1 sent).
    const rows = (await env.DB.prepare("SELECT device_id, label, pending, ops_sent FROM scoring_devices WHERE tournament_id = ?").bind(tournament.id).all()).results;
    expect(rows).toEqual([{ device_id: "tablet-7", label: "Stage 2 tablet", pending: 2, ops_sent: 1 }]);
  });
});
