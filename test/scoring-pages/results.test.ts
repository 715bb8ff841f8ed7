import { assetUrl } from "../../src/views/page-assets.ts";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events } from "../../src/db/schema.ts";
import { forgetCacheVersions } from "../../src/queries/cache-version-memo.ts";
import { bumpCacheScopes, tournamentScope } from "../../src/queries/cache-versions.ts";
import { sessionCookie, signedInUser } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { OFFICER, shot } from "../helpers/live-scoring.ts";
import { scoredRelay } from "./fixtures.ts";

/** Three competitors: Cid leads, Ada and Bea tie after every tie-break (identical cards). */
async function tiedEvent() {
  const made = await scoredRelay(["Ada Tie", "Bea Tie", "Cid Lead", "Dan Nothing"]);
  const [ada, bea, cid] = made.competitors;
  await made.stub.applyShots(
    [
      shot(ada!.entry.id, 1, 100),
      shot(ada!.entry.id, 2, 95),
      shot(bea!.entry.id, 1, 100),
      shot(bea!.entry.id, 2, 95),
      shot(cid!.entry.id, 1, 104),
      shot(cid!.entry.id, 2, 103),
    ],
    OFFICER,
  );
  return made;
}

describe("the public results page of an event", () => {
  it("ranks with shared ranks, shows series, totals, inner tens and shots, labelled unofficial", async () => {
    const { tournament, event } = await tiedEvent();
    const res = await get(`/t/${tournament.slug}/results/${event.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await texts(html, "tbody .rank")).toEqual(["1", "=2", "=2", "–"]);
    const names = await texts(html, "tbody .name");
    // Equal cards come in entry-id order, which carries no meaning: the tied pair is compared as a set.
    expect([names[0], [names[1], names[2]].sort(), names[3]]).toEqual(["Cid Lead", ["Ada Tie", "Bea Tie"], "Dan Nothing"]);
    expect((await texts(html, "tbody .club"))[0]).toBe("Cid Lead's club");
    expect(await texts(html, "tbody tr:first-child .series")).toEqual(["20.7", "–", "–", "–", "–", "–"]);
    expect(await texts(html, "tbody .total")).toEqual(["20.7", "19.5", "19.5", "–"]);
    expect(await texts(html, "tbody .inner-tens")).toEqual(["0", "0", "0", "0"]);
    expect(await texts(html, "tbody .shots")).toEqual(["2", "2", "2", "0"]);
    expect(await texts(html, "[data-testid=results-status]")).toEqual(["Unofficial"]);
    // Checkboxes in a GET form pick competitors for the compare view.
    const [form] = await select(html, "form.compare-form");
    expect(form?.attrs).toEqual(expect.objectContaining({ method: "get", action: `/t/${tournament.slug}/live/${event.id}/compare` }));
    expect((await select(html, "input[name=entries]")).map((i) => i.attrs.type)).toEqual(["checkbox", "checkbox", "checkbox", "checkbox"]);
  });

  it("is cached: the second request is a hit, identical for two signed-in visitors, and never sets a cookie", async () => {
    const { tournament, event } = await tiedEvent();
    const path = `/t/${tournament.slug}/results/${event.id}`;
    const first = await signedInUser({ name: "Visitor One" });
    const second = await signedInUser({ name: "Visitor Two" });

    const miss = await get(path, { cookie: first.cookie });
    expect(miss.headers.get("X-Tenring-Cache")).toBe("MISS");
    expect(miss.headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=30");
    expect(miss.headers.get("Set-Cookie")).toBeNull();
    const hit = await get(path, { cookie: second.cookie });
    expect(hit.headers.get("X-Tenring-Cache")).toBe("HIT");
    const [a, b] = [await miss.text(), await hit.text()];
    expect(b).toBe(a);
    expect(a).not.toContain("Visitor One");
  });

  it("says Official once the organiser declared it (a published change bumps the tournament's cache scope)", async () => {
    const { tournament, event } = await tiedEvent();
    await db.update(events).set({ resultsStatus: "official" }).where(eq(events.id, event.id)).run();
    await bumpCacheScopes(db, [tournamentScope(tournament.slug)]);
    // As a committed change does: this isolate forgets the versions it remembered (src/queries/cache-version-memo.ts).
    forgetCacheVersions([tournamentScope(tournament.slug)]);
    const html = await (await get(`/t/${tournament.slug}/results/${event.id}`)).text();
    expect(await texts(html, "[data-testid=results-status]")).toEqual(["Official"]);
  });

  it("answers 404 for an event of another tournament or a draft tournament", async () => {
    const { tournament } = await tiedEvent();
    const other = await scoredRelay([]);
    expect((await get(`/t/${tournament.slug}/results/${other.event.id}`)).status).toBe(404);
    expect((await get(`/t/${tournament.slug}/results/${other.event.id}.csv`)).status).toBe(404);
    expect((await get(`/t/${tournament.slug}/results/999999`)).status).toBe(404);
  });

  it("has an index per tournament linked from the tournament page", async () => {
    const { tournament, event } = await tiedEvent();
    const index = await (await get(`/t/${tournament.slug}/results`)).text();
    expect((await select(index, ".results-events .card-title a")).map((a) => a.attrs.href)).toEqual([`/t/${tournament.slug}/results/${event.id}`]);
    const page = await (await get(`/t/${tournament.slug}`)).text();
    expect((await select(page, `#event-${event.id} .event-links a`)).map((a) => a.attrs.href)).toEqual([
      `/t/${tournament.slug}/results/${event.id}`,
      `/t/${tournament.slug}/live/${event.id}`,
    ]);
  });
});

