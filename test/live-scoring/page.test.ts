import { assetUrl } from "../../src/views/page-assets.ts";
import { describe, expect, it } from "vitest";
import { sessionCookie } from "../helpers/accounts.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";

describe("the live scoreboard page", () => {
  it("renders the current standings at their sequence number, cached for a few seconds, and connects the socket", async () => {
    const { stub, events, tournament } = await scoringTournament([{ discipline: "air-rifle-10m", title: "Air rifle women" }]);
    const event = events[0]!;
    const ada = await enter(stub, event, "Ada Page");
    const bea = await enter(stub, event, "Bea <Page>");
    await stub.applyShots([shot(ada.entry.id, 1, 99), shot(bea.entry.id, 1, 104), shot(bea.entry.id, 2, 100)], OFFICER);
    const path = `/t/${tournament.slug}/live/${event.id}`;

    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Tenring-Cache")).toBe("MISS");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=5");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const html = await res.text();

    expect(await select(html, "#live-seq")).toEqual([{ attrs: { id: "live-seq", value: "2", "data-kind": "page" }, text: "" }]);
    const [board] = await select(html, "#scoreboard");
    expect(board?.attrs["data-live-socket"]).toBe(`/t/${tournament.slug}/live/${event.id}/socket`);
    expect(await texts(html, "#standings-rows .name")).toEqual(["Bea <Page>", "Ada Page"]);
    expect(await texts(html, "#standings-rows .rank")).toEqual(["1", "2"]);
    expect(await texts(html, `#row-${bea.entry.id} .total`)).toEqual(["20.4"]);
    expect(await texts(html, `#row-${bea.entry.id} .last`)).toEqual(["10.0"]);
    // No library: the page's own scripts apply the socket's messages and load its personal pieces.
    expect((await select(html, "script[src]")).map((s) => s.attrs.src)).toEqual(
      ["/scripts/app.js", "/scripts/live-socket.js", "/scripts/scoreboard.js"].map(assetUrl),
    );
    expect((await select(html, "[data-fragment]")).map((e) => e.attrs["data-fragment"])).toEqual([
      "/fragments/account-nav",
      `/fragments/live/${tournament.slug}/${event.id}`,
    ]);

    const again = await get(path);
    expect(again.headers.get("X-Tenring-Cache")).toBe("HIT");
  });

  it("says so when no competitor is confirmed yet", async () => {
    const { events, tournament } = await scoringTournament();
    const html = await (await get(`/t/${tournament.slug}/live/${events[0]!.id}`)).text();
    expect(await select(html, "#standings-rows tr")).toEqual([]);
    expect(await texts(html, ".standings-empty")).toEqual(["No competitor is confirmed for this event yet."]);
  });

  it("answers 404 for an unknown event, an event of another tournament and a draft tournament", async () => {
    const { events, tournament } = await scoringTournament();
    const other = await scoringTournament();
    const draft = await scoringTournament([{ discipline: "trap" }], { status: "draft" });
    expect((await get(`/t/${tournament.slug}/live/999999`)).status).toBe(404);
    expect((await get(`/t/${tournament.slug}/live/${other.events[0]!.id}`)).status).toBe(404);
    expect((await get(`/t/${draft.tournament.slug}/live/${draft.events[0]!.id}`)).status).toBe(404);
    expect((await get(`/t/${tournament.slug}/live/${events[0]!.id}`)).status).toBe(200);
  });
});

describe("the viewer's own row", () => {
  it("comes from an uncached fragment naming the signed-in competitor's row", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const { user, entry } = await enter(stub, event);
    const path = `/fragments/live/${tournament.slug}/${event.id}`;

    const mine = await get(path, { cookie: await sessionCookie(user.id) });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await select(await mine.text(), "#my-entry")).toEqual([{ attrs: { id: "my-entry", value: `row-${entry.id}` }, text: "" }]);

    const anonymous = await get(path);
    expect(anonymous.status).toBe(204);
    const spectator = await enter(stub, events[0]!);
    const elsewhere = await get(`/fragments/live/${tournament.slug}/${event.id + 100000}`, { cookie: await sessionCookie(spectator.user.id) });
    expect(elsewhere.status).toBe(204);
  });
});
