import { describe, expect, it } from "vitest";
import { select, texts } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { enter, OFFICER, scoringState, shot } from "../helpers/live-scoring.ts";
import { watch } from "../helpers/socket.ts";
import { formFields, relayPage, scoredRelay } from "./fixtures.ts";

describe("entering shots", () => {
  async function openCard(names = ["Ada Lane", "Bea Bell"]) {
    const made = await scoredRelay(names);
    const entryId = made.competitors[0]!.entry.id;
    const html = await (await get(relayPage(made.tournament.slug, made.relay.id, entryId), { cookie: made.officer.cookie })).text();
    const shotsPath = `/score/t/${made.tournament.slug}/entries/${entryId}/shots`;
    return { ...made, entryId, html, shotsPath };
  }

  it("applies a shot in the object and answers the updated card with the next shot ready", async () => {
    const { stub, event, entryId, html, shotsPath, officer } = await openCard();
    const fields = await formFields(html, "#shot-form");

    const res = await postForm(shotsPath, { ...fields, value: "10.4" }, { cookie: officer.cookie, hx: true });
    expect(res.status).toBe(200);
    const card = await res.text();
    expect(await texts(card, "[data-testid=card-total]")).toEqual(["10.4"]);
    expect(await texts(card, "[data-testid=card-shots]")).toEqual(["1 / 60"]);
    expect(await texts(card, "[data-testid=card-rank]")).toEqual(["1"]);
    expect(await texts(card, ".slot.filled .slot-value")).toEqual(["10.4"]);
    expect(await texts(card, "#scorecard-status")).toEqual(["Saved. Shot 1: 10.4"]);
    const next = await formFields(card, "#shot-form");
    expect(next.shotNo).toBe("2");
    expect(next.value).toBe("");
    expect(next.opId).not.toBe(fields.opId);
    expect(await texts(card, ".undo-form button")).toEqual(["Undo shot 1 (10.4)"]);
    // The competitor's line in the firing-point list follows in the same answer.
    expect(card).toContain(`<hx-partial hx-target="#fp-score-${entryId}" hx-swap="innerHTML">10.4 · 1 shot</hx-partial>`);

    const standings = await stub.results(event.id);
    expect(standings?.rows.find((r) => r.entryId === entryId)).toEqual(
      expect.objectContaining({ total: 104, shotsFired: 1, lastShot: { shotNo: 1, value: 104, innerTen: false } }),
    );
  });

  it("takes a second post of the same form as a duplicate: one shot", async () => {
    const { stub, entryId, html, shotsPath, officer } = await openCard();
    const fields: Record<string, string> = { ...(await formFields(html, "#shot-form")), value: "9.8" };

    const first = await postForm(shotsPath, fields, { cookie: officer.cookie, hx: true });
    const second = await postForm(shotsPath, fields, { cookie: officer.cookie, hx: true });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await texts(await second.text(), "#scorecard-status")).toEqual([
      "Already saved: the form was sent twice and the shot counted once.",
    ]);
    const state = await scoringState(stub);
    expect(state.shots).toEqual([expect.objectContaining({ entry_id: entryId, shot_no: 1, value: 98, op_id: fields.opId })]);
    expect(state.ops).toEqual([{ op_id: fields.opId, outcome: "applied" }]);
  });

  it("shows a refused value next to the field, keeps what was typed, and saves nothing", async () => {
    const { stub, html, shotsPath, officer } = await openCard();
    const fields = await formFields(html, "#shot-form");
    const before = await scoringState(stub);

    const tooHigh = await postForm(shotsPath, { ...fields, value: "11.2" }, { cookie: officer.cookie, hx: true });
    expect(tooHigh.status).toBe(422);
    const card = await tooHigh.text();
    expect(await texts(card, "#shot-value-error")).toEqual(["10.9 is the highest decimal score"]);
    const [input] = await select(card, "#shot-value");
    expect(input?.attrs).toEqual(expect.objectContaining({ value: "11.2", "aria-invalid": "true", autofocus: "" }));
    expect(input?.attrs["aria-describedby"]).toContain("shot-value-error");
    expect(await texts(card, "[data-testid=card-shots]")).toEqual(["0 / 60"]);

    const empty = await postForm(shotsPath, { ...fields, value: "  " }, { cookie: officer.cookie, hx: true });
    expect(empty.status).toBe(422);
    expect(await texts(await empty.text(), "#shot-value-error")).toEqual(["Enter a score like 10.4"]);

    const beyond = await postForm(shotsPath, { ...fields, shotNo: "61", value: "10.1" }, { cookie: officer.cookie, hx: true });
    expect(beyond.status).toBe(422);
    const beyondCard = await beyond.text();
    expect(await texts(beyondCard, "#shot-no-error")).toEqual(["Shot 61 is beyond the 60-shot match"]);
    expect((await select(beyondCard, "#shot-no"))[0]?.attrs).toEqual(expect.objectContaining({ value: "61", "aria-invalid": "true" }));

    const garbled = await postForm(shotsPath, { ...fields, shotNo: "two", value: "10.1" }, { cookie: officer.cookie, hx: true });
    expect(garbled.status).toBe(422);
    expect(await texts(await garbled.text(), "#shot-no-error")).toEqual(["Enter the shot number as a whole number, e.g. 12."]);

    expect(await scoringState(stub)).toEqual(before);
  });

  it("reports a different value for a filled shot as a conflict and keeps the first value", async () => {
    const { stub, entryId, html, shotsPath, officer } = await openCard();
    const fields = await formFields(html, "#shot-form");
    await postForm(shotsPath, { ...fields, value: "10.1" }, { cookie: officer.cookie, hx: true });

    const clash = await postForm(shotsPath, { ...fields, opId: "second-device-1", value: "9.5" }, { cookie: officer.cookie, hx: true });
    expect(clash.status).toBe(409);
    expect(await texts(await clash.text(), "#shot-value-error")).toEqual([
      "Shot 1 already holds 10.1; 9.5 is kept as a conflict for the organiser",
    ]);
    expect((await scoringState(stub)).shots).toEqual([expect.objectContaining({ entry_id: entryId, shot_no: 1, value: 101 })]);
  });

  it("undoes the last shot with a correction naming its value, once", async () => {
    const { stub, event, entryId, html, shotsPath, officer, tournament } = await openCard();
    let card = html;
    for (const value of ["10.2", "9.9*"]) {
      const fields = await formFields(card, "#shot-form");
      // An inner ten needs 10.0 or more: the refusal proves the star is read, then the plain value goes in.
      const res = await postForm(shotsPath, { ...fields, value }, { cookie: officer.cookie, hx: true });
      card = await res.text();
      if (res.status === 422) {
        expect(await texts(card, "#shot-value-error")).toEqual(["Only a 10.0 or better can be an inner ten"]);
        card = await (await postForm(shotsPath, { ...fields, value: "9.9" }, { cookie: officer.cookie, hx: true })).text();
      }
    }
    expect(await texts(card, ".undo-form button")).toEqual(["Undo shot 2 (9.9)"]);
    const undo = await formFields(card, ".undo-form");
    expect(undo).toEqual(expect.objectContaining({ shotNo: "2", replaces: "99" }));
    const undoPath = `/score/t/${tournament.slug}/entries/${entryId}/undo`;

    const res = await postForm(undoPath, undo, { cookie: officer.cookie, hx: true });
    expect(res.status).toBe(200);
    const after = await res.text();
    expect(await texts(after, "#scorecard-status")).toEqual(["Shot 2 (9.9) undone."]);
    expect(await texts(after, "[data-testid=card-total]")).toEqual(["10.2"]);
    expect((await formFields(after, "#shot-form")).shotNo).toBe("2");
    expect(await texts(after, ".undo-form button")).toEqual(["Undo shot 1 (10.2)"]);

    const again = await postForm(undoPath, undo, { cookie: officer.cookie, hx: true });
    expect(await texts(await again.text(), "#scorecard-status")).toEqual(["Shot 2 (9.9) was already undone."]);

    const state = await scoringState(stub);
    expect(state.shots.map((s) => s.shot_no)).toEqual([1]);
    expect(state.corrections).toEqual([{ op_id: undo.opId }]);
    expect((await stub.results(event.id))?.rows[0]?.total).toBe(102);

    // An undo form older than the card (the slot changed since) is refused, not applied to the new value.
    const stale = await postForm(undoPath, { ...undo, opId: "late-undo-1", shotNo: "1", replaces: "99" }, { cookie: officer.cookie, hx: true });
    expect(stale.status).toBe(409);
    expect(await texts(await stale.text(), "#scorecard-status")).toEqual([
      "Not undone. Shot 1 holds 10.2, not 9.9: correct the value it holds now.",
    ]);
    expect((await scoringState(stub)).shots.map((s) => s.value)).toEqual([102]);
  });

  it("works as a plain form too: a redirect after a shot, the page with the message after a refusal", async () => {
    const { stub, relay, entryId, html, shotsPath, officer, tournament } = await openCard();
    const fields = await formFields(html, "#shot-form");

    const saved = await postForm(shotsPath, { ...fields, value: "10.0" }, { cookie: officer.cookie });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(relayPage(tournament.slug, relay.id, entryId));

    const refused = await postForm(shotsPath, { ...fields, opId: "plain-2", shotNo: "2", value: "abc" }, { cookie: officer.cookie });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(await texts(page, "h1")).toEqual([expect.stringContaining("Relay 1")]);
    expect(await texts(page, "#shot-value-error")).toEqual(["Enter a score like 10.4"]);
    expect((await scoringState(stub)).shots).toHaveLength(1);

    const forged = await postForm(shotsPath, { ...fields, _csrf: "forged", opId: "plain-3", shotNo: "3", value: "10.0" }, { cookie: officer.cookie });
    expect(forged.status).toBe(403);
    expect((await scoringState(stub)).shots).toHaveLength(1);
  });
});

