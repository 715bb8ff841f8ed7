import { assetUrl } from "../../src/views/page-assets.ts";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/domain/time/format.ts";
import { fromLocal } from "../../src/domain/time/zoned.ts";
import { forgetCacheVersions } from "../../src/queries/cache-version-memo.ts";
import { bumpCacheScopes, tournamentScope } from "../../src/queries/cache-versions.ts";
import { db } from "../helpers/d1.ts";
import { sessionCookie, signedInUser } from "../helpers/accounts.ts";
import { addEntries } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { createTournament, DAY, isoDate } from "../helpers/tournaments.ts";

describe("the home page", () => {
  it("groups published tournaments: opens soon (with countdown), open, live, past (with results link)", async () => {
    const now = Date.now();
    const soon = await createTournament({ title: "Spring Countdown Cup", registrationOpensAt: now + 5 * 60_000, registrationClosesAt: now + 9 * DAY });
    const open = await createTournament({ title: "Open Entries Match" });
    const live = await createTournament({
      title: "Shooting Today Trophy",
      timeZone: "UTC",
      startsOn: isoDate(now - DAY),
      endsOn: isoDate(now + DAY),
      registrationOpensAt: now - 30 * DAY,
      registrationClosesAt: now - 2 * DAY,
    });
    const past = await createTournament({
      title: "Last Month Final",
      startsOn: isoDate(now - 35 * DAY),
      endsOn: isoDate(now - 34 * DAY),
      registrationOpensAt: now - 80 * DAY,
      registrationClosesAt: now - 40 * DAY,
    });
    await createTournament({ title: "Secret Draft Open", status: "draft" });

    const res = await get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await texts(html, "#group-soon .card-title")).toContain(soon.tournament.title);
    expect(await texts(html, "#group-open .card-title")).toContain(open.tournament.title);
    expect(await texts(html, "#group-live .card-title")).toContain(live.tournament.title);
    expect(await texts(html, "#group-past .card-title")).toContain(past.tournament.title);
    expect(html).not.toContain("Secret Draft Open");

    const [countdown] = await select(html, "#group-soon .countdown");
    expect(countdown?.attrs["data-countdown"]).toBe(String(soon.tournament.registrationOpensAt));
    expect(countdown?.text).toMatch(/Registration opens in 00:0[45]:\d\d/);
    const [opening] = await select(html, "#group-soon .countdown-at time");
    expect(opening?.attrs.datetime).toBe(new Date(soon.tournament.registrationOpensAt).toISOString());
    const [results] = await select(html, "#group-past .card-note a");
    expect(results).toEqual({ attrs: { href: `/t/${past.tournament.slug}/results` }, text: "Results" });
    // The countdown script comes from our origin, never inline (a cached page has no nonce: the policy allows 'self').
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(new RegExp(`<script src="${assetUrl("/scripts/app.js")}" defer(="")?></script>`));
    expect(assetUrl("/scripts/app.js")).toMatch(/^\/h\/app\.[0-9a-f]{10}\.js$/);
  });
});

