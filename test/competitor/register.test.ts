import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/domain/time/format.ts";
import { REGISTER_LIMIT } from "../../src/domain/registration/rate-limit.ts";
import { freshKey, objectEntries } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { postForm } from "../helpers/http.ts";
import { createTournament, HOUR } from "../helpers/tournaments.ts";
import { competitor, panel, register, registerOk, ZONE } from "./fixtures.ts";


describe("registering from the panel (POST /me/t/:slug/entries, htmx)", () => {
  it("confirms at once: the relay, its start in the tournament's zone and the firing point, without a reload", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }] });
    const { user, cookie } = await competitor();
    const { res, html } = await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id);
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const [block] = await select(html, `#reg-event-${events[0]!.id}`);
    expect(block).toBeDefined();
    const [result] = await select(html, "[data-testid=reg-result]");
    expect(result?.attrs["data-status"]).toBe("confirmed");
    expect(result?.text).toContain("Registered: Confirmed");
    expect(result?.text).toContain(`Relay 1, ${formatDateTime(relays[0]!.startsAt, ZONE)}, firing point 1.`);
    const entries = await objectEntries(stub);
    expect(entries.map((e) => [e.userId, e.status])).toEqual([[user.id, "confirmed"]]);
  });

  it("puts a competitor on a full relay on the waitlist and shows the position", async () => {
    const { tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const first = await competitor();
    const second = await competitor();
    const third = await competitor();
    expect((await registerOk(tournament.slug, first.cookie, events[0]!.id, relays[0]!.id)).res.status).toBe(201);
    const waiting = await registerOk(tournament.slug, second.cookie, events[0]!.id, relays[0]!.id);
    expect(waiting.res.status).toBe(201);
    expect((await select(waiting.html, "[data-testid=reg-result]"))[0]?.attrs["data-status"]).toBe("waitlisted");
    expect(await texts(waiting.html, "[data-testid=waitlist-position]")).toEqual(["1"]);
    expect(await texts(waiting.html, ".entry-place")).toEqual([expect.stringContaining("Number 1 on the waitlist for Relay 1")]);
    const any = await registerOk(tournament.slug, third.cookie, events[0]!.id, "any");
    expect(await texts(any.html, "[data-testid=waitlist-position]")).toEqual(["2"]);
    expect(await texts(any.html, ".entry-place")).toEqual([expect.stringContaining(`Number 2 on the waitlist for any relay of Event 1`)]);
  });

  it("holds the place of a tournament with an entry fee and says until when to pay", async () => {
    const { tournament, events, relays, stub } = await createTournament({ entryFeeCents: 2500, events: [{ relays: [{ firingPoints: 2 }] }] });
    const { cookie } = await competitor();
    const { res, html } = await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id);
    expect(res.status).toBe(201);
    const [entry] = await objectEntries(stub);
    expect(entry?.status).toBe("held");
    expect((await select(html, "[data-testid=reg-result]"))[0]?.attrs["data-status"]).toBe("held");
    expect(await texts(html, ".entry-place")).toEqual([
      `Relay 1, ${formatDateTime(relays[0]!.startsAt, ZONE)}, firing point 1. Your place is held until ${formatDateTime(entry!.holdUntil!, ZONE)}: pay the entry fee by then to keep it.`,
    ]);
  });

  it("gives 'any relay' the earliest relay with a free place", async () => {
    const { tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }, { firingPoints: 3 }] }] });
    await registerOk(tournament.slug, (await competitor()).cookie, events[0]!.id, relays[0]!.id);
    const { html } = await registerOk(tournament.slug, (await competitor()).cookie, events[0]!.id, "any");
    expect(await texts(html, "[data-testid=entry-relay]")).toEqual(["Relay 2"]);
  });

  it("treats a double submit of the same form (same key) as one registration", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 3 }] }] });
    const { user, cookie } = await competitor();
    const fields = { event: String(events[0]!.id), relay: String(relays[0]!.id), key: freshKey() };
    const [a, b] = await Promise.all([register(tournament.slug, cookie, fields), register(tournament.slug, cookie, fields)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [htmlA, htmlB] = await Promise.all([a.text(), b.text()]);
    const replay = a.status === 200 ? htmlA : htmlB;
    expect(await texts(replay, "[data-testid=reg-notice]")).toEqual(["You had already sent this registration; this is its result."]);
    // A refresh that resends the form later gets the same answer too.
    const later = await register(tournament.slug, cookie, fields);
    expect(later.status).toBe(200);
    const entries = await objectEntries(stub);
    expect(entries.filter((e) => e.userId === user.id)).toHaveLength(1);
  });

  it("refuses a second entry in the same event under a new key (409) and shows the existing one", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 3 }, { firingPoints: 3 }] }] });
    const { cookie } = await competitor();
    await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id);
    const again = await registerOk(tournament.slug, cookie, events[0]!.id, relays[1]!.id);
    expect(again.res.status).toBe(409);
    expect(await texts(again.html, "[data-testid=reg-notice]")).toEqual(["You already have an entry in Event 1."]);
    expect(await texts(again.html, "[data-testid=entry-relay]")).toEqual(["Relay 1"]);
    expect(await objectEntries(stub)).toHaveLength(1);
  });

  it("refuses before opening and after closing with the times in the tournament's zone (403)", async () => {
    const opensAt = Date.now() + 3 * HOUR;
    const upcoming = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 24 * HOUR });
    const { cookie } = await competitor();
    const early = await registerOk(upcoming.tournament.slug, cookie, upcoming.events[0]!.id, upcoming.relays[0]!.id);
    expect(early.res.status).toBe(403);
    expect(await texts(early.html, "[data-testid=reg-notice]")).toEqual([`Registration is not open yet: it opens on ${formatDateTime(opensAt, ZONE)}.`]);

    const closesAt = Date.now() - HOUR;
    const closed = await createTournament({ registrationOpensAt: closesAt - 24 * HOUR, registrationClosesAt: closesAt });
    const late = await registerOk(closed.tournament.slug, cookie, closed.events[0]!.id, closed.relays[0]!.id);
    expect(late.res.status).toBe(403);
    expect(await texts(late.html, "[data-testid=reg-notice]")).toEqual([`Registration closed on ${formatDateTime(closesAt, ZONE)}.`]);
    expect([...(await objectEntries(upcoming.stub)), ...(await objectEntries(closed.stub))]).toEqual([]);
  });

  it("rate-limits a competitor who keeps pressing (429 with Retry-After), keeping the form and its choice", async () => {
    const { tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 3 }] }] });
    const { cookie } = await competitor();
    for (let i = 0; i < REGISTER_LIMIT.attempts; i++) {
      const { res } = await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id);
      expect(res.status).toBe(i === 0 ? 201 : 409);
    }
    const key = freshKey();
    const limited = await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id, key);
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await texts(limited.html, "[data-testid=reg-notice]")).toEqual([expect.stringMatching(/^Too many attempts\. Please wait \d+ s, then press Register again\.$/)]);
    expect((await select(limited.html, 'input[name="key"]'))[0]?.attrs.value).toBe(key);
    expect((await select(limited.html, "input[name=relay][checked]"))[0]?.attrs.value).toBe(String(relays[0]!.id));
  });

  describe("bad input: a clear 4xx and nothing changed", () => {
    it("an event of no tournament, or one of another tournament", async () => {
      const { tournament, events, stub } = await createTournament();
      const other = await createTournament();
      const { cookie } = await competitor();
      for (const event of ["999999", String(other.events[0]!.id), "abc"]) {
        const res = await register(tournament.slug, cookie, { event, relay: "any", key: freshKey() });
        expect(res.status).toBe(422);
        expect(await texts(await res.text(), "[data-testid=reg-notice]")).toEqual([
          "This event does not take entries in this tournament. Reload the page and choose again.",
        ]);
      }
      expect(events).toHaveLength(1);
      expect([...(await objectEntries(stub)), ...(await objectEntries(other.stub))]).toEqual([]);
    });

    it("a relay of another tournament, of another event, or none chosen: the form again with the message at the relays", async () => {
      const { tournament, events, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }, { relays: [{ firingPoints: 2 }] }] });
      const other = await createTournament();
      const { cookie } = await competitor();
      const foreign = await registerOk(tournament.slug, cookie, events[0]!.id, other.relays[0]!.id);
      expect(foreign.res.status).toBe(422);
      expect(await texts(foreign.html, ".field-error")).toEqual([`Relay ${other.relays[0]!.id} is not a relay of this tournament.`]);
      expect(await select(foreign.html, "form")).toHaveLength(1);

      const wrongEvent = await registerOk(tournament.slug, cookie, events[0]!.id, (await stub.snapshot()).events[1]!.relays[0]!.id);
      expect(wrongEvent.res.status).toBe(422);
      expect(await texts(wrongEvent.html, ".field-error")).toEqual([expect.stringContaining("belongs to another event")]);

      const none = await register(tournament.slug, cookie, { event: String(events[0]!.id), key: freshKey() });
      expect(none.status).toBe(422);
      expect(await texts(await none.text(), ".field-error")).toEqual(["Choose a relay, or any relay of this event."]);

      const noKey = await register(tournament.slug, cookie, { event: String(events[0]!.id), relay: "any" });
      expect(noKey.status).toBe(422);
      expect(await texts(await noKey.text(), "[data-testid=reg-notice]")).toEqual(["This form is incomplete. Reload the page and try again."]);
      expect(await objectEntries(stub)).toEqual([]);
    });

    it("an oversized body (413)", async () => {
      const { tournament, events, stub } = await createTournament();
      const { cookie } = await competitor();
      const res = await register(tournament.slug, cookie, { event: String(events[0]!.id), relay: "any", key: freshKey(), padding: "x".repeat(20_000) });
      expect(res.status).toBe(413);
      expect(await objectEntries(stub)).toEqual([]);
    });

    it("a key already used for a different choice", async () => {
      const { tournament, events, relays, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }, { relays: [{ firingPoints: 2 }] }] });
      const { cookie } = await competitor();
      const key = freshKey();
      await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id, key);
      const reused = await registerOk(tournament.slug, cookie, events[1]!.id, relays[1]!.id, key);
      expect(reused.res.status).toBe(422);
      expect(await texts(reused.html, "[data-testid=reg-notice]")).toEqual(["This form was already used for another choice. Choose again and press Register."]);
      const newKey = (await select(reused.html, 'input[name="key"]'))[0]?.attrs.value;
      expect(newKey).toBeTruthy();
      expect(newKey).not.toBe(key);
      expect(await objectEntries(stub)).toHaveLength(1);
    });
  });

  describe("who may post", () => {
    it("a visitor is sent to sign in and back to the tournament", async () => {
      const { tournament, events, stub } = await createTournament();
      const res = await postForm(`/me/t/${tournament.slug}/entries`, { event: String(events[0]!.id), relay: "any", key: freshKey() }, { hx: true });
      expect(res.status).toBe(401);
      expect(res.headers.get("HX-Redirect")).toBe(`/account/sign-in?next=${encodeURIComponent(`/t/${tournament.slug}`)}`);
      expect(await objectEntries(stub)).toEqual([]);
    });

    it("CSRF: a plain post needs the form token; a cross-site post is refused even with HX-Request", async () => {
      const { tournament, events, stub } = await createTournament();
      const { cookie } = await competitor();
      const fields = { event: String(events[0]!.id), relay: "any", key: freshKey() };
      const path = `/me/t/${tournament.slug}/entries`;
      const noToken = await postForm(path, fields, { cookie });
      expect(noToken.status).toBe(403);
      const crossSite = await postForm(path, fields, { cookie, hx: true, headers: { Origin: "https://evil.example" } });
      expect(crossSite.status).toBe(403);
      expect(await objectEntries(stub)).toEqual([]);

      // The token the panel rendered lets the plain form through; it lands on My entries (post/redirect/get).
      const token = (await select((await panel(tournament.slug, cookie)).html, 'input[name="_csrf"]'))[0]?.attrs.value ?? "";
      const plain = await postForm(path, { ...fields, _csrf: token }, { cookie });
      expect(plain.status).toBe(303);
      expect(plain.headers.get("Location")).toBe(`/me/entries?fresh=${tournament.id}`);
      expect(await objectEntries(stub)).toHaveLength(1);
    });
  });
});
