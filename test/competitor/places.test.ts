import { describe, expect, it } from "vitest";
import { freshKey } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { createTournament, HOUR } from "../helpers/tournaments.ts";
import { competitor } from "./fixtures.ts";


describe("places left for the polling page (/t/:slug/places)", () => {
  it("shows the object's live figures, the same bytes for everyone, cached at the edge, without Set-Cookie", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }, { firingPoints: 3, reserved: 1 }] }] });
    const { user } = await competitor();
    await stub.register({ userId: user.id, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    const alice = await competitor("Alice Archer");
    const bob = await competitor("Bob Bullseye");

    const path = `/t/${tournament.slug}/places`;
    const anonymous = await get(path, { hx: true });
    const asAlice = await get(path, { hx: true, cookie: alice.cookie });
    const asBob = await get(path, { hx: true, cookie: `${bob.cookie}; theme=dark` });
    const bodies = await Promise.all([anonymous, asAlice, asBob].map((r) => r.text()));
    for (const res of [anonymous, asAlice, asBob]) {
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.headers.get("Cache-Control")).toMatch(/^public, max-age=0, s-maxage=[1-3]$/);
    }
    expect(anonymous.headers.get("X-Tenring-Cache")).toBe("MISS");
    expect(asAlice.headers.get("X-Tenring-Cache")).toBe("HIT");
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    expect(bodies[0]).not.toContain("Alice Archer");

    const html = bodies[0]!;
    const partials = await select(html, "hx-partial");
    expect(partials.map((p) => [p.attrs["hx-target"], p.attrs["hx-swap"]])).toEqual([
      [`#places-cell-${relays[0]!.id}`, "innerHTML"],
      [`#places-cell-${relays[1]!.id}`, "innerHTML"],
    ]);
    expect(await texts(html, "[data-testid=places-left]")).toEqual(["0 left", "2 left"]);
    expect(await texts(html, ".badge.full")).toEqual(["Full"]);
    const [poller] = await select(html, "#places-poller");
    expect(poller?.attrs).toMatchObject({ "hx-get": path, "hx-trigger": "load delay:5s", "hx-swap": "outerHTML" });
  });

  it("tells the page to stop asking once registration has closed", async () => {
    const { tournament } = await createTournament({ registrationOpensAt: Date.now() - 5 * HOUR, registrationClosesAt: Date.now() - HOUR });
    const html = await (await get(`/t/${tournament.slug}/places`, { hx: true })).text();
    const [poller] = await select(html, "#places-poller");
    expect(poller).toBeDefined();
    expect(poller?.attrs["hx-get"]).toBeUndefined();
  });

  it("is hooked into the tournament page only while registration is open or about to open", async () => {
    const open = await createTournament();
    const openPage = await (await get(`/t/${open.tournament.slug}`)).text();
    expect((await select(openPage, "#places-poller"))[0]?.attrs).toMatchObject({ "hx-get": `/t/${open.tournament.slug}/places`, "hx-trigger": "load delay:5s" });
    expect((await select(openPage, "td.places"))[0]?.attrs.id).toBe(`places-cell-${open.relays[0]!.id}`);

    const opensAt = Date.now() + 2 * HOUR;
    const soon = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 24 * HOUR });
    const soonPage = await (await get(`/t/${soon.tournament.slug}`)).text();
    expect((await select(soonPage, "#places-poller"))[0]?.attrs["hx-trigger"]).toBe("registration-opens from:body");

    const closed = await createTournament({ registrationOpensAt: Date.now() - 5 * HOUR, registrationClosesAt: Date.now() - HOUR });
    const closedPage = await (await get(`/t/${closed.tournament.slug}`)).text();
    expect(await select(closedPage, "#places-poller")).toEqual([]);
  });

  it("answers 404 for a draft or unknown tournament, uncached", async () => {
    const { tournament } = await createTournament({ status: "draft" });
    for (const slug of [tournament.slug, "no-such-tournament"]) {
      const res = await get(`/t/${slug}/places`, { hx: true });
      expect(res.status).toBe(404);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
  });
});