describe("the tournament page", () => {
  const zone = "Europe/Berlin";

  /** Registration open now, the match days ahead, the second on the day summer time begins in Europe. */
  async function rangeDay() {
    const r1 = fromLocal("2027-03-28", "09:00", zone);
    return createTournament({
      title: "Nordheide Air Open",
      club: "SG Nordheide",
      venue: "Schießstand Buchholz",
      timeZone: zone,
      startsOn: "2027-03-27",
      endsOn: "2027-03-28",
      registrationOpensAt: Date.now() - DAY,
      registrationClosesAt: Date.now() + 30 * DAY,
      entryFeeCents: 2550,
      currency: "EUR",
      description: "Line one\nLine two",
      events: [
        {
          title: "10 m Air Rifle Men",
          discipline: "air-rifle-10m",
          relays: [
            { name: "Relay 1", startsAt: r1, firingPoints: 20, reserved: 2 },
            { name: "Relay 2", startsAt: r1 + 3 * 3_600_000, firingPoints: 8 },
          ],
        },
        { title: "10 m Air Pistol", discipline: "air-pistol-10m", relays: [{ name: "Relay A", startsAt: r1, firingPoints: 10 }] },
      ],
    });
  }

  it("shows the facts in the tournament's zone, events with discipline, relays with places left", async () => {
    const { tournament, events } = await rangeDay();
    const rifle = events[0]!;
    const pistol = events[1]!;
    // Relay 1: 20 points, 2 reserved, 15 active (confirmed + held) → 3 left; withdrawn and waitlisted do not count.
    await addEntries(tournament.id, rifle.id, rifle.relays[0]!.id, [...Array(12).fill("confirmed"), "held", "held", "held", "withdrawn", "removed"]);
    // Relay 2: 8 points, 9 confirmed (capacity lowered after they entered) → 0, never negative.
    await addEntries(tournament.id, rifle.id, rifle.relays[1]!.id, Array(9).fill("confirmed"));
    await addEntries(tournament.id, rifle.id, null, ["waitlisted", "waitlisted"]);

    const res = await get(`/t/${tournament.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await texts(html, "h1")).toEqual(["Nordheide Air Open"]);
    expect(await texts(html, ".eyebrow")).toEqual(["SG Nordheide"]);
    const facts = await texts(html, ".facts dd");
    expect(facts[0]).toBe("Schießstand Buchholz");
    expect(facts[1]).toBe("Sat 27 Mar – Sun 28 Mar 2027");
    expect(facts[2]).toBe("€25.50");
    const opens = (await select(html, ".facts dd time")).filter((t) => t.attrs.datetime === new Date(tournament.registrationOpensAt).toISOString());
    expect(opens).toHaveLength(1);
    expect(facts[3]).toContain(`opens ${formatDateTime(tournament.registrationOpensAt, zone)}`);
    expect(facts[3]).toContain(`closes ${formatDateTime(tournament.registrationClosesAt, zone)}`);
    expect(facts[3]).toContain("Europe/Berlin");

    expect(await texts(html, ".event h3")).toEqual(["10 m Air Rifle Men 10 m air rifle", "10 m Air Pistol 10 m air pistol"]);
    const rows = await select(html, '[data-testid="relay"]');
    expect(rows.map((r) => r.attrs["data-relay-id"])).toEqual([rifle.relays[0]!.id, rifle.relays[1]!.id, pistol.relays[0]!.id].map(String));
    expect(await texts(html, '[data-testid="places-left"]')).toEqual(["3 left", "0 left", "10 left"]);
    expect(await texts(html, "#relay-" + rifle.relays[1]!.id + " .badge")).toEqual(["Full"]);
    // Start times in the zone, on the day summer time begins.
    expect(rows[0]!.text).toContain("Sun 28 Mar, 09:00");
    expect(rows[1]!.text).toContain("Sun 28 Mar, 12:00");
    expect(await texts(html, '[data-testid="waitlisted"]')).toEqual(["2 on the waitlist"]);
  });

  it("leaves a slot for the uncached registration fragment, with a sign-in link without JS", async () => {
    const { tournament } = await rangeDay();
    const html = await (await get(`/t/${tournament.slug}`)).text();
    const [slot] = await select(html, "section#registration");
    expect(slot?.attrs["hx-get"]).toBe(`/fragments/t/${tournament.slug}/registration`);
    expect(slot?.attrs["hx-trigger"]).toContain("load");
    const [link] = await select(html, "#registration a");
    expect(link?.attrs.href).toBe(`/account/sign-in?next=${encodeURIComponent(`/t/${tournament.slug}`)}`);
  });

  it("shows a description with HTML in it as text, line breaks kept by CSS", async () => {
    const { tournament } = await createTournament({
      description: 'Bring ear protection.\n<script>alert("x")</script><img src=x onerror=alert(1)>',
    });
    const html = await (await get(`/t/${tournament.slug}`)).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(await texts(html, ".description")).toEqual(['Bring ear protection. <script>alert("x")</script><img src=x onerror=alert(1)>']);
    expect(await select(html, "script:not([src])")).toEqual([]);
  });

  it("shows a countdown before registration opens", async () => {
    const opensAt = Date.now() + 2 * DAY + 3_600_000;
    const { tournament } = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 5 * DAY });
    const html = await (await get(`/t/${tournament.slug}`)).text();
    const [countdown] = await select(html, ".countdown");
    expect(countdown?.attrs["data-countdown"]).toBe(String(opensAt));
    expect(countdown?.attrs["data-countdown-zero"]).toBe("event");
    expect(countdown?.text).toMatch(/^Registration opens in 2 d 0[01]:\d\d:\d\d/);
  });

  it("answers a draft or an unknown slug with the friendly 404 page, not cached", async () => {
    const { tournament } = await createTournament({ status: "draft", title: "Hidden Draft" });
    for (const path of [`/t/${tournament.slug}`, "/t/no-such-tournament"]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      const html = await res.text();
      expect(await texts(html, "h1")).toEqual(["Tournament not found"]);
      expect(html).not.toContain("Hidden Draft");
    }
  });

  it("is the same bytes for two signed-in users and a visitor, without Set-Cookie", async () => {
    const { tournament } = await rangeDay();
    const a = await signedInUser({ name: "Alice Archer" });
    const b = await signedInUser({ name: "Bob Bullseye" });
    for (const path of [`/t/${tournament.slug}`, "/"]) {
      const anonymous = await get(path);
      const asAlice = await get(path, { cookie: a.cookie });
      const asBob = await get(path, { cookie: `${b.cookie}; theme=dark` });
      const bodies = await Promise.all([anonymous, asAlice, asBob].map((r) => r.text()));
      for (const res of [anonymous, asAlice, asBob]) {
        expect(res.status).toBe(200);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
      expect(bodies[1]).toBe(bodies[0]);
      expect(bodies[2]).toBe(bodies[0]);
      expect(bodies[0]).not.toContain("Alice Archer");
      expect(bodies[0]).not.toContain("Bob Bullseye");
    }
    // Even a fresh render (no cached copy) for a signed-in user carries nothing personal.
    // (A changed tournament renders anew; an unread query parameter no longer makes a new cache entry.)
    const c = await sessionCookie(a.user.id);
    await bumpCacheScopes(db, [tournamentScope(tournament.slug)]);
    // As a committed change does: this isolate forgets the versions it remembered (src/queries/cache-version-memo.ts).
    forgetCacheVersions([tournamentScope(tournament.slug)]);
    const fresh = await get(`/t/${tournament.slug}`, { cookie: c });
    expect(fresh.headers.get("X-Tenring-Cache")).toBe("MISS");
    expect(await fresh.text()).not.toContain("Alice Archer");
  });
});