describe("scoring while entries change", () => {
  it("scores and ranks a competitor confirmed after the first shots of the event", async () => {
    const made = await scoredRelay(["Ada Early"]);
    const [ada] = made.competitors;
    const shotsPath = (entryId: string) => `/score/t/${made.tournament.slug}/entries/${entryId}/shots`;
    const send = async (entryId: string, opId: string, shotNo: number, value: string) =>
      postForm(shotsPath(entryId), { opId, shotNo: String(shotNo), value }, { cookie: made.officer.cookie, hx: true });
    expect((await send(ada!.entry.id, "early-1", 1, "9.9")).status).toBe(200);

    // A walk-up registers once scoring has begun; the object reads the event's cards again.
    const late = await enter(made.stub, made.event, "Zed Late");
    const res = await send(late.entry.id, "late-1", 1, "10.5");
    expect(res.status).toBe(200);
    expect(await texts(await res.text(), "[data-testid=card-rank]")).toEqual(["1"]);
    expect((await made.stub.results(made.event.id))?.rows.map((r) => [r.entryId, r.rankLabel])).toEqual([
      [late.entry.id, "1"],
      [ada!.entry.id, "2"],
    ]);
  });
});

describe("the scoreboard after entries change", () => {
  it("ranks the next shot without a competitor who withdrew", async () => {
    const made = await scoredRelay(["Ada Stays", "Bea Leaves"]);
    const [ada, bea] = made.competitors;
    // Bea leads by more than Ada's next shot can make up.
    await made.stub.applyShots([shot(bea!.entry.id, 1, 105), shot(bea!.entry.id, 2, 105), shot(ada!.entry.id, 1, 100)], OFFICER);
    const viewer = await watch(made.tournament.slug, made.event.id);
    const messages = viewer.frames;

    const withdrawn = await made.stub.withdraw({ entryId: bea!.entry.id, userId: bea!.user.id });
    expect(withdrawn.outcome).not.toBe("refused");
    const res = await postForm(
      `/score/t/${made.tournament.slug}/entries/${ada!.entry.id}/shots`,
      { opId: "after-withdrawal", shotNo: "2", value: "9.0" },
      { cookie: made.officer.cookie, hx: true },
    );
    expect(res.status).toBe(200);
    await viewer.next();
    expect(messages[0]).toContain(`<td class="rank" id="rank-${ada!.entry.id}">1</td>`);
    viewer.ws.close(1000, "done");
  });
});

describe("an integer target", () => {
  it("offers one-tap values and takes X as an inner ten", async () => {
    const made = await scoredRelay(["Pia Pistol"], { discipline: "air-pistol-10m", title: "Air Pistol" });
    const entryId = made.competitors[0]!.entry.id;
    const html = await (await get(relayPage(made.tournament.slug, made.relay.id, entryId), { cookie: made.officer.cookie })).text();
    expect((await select(html, ".quick-values button")).map((b) => b.attrs.value)).toEqual(["X", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
    const fields = await formFields(html, "#shot-form");

    const res = await postForm(`/score/t/${made.tournament.slug}/entries/${entryId}/shots`, { ...fields, quick: "X" }, { cookie: made.officer.cookie, hx: true });
    expect(res.status).toBe(200);
    const card = await res.text();
    expect(await texts(card, ".slot.filled .slot-value")).toEqual(["10*"]);
    expect(await texts(card, "[data-testid=card-inner-tens]")).toEqual(["1"]);
    expect((await scoringState(made.stub)).shots).toEqual([expect.objectContaining({ shot_no: 1, value: 10, inner_ten: 1 })]);
  });
});