describe("the results CSV", () => {
  it("downloads the ranked list as quoted CSV that no spreadsheet runs as a formula", async () => {
    const made = await scoredRelay(['=HYPERLINK("http://evil.test","win")', 'Bea "Bee" Bell', "-Minus", "@At"], {
      title: "10 m Air Rifle, Öpen",
    });
    const [evil, bea, minus, at] = made.competitors;
    await made.stub.applyShots(
      [shot(evil!.entry.id, 1, 109), shot(bea!.entry.id, 1, 100, { innerTen: true }), shot(minus!.entry.id, 1, 100, { innerTen: true }), shot(at!.entry.id, 1, 90)],
      OFFICER,
    );
    const res = await get(`/t/${made.tournament.slug}/results/${made.event.id}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${made.tournament.slug}-10-m-air-rifle-open-results.csv"`);
    expect(res.headers.get("X-Tenring-Cache")).toBe("MISS");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    const tied = {
      [bea!.entry.id]: `2,yes,"Bea ""Bee"" Bell","Bea ""Bee"" Bell's club",10.0,,,,,,10.0,1,1`,
      [minus!.entry.id]: `2,yes,"'-Minus","'-Minus's club",10.0,,,,,,10.0,1,1`,
    };
    expect(lines).toEqual([
      "Rank,Shared,Name,Club,Series 1,Series 2,Series 3,Series 4,Series 5,Series 6,Total,Inner tens,Shots",
      `1,,"'=HYPERLINK(""http://evil.test"",""win"")","'=HYPERLINK(""http://evil.test"",""win"")'s club",10.9,,,,,,10.9,0,1`,
      // Equal cards are listed in entry-id order.
      ...Object.keys(tied).sort().map((id) => tied[id]),
      `4,,"'@At","'@At's club",9.0,,,,,,9.0,0,1`,
      "",
    ]);
  });
});

