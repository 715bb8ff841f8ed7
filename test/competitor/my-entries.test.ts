import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/domain/time/format.ts";
import { drainOutboxes, objectEntries } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { staffOf } from "../helpers/staff.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { competitor, registerOk, ZONE } from "./fixtures.ts";

async function myEntries(cookie: string, query = "") {
  const res = await get(`/me/entries${query}`, { cookie });
  return { res, html: await res.text() };
}

async function cards(html: string) {
  return (await select(html, "[data-testid=my-entry]")).map((c) => ({ id: c.attrs["data-entry-id"], status: c.attrs["data-status"], text: c.text }));
}

describe("My entries (/me/entries)", () => {
  it("sends a visitor to sign in and back", async () => {
    const res = await get("/me/entries");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/account/sign-in?next=${encodeURIComponent("/me/entries")}`);
  });

  it("says so when there are no entries, with a way to the tournaments; the header links here", async () => {
    const { cookie } = await competitor();
    const { res, html } = await myEntries(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await texts(html, ".empty")).toEqual(["You have not entered any tournament yet. Find a tournament and register from its page."]);
    expect((await select(html, ".empty a"))[0]?.attrs.href).toBe("/");
    expect((await select(html, "#account-nav a")).map((a) => a.attrs.href)).toContain("/me/entries");
  });

  it("lists every entry in every tournament with status, relay and start, waitlist position; a new one shows at once", async () => {
    const rifle = await createTournament({ events: [{ title: "Air Rifle", relays: [{ firingPoints: 1 }] }, { title: "Air Pistol", relays: [{ firingPoints: 2 }] }] });
    const prone = await createTournament({ events: [{ title: "Prone", relays: [{ firingPoints: 2 }] }] });
    const { cookie } = await competitor();
    const other = await competitor();
    await registerOk(rifle.tournament.slug, other.cookie, rifle.events[0]!.id, rifle.relays[0]!.id);
    await registerOk(rifle.tournament.slug, cookie, rifle.events[0]!.id, rifle.relays[0]!.id);
    await registerOk(rifle.tournament.slug, cookie, rifle.events[1]!.id, "any");

    // Straight after registering (the link from the result): read from the object, before D1 has the copy.
    const fresh = await myEntries(cookie, `?fresh=${rifle.tournament.id}`);
    const listed = await cards(fresh.html);
    expect(listed.map((c) => c.status)).toEqual(["waitlisted", "confirmed"]);
    expect(listed[0]!.text).toContain("Air Rifle Waitlisted");
    expect(listed[0]!.text).toContain("Number 1 on the waitlist for Relay 1");
    expect(listed[1]!.text).toContain("Air Pistol Confirmed");
    expect((await texts(fresh.html, "[data-testid=my-entry] .entry-place"))[1]).toBe(`Relay 1, ${formatDateTime(rifle.relays[1]!.startsAt, ZONE)}, firing point 1.`);

    // Later, from D1's copy, across tournaments.
    await registerOk(prone.tournament.slug, cookie, prone.events[0]!.id, prone.relays[0]!.id);
    await drainOutboxes(rifle.stub);
    await drainOutboxes(prone.stub);
    const { html } = await myEntries(cookie);
    expect((await select(html, "[data-testid=my-tournament] h2 a")).map((a) => a.attrs.href).sort()).toEqual(
      [`/t/${rifle.tournament.slug}`, `/t/${prone.tournament.slug}`].sort(),
    );
    expect((await cards(html)).map((c) => c.status).sort()).toEqual(["confirmed", "confirmed", "waitlisted"]);
  });

  it("shows the organiser's reason on an entry they removed, fresh from the object and from D1's copy", async () => {
    const made = await createTournament({ events: [{ title: "Air Rifle", relays: [{ firingPoints: 2 }] }] });
    const { cookie, user } = await competitor();
    await registerOk(made.tournament.slug, cookie, made.events[0]!.id, made.relays[0]!.id);
    const [entry] = (await objectEntries(made.stub)).filter((e) => e.userId === user.id);
    const organiser = await staffOf(made.tournament.id, "organiser");
    const removed = await postForm(
      `/admin/t/${made.tournament.slug}/entries/${entry!.id}/remove`,
      { _csrf: organiser.csrf, reason: "No licence shown at <check-in>" },
      { cookie: organiser.cookie },
    );
    expect(removed.status).toBe(303);

    const fresh = await myEntries(cookie, `?fresh=${made.tournament.id}`);
    expect((await cards(fresh.html)).map((c) => c.status)).toEqual(["removed"]);
    expect(await texts(fresh.html, "[data-testid=entry-note]")).toEqual(["The organiser’s reason: “No licence shown at <check-in>”"]);
    expect(fresh.html).toContain("&lt;check-in&gt;");

    await drainOutboxes(made.stub);
    const later = await myEntries(cookie);
    expect(await texts(later.html, "[data-testid=entry-note]")).toEqual(["The organiser’s reason: “No licence shown at <check-in>”"]);
  });

  it("withdraws in two steps; the first on the waitlist gets the place and sees it confirmed", async () => {
    const { tournament, events, relays, stub } = await createTournament({ events: [{ title: "Air Rifle", relays: [{ firingPoints: 1 }] }] });
    const holder = await competitor();
    const waiting = await competitor();
    await registerOk(tournament.slug, holder.cookie, events[0]!.id, relays[0]!.id);
    await registerOk(tournament.slug, waiting.cookie, events[0]!.id, relays[0]!.id);
    const [entry] = await cards((await myEntries(holder.cookie, `?fresh=${tournament.id}`)).html);
    expect(entry?.status).toBe("confirmed");
    const entryId = entry!.id!;

    const ask = await get(`/me/entries/${entryId}/withdraw`, { cookie: holder.cookie, hx: true });
    expect(ask.status).toBe(200);
    const askHtml = await ask.text();
    expect(await texts(askHtml, "h3")).toEqual(["Withdraw from Air Rifle? Confirmed"]);
    expect(await texts(askHtml, "button")).toEqual(["Confirm withdrawal"]);
    const [form] = await select(askHtml, "form");
    expect(form?.attrs["hx-post"]).toBe(`/me/entries/${entryId}/withdraw`);
    expect((await objectEntries(stub)).map((e) => e.status)).toEqual(["confirmed", "waitlisted"]);

    const token = (await select(askHtml, 'input[name="_csrf"]'))[0]?.attrs.value ?? "";
    const done = await postForm(`/me/entries/${entryId}/withdraw`, { _csrf: token }, { cookie: holder.cookie, hx: true });
    expect(done.status).toBe(200);
    const doneHtml = await done.text();
    expect(await texts(doneHtml, "[data-testid=reg-notice]")).toEqual(["You withdrew from Air Rifle."]);
    expect((await cards(doneHtml)).map((c) => c.status)).toEqual(["withdrawn"]);
    expect(await select(doneHtml, "[data-testid=my-entry] a.button")).toEqual([]);

    // Promoted in the same decision; once D1 has the copy, the other competitor's page says so.
    await drainOutboxes(stub);
    const promoted = await cards((await myEntries(waiting.cookie)).html);
    expect(promoted.map((c) => c.status)).toEqual(["confirmed"]);
    expect(promoted[0]!.text).toContain("Relay 1");

    // Withdrawing again changes nothing.
    const twice = await postForm(`/me/entries/${entryId}/withdraw`, { _csrf: token }, { cookie: holder.cookie, hx: true });
    expect(twice.status).toBe(200);
    expect((await objectEntries(stub)).map((e) => e.status)).toEqual(["withdrawn", "confirmed"]);
  });

  it("without script: the confirmation is a page, the withdrawal a post/redirect/get back to the list", async () => {
    const { tournament, events, relays, stub } = await createTournament();
    const { cookie } = await competitor();
    await registerOk(tournament.slug, cookie, events[0]!.id, relays[0]!.id);
    const [entry] = await objectEntries(stub);
    const ask = await get(`/me/entries/${entry!.id}/withdraw`, { cookie });
    const askHtml = await ask.text();
    expect(await texts(askHtml, "h1")).toEqual(["My entries"]);
    expect(await texts(askHtml, ".confirming button")).toEqual(["Confirm withdrawal"]);
    const token = (await select(askHtml, '.confirming input[name="_csrf"]'))[0]?.attrs.value ?? "";

    const noToken = await postForm(`/me/entries/${entry!.id}/withdraw`, {}, { cookie });
    expect(noToken.status).toBe(403);
    expect((await objectEntries(stub))[0]?.status).toBe("confirmed");

    const done = await postForm(`/me/entries/${entry!.id}/withdraw`, { _csrf: token }, { cookie });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/me/entries?fresh=${tournament.id}`);
    expect((await objectEntries(stub))[0]?.status).toBe("withdrawn");
  });

  it("refuses another competitor's entry and invented ids with 404, changing nothing", async () => {
    const { tournament, events, relays, stub } = await createTournament();
    const owner = await competitor();
    const intruder = await competitor();
    await registerOk(tournament.slug, owner.cookie, events[0]!.id, relays[0]!.id);
    const [entry] = await objectEntries(stub);
    const token = (await select((await myEntries(intruder.cookie)).html, 'input[name="_csrf"]'))[0]?.attrs.value ?? "";
    for (const id of [entry!.id, `${tournament.id}-notarealentry`, "999999-abcdefgh", "nonsense"]) {
      const plain = await postForm(`/me/entries/${encodeURIComponent(id)}/withdraw`, { _csrf: token }, { cookie: intruder.cookie });
      expect(plain.status).toBe(404);
      const viaHtmx = await postForm(`/me/entries/${encodeURIComponent(id)}/withdraw`, {}, { cookie: intruder.cookie, hx: true });
      expect(viaHtmx.status).toBe(404);
      expect(viaHtmx.headers.get("HX-Retarget")).toBe("#my-entries-notice");
      expect(await texts(await viaHtmx.text(), "[data-testid=reg-notice]")).toEqual([expect.stringContaining("There is no entry of yours with this id.")]);
      expect((await get(`/me/entries/${encodeURIComponent(id)}/withdraw`, { cookie: intruder.cookie })).status).toBe(404);
    }
    expect((await objectEntries(stub)).map((e) => e.status)).toEqual(["confirmed"]);
  });
});
