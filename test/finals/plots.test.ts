import { describe, expect, it } from "vitest";
import { groupFigures } from "../../src/domain/targets/group.ts";
import { sessionCookie } from "../helpers/accounts.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { get } from "../helpers/http.ts";
import { select, texts } from "../helpers/html.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";

describe("group figures", () => {
  it("group size is the widest centre-to-centre spread; the mean point of impact the average position", () => {
    // (0,0), (3,4), (0,4): the widest pair (0,0)–(3,4) is 5 mm apart; mean (1, 2.67)
    const g = groupFigures([{ x: 0, y: 0 }, { x: 3, y: 4 }, { x: 0, y: 4 }])!;
    expect(g.sizeMm).toBe(5);
    expect(g.mean.x).toBeCloseTo(1);
    expect(g.mean.y).toBeCloseTo(8 / 3);
    expect(groupFigures([])).toBeNull();
  });
});

describe("shot plots on results pages", () => {
  /** Ada: shots 1–3 of series 1 and shot 11 of series 2 with positions, and one sighter. */
  async function shotWithPositions() {
    const w = await scoringTournament();
    const ada = await enter(w.stub, w.events[0]!, "Ada");
    const bea = await enter(w.stub, w.events[0]!, "Bea");
    await w.stub.applyShots(
      [
        shot(ada.entry.id, 1, 95, { x: 0, y: 3.75, sighter: true }),
        shot(ada.entry.id, 1, 104, { x: 1.2, y: -0.9 }),
        shot(ada.entry.id, 2, 100, { x: -1.5, y: 2 }),
        shot(ada.entry.id, 3, 109, { x: 0.1, y: 0.1 }),
        shot(ada.entry.id, 11, 97, { x: 3.1, y: 0 }),
        shot(bea.entry.id, 1, 101, { x: 0, y: -2.25 }),
      ],
      OFFICER,
    );
    // The competitor's own page reads the entries D1 holds.
    await drainOutboxes(w.stub);
    return { ...w, ada, bea };
  }

  it("my results: the whole match, each series and the sighters, each with its text equivalent", async () => {
    const { ada } = await shotWithPositions();
    const res = await get("/me/results", { cookie: await sessionCookie(ada.user.id) });
    expect(res.status).toBe(200);
    const html = await res.text();
    const plots = await select(html, "[data-testid=shot-plots] figure.shot-plot");
    expect(plots.map((p) => p.attrs["data-shots"])).toEqual(["4", "3", "1", "0"]);
    expect(await texts(html, "figure.shot-plot .plot-title")).toEqual(["Match", "Series 1", "Series 2", "Sighters (not counted)"]);
    // Series 1: (1.2, −0.9), (−1.5, 2), (0.1, 0.1); widest pair the first two, √(2.7² + 2.9²) = 3.96 mm
    const [, series1] = await texts(html, "figure.shot-plot .plot-summary");
    expect(series1).toBe("3 shots; group size 3.96 mm; mean point of impact 0.07 mm left, 0.40 mm high.");
    const seriesText = (await texts(html, "figure.shot-plot:nth-child(2) .plot-text li"));
    expect(seriesText).toEqual(["Shot 1: 10.4, 1.20 mm right, 0.90 mm low", "Shot 2: 10.0, 1.50 mm left, 2.00 mm high", "Shot 3: 10.9, 0.10 mm right, 0.10 mm high"]);
    expect((await select(html, "figure.shot-plot:nth-child(2) svg circle.hole")).length).toBe(3);
    expect((await select(html, "figure.shot-plot:nth-child(2) svg"))[0]!.attrs["aria-label"]).toContain("Series 1: 3 shots; group size 3.96 mm");
  });

  it("the compare view: one match plot per competitor", async () => {
    const { ada, bea, tournament, events } = await shotWithPositions();
    const res = await get(`/t/${tournament.slug}/live/${events[0]!.id}/compare?entries=${ada.entry.id},${bea.entry.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await texts(html, "[data-testid=compare-plots] .plot-title")).toEqual(["Ada", "Bea"]);
    expect((await select(html, "[data-testid=compare-plots] figure")).map((f) => f.attrs["data-shots"])).toEqual(["4", "1"]);
  });
});