describe("the compare view", () => {
  it("shows two chosen competitors side by side, series by series, the best of each line marked", async () => {
    const { tournament, event, competitors } = await tiedEvent();
    const [ada, , cid] = competitors;
    const res = await get(`/t/${tournament.slug}/live/${event.id}/compare?entries=${cid!.entry.id},${ada!.entry.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Tenring-Cache")).toBe("MISS");
    const html = await res.text();
    expect(await texts(html, "thead .name")).toEqual(["Cid Lead", "Ada Tie"]);
    expect(await texts(html, ".rank-line td")).toEqual(["1", "=2"]);
    expect(await texts(html, ".series-line:first-child td, .series-line td")).toContain("20.7 (best)");
    const seriesOne = (await select(html, ".series-line td")).slice(0, 2);
    expect(seriesOne.map((c) => [c.text, c.attrs.class])).toEqual([
      ["20.7 (best)", "num best"],
      ["19.5", "num"],
    ]);
    expect(await texts(html, ".series-line th")).toEqual(["Series 1", "Series 2", "Series 3", "Series 4", "Series 5", "Series 6"]);
    expect(await texts(html, ".total-line td")).toEqual(["20.7 (best)", "19.5"]);

    // The results page's checkboxes send the same choice as repeated fields.
    const repeated = await get(`/t/${tournament.slug}/live/${event.id}/compare?entries=${cid!.entry.id}&entries=${ada!.entry.id}`);
    expect(await texts(await repeated.text(), "thead .name")).toEqual(["Cid Lead", "Ada Tie"]);
  });

  it("follows the event's socket while the results are unofficial, and stands still once they are official", async () => {
    const { tournament, event, competitors } = await tiedEvent();
    const [ada, bea] = competitors;
    const path = `/t/${tournament.slug}/live/${event.id}/compare?entries=${ada!.entry.id},${bea!.entry.id}`;
    const live = await (await get(path)).text();
    const [board] = await select(live, "#compare");
    expect(board?.attrs).toEqual(
      expect.objectContaining({ "data-live-socket": `/t/${tournament.slug}/live/${event.id}/socket`, "data-entries": `${ada!.entry.id},${bea!.entry.id}` }),
    );
    expect(live).toContain(`src="${assetUrl("/scripts/compare.js")}"`);
    expect(await texts(live, "#live-status")).toEqual(["Connecting to live scores…"]);

    await db.update(events).set({ resultsStatus: "official" }).where(eq(events.id, event.id)).run();
    // As the organiser's change does (an unread query parameter no longer makes a new cache entry).
    await bumpCacheScopes(db, [tournamentScope(tournament.slug)]);
    // As a committed change does: this isolate forgets the versions it remembered (src/queries/cache-version-memo.ts).
    forgetCacheVersions([tournamentScope(tournament.slug)]);
    const official = await (await get(path)).text();
    expect((await select(official, "#compare"))[0]?.attrs["data-live-socket"]).toBeUndefined();
    expect(official).not.toContain("compare.js");
    expect(await texts(official, "#live-status")).toEqual([]);
  });

  it("asks for 2 to 4 competitors, and refuses one that is not in the event", async () => {
    const { tournament, event, competitors } = await tiedEvent();
    const one = await get(`/t/${tournament.slug}/live/${event.id}/compare?entries=${competitors[0]!.entry.id}`);
    expect(one.status).toBe(422);
    expect(await texts(await one.text(), "h1")).toEqual(["Choose 2 to 4 competitors"]);
    const five = competitors.map((c) => c.entry.id).concat("x-1").join(",");
    expect((await get(`/t/${tournament.slug}/live/${event.id}/compare?entries=${five}`)).status).toBe(422);
    const stranger = await get(`/t/${tournament.slug}/live/${event.id}/compare?entries=${competitors[0]!.entry.id},999-nobody`);
    expect(stranger.status).toBe(404);
  });
});

describe("my results", () => {
  it("lists the signed-in competitor's entries with series, total and rank, uncached", async () => {
    const { tournament, event, competitors } = await tiedEvent();
    const bea = competitors[1]!;
    const cookie = await sessionCookie(bea.user.id);
    const res = await get("/me/results", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await res.text();
    expect(await texts(html, ".my-tournament h2")).toEqual([tournament.title]);
    const [entry] = await select(html, ".my-result");
    expect(entry?.attrs["data-entry"]).toBe(bea.entry.id);
    expect(await texts(html, "[data-testid=my-rank]")).toEqual(["=2 of 3"]);
    expect(await texts(html, "[data-testid=my-total]")).toEqual(["19.5"]);
    expect(await texts(html, ".my-series li")).toEqual(["S1 19.5", "S2 –", "S3 –", "S4 –", "S5 –", "S6 –"]);
    expect((await select(html, ".my-result .card-note a")).map((a) => a.attrs.href)).toEqual([
      `/t/${tournament.slug}/live/${event.id}`,
      `/t/${tournament.slug}/results/${event.id}`,
    ]);

    const stranger = await signedInUser();
    expect(await texts(await (await get("/me/results", { cookie: stranger.cookie })).text(), ".empty")).toEqual([
      "You have no confirmed entries yet. Find a tournament and register for a relay.",
    ]);
    const signedOut = await get("/me/results");
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("Location")).toBe("/account/sign-in?next=%2Fme%2Fresults");
  });
});
