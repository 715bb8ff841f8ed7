import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tournaments } from "../../src/db/schema.ts";
import { formatDateTime } from "../../src/domain/time/format.ts";
import { db } from "../helpers/d1.ts";
import { freshKey } from "../helpers/entries.ts";
import { clientOf } from "../helpers/object.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { createTournament, HOUR } from "../helpers/tournaments.ts";
import { competitor, formsIn, panel, ZONE } from "./fixtures.ts";


describe("the registration panel (/fragments/t/:slug/registration)", () => {
  it("offers a visitor a sign-in link that comes back to the tournament, and no form", async () => {
    const { tournament } = await createTournament();
    const { res, html } = await panel(tournament.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.getSetCookie()).toEqual([]);
    const [state] = await select(html, "[data-testid=registration-panel]");
    expect(state?.attrs).toMatchObject({ "data-state": "open", "data-signed-in": "no" });
    const links = await select(html, "a");
    expect(links.map((l) => l.attrs.href)).toContain(`/account/sign-in?next=${encodeURIComponent(`/t/${tournament.slug}`)}`);
    expect(await select(html, "form")).toEqual([]);
  });

  it("before opening: the countdown to the opening, and the page's slot asks again when it fires", async () => {
    const opensAt = Date.now() + 2 * HOUR;
    const { tournament } = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 48 * HOUR });
    const { cookie } = await competitor();
    const { html } = await panel(tournament.slug, cookie);
    const [countdown] = await select(html, ".countdown");
    expect(countdown?.attrs["data-countdown"]).toBe(String(opensAt));
    expect(countdown?.attrs["data-countdown-zero"]).toBe("event");
    expect(countdown?.text).toMatch(/^Registration opens in 0[12]:\d\d:\d\d/);
    expect(countdown?.text).toContain(formatDateTime(opensAt, ZONE));
    expect(await select(html, "form")).toEqual([]);
    // Far from the opening, the countdown's event is what brings the form (no timer of its own).
    expect(await select(html, "[hx-trigger^='load delay']")).toEqual([]);

    const page = await (await get(`/t/${tournament.slug}`)).text();
    const [slot] = await select(page, "section#registration");
    expect(slot?.attrs["hx-trigger"]).toContain("registration-opens from:body");
  });

  it("moments before opening, asks again by itself at the opening instant (a browser clock running ahead)", async () => {
    const opensAt = Date.now() + 8_000;
    const { tournament } = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 48 * HOUR });
    const { cookie } = await competitor();
    const { html } = await panel(tournament.slug, cookie);
    const [recheck] = await select(html, "[hx-get]");
    expect(recheck?.attrs["hx-get"]).toBe(`/fragments/t/${tournament.slug}/registration`);
    expect(recheck?.attrs["hx-target"]).toBe("#registration");
    const delay = Number(/^load delay:(\d+)ms$/.exec(recheck?.attrs["hx-trigger"] ?? "")?.[1]);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(8_300);
  });

  it("while open: a form per event with places left per relay and for any relay, a fresh idempotency key each time", async () => {
    const { tournament, events, relays, stub } = await createTournament({
      events: [{ title: "Air Rifle", relays: [{ firingPoints: 2 }, { firingPoints: 1 }] }, { title: "Air Pistol", relays: [{ firingPoints: 3, reserved: 1 }] }],
    });
    const { user: other } = await competitor();
    await stub.register({ userId: other.id, eventId: events[0]!.id, relayId: relays[1]!.id, idempotencyKey: freshKey() });
    const { cookie } = await competitor();

    const first = await panel(tournament.slug, cookie);
    const forms = await formsIn(first.html);
    expect(forms.events).toEqual([events[0]!.id, events[1]!.id]);
    expect(forms.eventFields).toEqual([events[0]!.id, events[1]!.id]);
    expect(forms.keys.every((k) => k.length >= 16)).toBe(true);
    expect(new Set(forms.keys).size).toBe(2);
    expect(forms.csrf.every((t) => t.length > 0)).toBe(true);

    const rifle = `#reg-event-${events[0]!.id}`;
    expect(await texts(first.html, `${rifle} [data-testid=reg-places]`)).toEqual(["2 places left", "Full: join the waitlist", "2 places left"]);
    expect(await texts(first.html, `${rifle} .reg-choice-name`)).toEqual(["Relay 1", "Relay 2", "Any relay of this event"]);
    expect(await texts(first.html, `#reg-event-${events[1]!.id} [data-testid=reg-places]`)).toEqual(["2 places left", "2 places left"]);
    const [start] = await select(first.html, `${rifle} .reg-choice-start time`);
    expect(start?.attrs.datetime).toBe(new Date(relays[0]!.startsAt).toISOString());
    const checked = await select(first.html, `${rifle} input[name=relay][checked]`);
    expect(checked.map((c) => c.attrs.value)).toEqual([String(relays[0]!.id)]);

    const second = await formsIn((await panel(tournament.slug, cookie)).html);
    expect(second.keys.some((k) => forms.keys.includes(k))).toBe(false);
  });

  it("shows the competitor's entry instead of the form for an event already entered, with a link to My entries", async () => {
    const { tournament, events, relays, stub } = await createTournament({
      events: [{ title: "Air Rifle", relays: [{ firingPoints: 2 }] }, { title: "Air Pistol", relays: [{ firingPoints: 2 }] }],
    });
    const { user, cookie } = await competitor();
    await stub.register({ userId: user.id, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    const { html } = await panel(tournament.slug, cookie);
    const rifle = `#reg-event-${events[0]!.id}`;
    expect(await select(html, `${rifle} form`)).toEqual([]);
    const [result] = await select(html, `${rifle} [data-testid=reg-result]`);
    expect(result?.attrs["data-status"]).toBe("confirmed");
    expect(result?.text).toContain("Your entry: Confirmed");
    expect(result?.text).toContain(`Relay 1, ${formatDateTime(relays[0]!.startsAt, ZONE)}, firing point 1`);
    expect((await select(html, `${rifle} a`)).map((a) => a.attrs.href)).toEqual([`/me/entries?fresh=${tournament.id}`]);
    expect(await select(html, `#reg-event-${events[1]!.id} form`)).toHaveLength(1);
  });

  it("after closing: registration closed with the time, no forms, the competitor's entry still shown", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }, { relays: [{ firingPoints: 2 }] }] });
    const { user, cookie } = await competitor();
    await stub.register({ userId: user.id, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    // The organiser closes registration: D1 first, then the object is told.
    const closesAt = Date.now() - 1_000;
    await db.update(tournaments).set({ registrationClosesAt: closesAt, revision: tournament.revision + 1 }).where(eq(tournaments.id, tournament.id)).run();
    await clientOf(tournament.id).configure();

    const { html } = await panel(tournament.slug, cookie);
    expect(await texts(html, "[data-testid=registration-closed]")).toEqual([`Registration closed on ${formatDateTime(closesAt, ZONE)}.`]);
    expect(await select(html, "form")).toEqual([]);
    expect((await select(html, "[data-testid=reg-event]")).map((e) => Number(e.attrs["data-event-id"]))).toEqual([events[0]!.id]);
    expect((await select(html, "[data-testid=reg-result]"))[0]?.attrs["data-status"]).toBe("confirmed");

    const closed = await createTournament({ registrationOpensAt: Date.now() - 5 * HOUR, registrationClosesAt: Date.now() - HOUR });
    const visitor = await panel(closed.tournament.slug);
    expect(await texts(visitor.html, "[data-testid=registration-closed]")).toEqual([`Registration closed on ${formatDateTime(closed.tournament.registrationClosesAt, ZONE)}.`]);
    expect(await select(visitor.html, "a.button")).toEqual([]);
  });

  it("answers 404 for a draft or unknown tournament (the page keeps its sign-in link)", async () => {
    const { tournament } = await createTournament({ status: "draft" });
    const { cookie } = await competitor();
    for (const slug of [tournament.slug, "no-such-tournament"]) {
      const { res } = await panel(slug, cookie);
      expect(res.status).toBe(404);
    }
  });
});
