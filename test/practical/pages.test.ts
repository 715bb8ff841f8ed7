import { describe, expect, it } from "vitest";
import { select, texts } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { enterPractical, OFFICER, practicalTournament, stageOp } from "../helpers/practical.ts";
import { staffOf } from "../helpers/staff.ts";

describe("the range officer's stage score sheet", () => {
  it("stage → squad → competitor; a confirmed save moves on to the next competitor; hits not adding up keep the typed values", async () => {
    const { tournament, stub, event, stages } = await practicalTournament({ stages: [{ name: "Speed", paper: 2, steel: 2 }] });
    const ann = await enterPractical(stub, event, "Open", "major", "Ann Archer");
    const ben = await enterPractical(stub, event, "Production", "minor", "Ben Baker");
    const officer = await staffOf(tournament.id, "range_officer");
    const stage = stages[0]!.id; // 6 required hits
    const squad = event.relays[0]!.id;
    const base = `/score/t/${tournament.slug}/practical/${event.id}`;

    const pick = await get(`/score/t/${tournament.slug}`, { cookie: officer.cookie });
    expect(await select(await pick.text(), `a[href="${base}"]`)).toHaveLength(1);

    const sheet = await get(`${base}?stage=${stage}&squad=${squad}&entry=${ann.entry.id}`, { cookie: officer.cookie });
    expect(sheet.status).toBe(200);
    const html = await sheet.text();
    expect(await texts(html, ".sheet-who")).toEqual(["Ann Archer Open · major"]);
    const form = (await select(html, "form.stage-sheet"))[0]!;
    expect(form.attrs["data-required"]).toBe("6");
    const opId = (await select(html, 'input[name="opId"]'))[0]!.attrs.value!;
    const csrf = (await select(html, 'input[name="_csrf"]'))[0]!.attrs.value!;
    const fields = { _csrf: csrf, opId, entry: ann.entry.id, stage: String(stage), squad: String(squad), a: "4", c: "1", d: "0", miss: "0", noShoot: "0", procedural: "0", time: "3,25", confirmed: "1" };

    const short = await postForm(`${base}/scores`, fields, { cookie: officer.cookie });
    expect(short.status).toBe(422);
    const again = await short.text();
    expect(await texts(again, "[data-testid=sheet-error]")).toEqual(["Stage 1: A + C + D + misses is 5; the stage has 6 required hits"]);
    expect((await select(again, 'input[name="a"]'))[0]?.attrs.value).toBe("4");

    const saved = await postForm(`${base}/scores`, { ...fields, a: "5" }, { cookie: officer.cookie });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`${base}?stage=${stage}&squad=${squad}&entry=${ben.entry.id}&saved=${ann.entry.id}`);
    const book = await stub.practicalBook(event.id);
    expect(book?.scores).toEqual([expect.objectContaining({ entryId: ann.entry.id, confirmed: true, hits: expect.objectContaining({ a: 5, c: 1, timeHundredths: 325 }) })]);

    const next = await (await get(saved.headers.get("Location")!, { cookie: officer.cookie })).text();
    expect(await texts(next, "[data-testid=sheet-notice]")).toEqual(["Saved for Ann Archer, confirmed by the competitor."]);
    expect(await texts(next, ".sheet-who")).toEqual(["Ben Baker Production · minor"]);
    // The review: Ann's 29 points in 3.25 s → 8.9231, confirmed.
    expect(await texts(next, "[data-testid=sheet-review] tbody tr")).toEqual([expect.stringMatching(/Ann Archer.*29.*3\.25.*8\.9231.*Yes/), expect.stringContaining("Ben Baker")]);
  });

  it("refuses another tournament's range officer", async () => {
    const { tournament, event } = await practicalTournament();
    const other = await practicalTournament();
    const stranger = await staffOf(other.tournament.id, "range_officer");
    expect((await get(`/score/t/${tournament.slug}/practical/${event.id}`, { cookie: stranger.cookie })).status).toBe(403);
  });
});

describe("practical results pages", () => {
  async function scoredMatch() {
    const made = await practicalTournament({ stages: [{ name: "Plates", paper: 4, steel: 0 }] });
    const stage = made.stages[0]!.id;
    const ann = await enterPractical(made.stub, made.event, "Open", "major", "Ann Open");
    const ben = await enterPractical(made.stub, made.event, "Production", "minor", "Ben Production");
    await made.stub.applyStageScores([stageOp(ann.entry.id, stage, [8, 0, 0, 0, 0, 0], 4), stageOp(ben.entry.id, stage, [8, 0, 0, 0, 0, 0], 5)], OFFICER);
    return { ...made, ann, ben };
  }

  it("the live page: match results overall and per division, stage results, on the event's socket", async () => {
    const { tournament, event, ben } = await scoredMatch();
    const res = await get(`/t/${tournament.slug}/live/${event.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect((await select(html, "[data-live-socket]"))[0]?.attrs["data-live-socket"]).toBe(`/t/${tournament.slug}/live/${event.id}/socket`);
    expect(await texts(html, "#pm-overall tr td.total")).toEqual(["40.0000", "32.0000"]);
    // Within Production, Ben is the best: all 40 points.
    expect(await texts(html, `#pm-production #pm-production-${ben.entry.id} td.total`)).toEqual(["40.0000"]);
    expect((await texts(html, "caption")).slice(-1)).toEqual(["Stage 1: Plates (40 points)"]);
  });

  it("the results page links CSVs per division and compares competitors stage by stage", async () => {
    const { tournament, event, ann, ben } = await scoredMatch();
    const page = await (await get(`/t/${tournament.slug}/results/${event.id}`)).text();
    expect(await select(page, `a[href="/t/${tournament.slug}/results/${event.id}.csv?division=Production"]`)).toHaveLength(1);

    const csv = await (await get(`/t/${tournament.slug}/results/${event.id}.csv?division=Production`)).text();
    expect(csv.split("\r\n")[1]).toBe("1,,Ben Production,Production,minor,,40.0000,100.00,,40.0000");
    const overall = await (await get(`/t/${tournament.slug}/results/${event.id}.csv`)).text();
    expect(overall.split("\r\n")[2]).toBe("2,,Ben Production,Production,minor,,32.0000,80.00,,32.0000");

    const compare = await get(`/t/${tournament.slug}/results/${event.id}/compare?entries=${ann.entry.id}&entries=${ben.entry.id}`);
    expect(compare.status).toBe(200);
    expect(await texts(await compare.text(), "[data-testid=practical-compare] tbody tr")).toEqual([
      "1. PlatesHF 10.0000 · 4.00 s · 40.0000 ptsHF 8.0000 · 5.00 s · 32.0000 pts",
      "Match1 · 40.0000 · 100.00 %2 · 32.0000 · 80.00 %",
    ]);
    expect((await get(`/t/${tournament.slug}/results/${event.id}/compare?entries=${ann.entry.id}`)).status).toBe(422);
  });
});
