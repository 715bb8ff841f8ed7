import { describe, expect, it } from "vitest";
import { select, texts } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { OFFICER, scoringState, shot } from "../helpers/live-scoring.ts";
import { formFields, relayPage, scoredRelay } from "./fixtures.ts";

async function openCard(discipline?: string) {
  const made = await scoredRelay(["Ada Lane"], discipline ? { discipline } : {});
  const entryId = made.competitors[0]!.entry.id;
  const page = relayPage(made.tournament.slug, made.relay.id, entryId);
  const html = await (await get(page, { cookie: made.officer.cookie })).text();
  const shotsPath = `/score/t/${made.tournament.slug}/entries/${entryId}/shots`;
  return { ...made, entryId, page, html, shotsPath };
}

describe("a shot number that skips ahead", () => {
  it("asks once (shot 5 right after shot 1 leaves 2–4 empty), saves nothing, then saves it when entered again", async () => {
    const { stub, html, shotsPath, officer } = await openCard();
    const first = await postForm(shotsPath, { ...(await formFields(html, "#shot-form")), value: "10.0" }, { cookie: officer.cookie, hx: true });
    expect(first.status).toBe(200);
    const card = await first.text();

    const skipping = await postForm(shotsPath, { ...(await formFields(card, "#shot-form")), shotNo: "5", value: "9.7" }, { cookie: officer.cookie, hx: true });
    expect(skipping.status).toBe(409);
    const asked = await skipping.text();
    expect(await texts(asked, "[data-testid=skip-warning]")).toEqual([
      "Shot 5 skips shots 2–4, which would stay empty. Enter it again to save it as shot 5, or correct the number.",
    ]);
    const kept = await formFields(asked, "#shot-form");
    expect(kept).toMatchObject({ shotNo: "5", value: "9.7", skip: "5" });
    expect((await scoringState(stub)).shots.map((s) => s.shot_no)).toEqual([1]);

    const confirmed = await postForm(shotsPath, kept, { cookie: officer.cookie, hx: true });
    expect(confirmed.status).toBe(200);
    expect(await texts(await confirmed.text(), "#scorecard-status")).toEqual(["Saved. Shot 5: 9.7"]);
    expect((await scoringState(stub)).shots.map((s) => s.shot_no)).toEqual([1, 5]);
  });

  it("does not ask for the next shot, nor for filling a gap behind the last one", async () => {
    const { stub, html, shotsPath, officer } = await openCard();
    const fields = await formFields(html, "#shot-form");
    expect((await postForm(shotsPath, { ...fields, value: "10.0" }, { cookie: officer.cookie, hx: true })).status).toBe(200);
    const confirmedSkip = await postForm(shotsPath, { ...fields, opId: "skip-3", shotNo: "3", value: "10.1", skip: "3" }, { cookie: officer.cookie, hx: true });
    expect(confirmedSkip.status).toBe(200);
    const gap = await postForm(shotsPath, { ...fields, opId: "gap-2", shotNo: "2", value: "10.2" }, { cookie: officer.cookie, hx: true });
    expect(gap.status).toBe(200);
    expect(await texts(await gap.text(), "[data-testid=skip-warning]")).toEqual([]);
    expect((await scoringState(stub)).shots.map((s) => s.shot_no)).toEqual([1, 2, 3]);
  });
});

describe("once the event's results are official", () => {
  it("shows no shot form and no undo on the scoring page, and says corrections are the organiser's", async () => {
    const { stub, event, page, html, shotsPath, officer } = await openCard();
    await postForm(shotsPath, { ...(await formFields(html, "#shot-form")), value: "10.0" }, { cookie: officer.cookie, hx: true });
    const before = await (await get(page, { cookie: officer.cookie })).text();
    expect(await texts(before, ".undo-form button")).toEqual(["Undo shot 1 (10.0)"]);

    await stub.setResultsOfficial(event.id, true);
    const after = await (await get(page, { cookie: officer.cookie })).text();
    expect(await texts(after, ".undo-form button")).toEqual([]);
    expect(await texts(after, "#shot-form")).toEqual([]);
    expect(await texts(after, "[data-testid=card-official]")).toEqual([expect.stringContaining("only by an organiser’s correction")]);
  });
});

describe("the 25 m pistol card", () => {
  it("shows the precision and rapid-fire stages over series of 5", async () => {
    const { html } = await openCard("pistol-25m");
    expect(await texts(html, ".series-strip tr.stages th")).toEqual(["Precision", "Rapid fire"]);
    expect(await texts(html, ".series-strip thead th.num")).toHaveLength(12);
    expect(await texts(html, "[data-testid=card-stage]")).toEqual(["Precision ·"]);
    expect(await texts(html, ".slots .slot")).toHaveLength(5);
  });
});

describe("the 25 m pistol results", () => {
  it("group the 12 series of 5 under their precision and rapid-fire stages", async () => {
    const made = await scoredRelay(["Ada Lane"], { discipline: "pistol-25m", title: "25 m Pistol Women" });
    const entryId = made.competitors[0]!.entry.id;
    await made.stub.applyShots(Array.from({ length: 7 }, (_, i) => shot(entryId, i + 1, 10 - (i % 2))), OFFICER);
    const html = await (await get(`/t/${made.tournament.slug}/results/${made.event.id}`)).text();
    const stages = await select(html, "[data-testid=stage-heads] th");
    expect(stages.map((s) => [s.text, s.attrs.colspan])).toEqual([
      ["Precision", "6"],
      ["Rapid fire", "6"],
    ]);
    expect(await texts(html, "tbody .series")).toEqual(["48", "19", "–", "–", "–", "–", "–", "–", "–", "–", "–", "–"]);
  });
});
