import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { db } from "../helpers/d1.ts";
import { texts } from "../helpers/html.ts";
import { bearer, postForm, sendJson } from "../helpers/http.ts";
import { OFFICER, scoringState, shot } from "../helpers/live-scoring.ts";
import { tokenFor } from "../helpers/accounts.ts";
import { staffOf } from "../helpers/staff.ts";
import { formFields, relayPage, scoredRelay } from "../scoring-pages/fixtures.ts";
import { get } from "../helpers/http.ts";

type Outcomes = { results: { outcome: string; reason?: string; message: string }[] };

/** Issue 10, finding 2: once official, results change only by an owner's or organiser's correction. */
describe("official results and range officers", () => {
  async function officialEvent() {
    const made = await scoredRelay(["Ada Lane"]);
    const entryId = made.competitors[0]!.entry.id;
    // The card is opened while the event is live, so the undo form names shot 1.
    await made.stub.applyShots([shot(entryId, 1, 104)], OFFICER);
    const card = await (await get(relayPage(made.tournament.slug, made.relay.id, entryId), { cookie: made.officer.cookie })).text();
    await made.stub.setResultsOfficial(made.event.id, true);
    return { ...made, entryId, card };
  }
  const correction = (entryId: string, value: number) => shot(entryId, 1, value, { replaces: { value: 104 }, reason: "rescored" });

  it("refuses a range officer's correction through the API: session, personal token and scoring token", async () => {
    const { tournament, stub, officer, entryId } = await officialEvent();
    const path = `/api/v1/tournaments/${tournament.slug}/shots`;
    const scoring = (await createApiToken(db, { kind: "scoring", tournamentId: tournament.id, userId: officer.user.id }, "Bank A")).token;
    for (const call of [{ cookie: officer.cookie }, bearer(await tokenFor(officer.user.id)), bearer(scoring)]) {
      const res = await sendJson("POST", path, { ops: [correction(entryId, 95)] }, call);
      expect(res.status).toBe(200);
      const [outcome] = ((await res.json()) as Outcomes).results;
      expect(outcome).toMatchObject({ outcome: "rejected", reason: "official_correction_refused" });
      expect(outcome?.message).toContain("only the tournament's owner or an organiser");
    }
    expect((await scoringState(stub)).shots.map((s) => s.value)).toEqual([104]);
    expect((await scoringState(stub)).corrections).toEqual([]);
  });

  it("refuses the scoring page's Undo for a range officer with the reason, and changes nothing", async () => {
    const { tournament, stub, officer, entryId, card } = await officialEvent();
    const undo = await formFields(card, ".undo-form");
    const res = await postForm(`/score/t/${tournament.slug}/entries/${entryId}/undo`, undo, { cookie: officer.cookie, hx: true });
    expect(res.status).toBe(403);
    expect(await texts(await res.text(), "#scorecard-status")).toEqual([
      expect.stringContaining("only the tournament's owner or an organiser can correct them"),
    ]);
    expect((await scoringState(stub)).shots.map((s) => s.value)).toEqual([104]);
  });

  it("still takes an organiser's or owner's correction through the API", async () => {
    const { tournament, stub, entryId } = await officialEvent();
    const organiser = await staffOf(tournament.id, "organiser");
    const res = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/shots`, { ops: [correction(entryId, 95)] }, { cookie: organiser.cookie });
    expect(((await res.json()) as Outcomes).results[0]).toMatchObject({ outcome: "applied" });
    expect((await scoringState(stub)).shots.map((s) => s.value)).toEqual([95]);
  });
});
