import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, relays } from "../../src/db/schema.ts";
import { fromLocal } from "../../src/domain/time/zoned.ts";
import { adminRoutes } from "../../src/routes/admin/index.ts";
import { auditOf, db, tournamentRow } from "../helpers/d1.ts";
import { register } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

const ZONE = "Europe/Berlin";

async function eventsOf(tournamentId: number) {
  return db.select().from(events).where(eq(events.tournamentId, tournamentId)).all();
}

async function relaysOf(tournamentId: number) {
  return db.select().from(relays).where(eq(relays.tournamentId, tournamentId)).all();
}

describe("events", () => {
  it("adds an event from the catalogue, tells the object and shows it on the public page at once", async () => {
    const { tournament, stub } = await configuredTournament({ startsOn: "2027-05-01", endsOn: "2027-05-02" });
    const organiser = await staffOf(tournament.id, "organiser");
    await get(`/t/${tournament.slug}`);
    const res = await send(organiser, `/admin/t/${tournament.slug}/events`, { revision: String(tournament.revision), title: "Air Pistol Men", discipline: "air-pistol-10m" });
    expect(res.status).toBe(303);
    const added = (await eventsOf(tournament.id)).find((e) => e.title === "Air Pistol Men")!;
    expect(added).toMatchObject({ discipline: "air-pistol-10m", position: 1 });
    expect((await stub.snapshot()).events.map((e) => e.title)).toEqual(["Air Rifle", "Air Pistol Men"]);
    expect(await (await get(`/t/${tournament.slug}`)).text()).toContain("Air Pistol Men");
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["event.add"]);
    expect((await tournamentRow(tournament.id)).revision).toBe(tournament.revision + 1);
  });

  it("refuses an unknown discipline and an empty name with field messages, adding nothing", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const res = await send(owner, `/admin/t/${tournament.slug}/events`, { revision: String(tournament.revision), title: "", discipline: "darts" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(await texts(html, "#event-title-error")).toEqual(["Enter the event's name (at least 2 characters)."]);
    expect(await texts(html, "#event-discipline-error")).toEqual(["Choose a discipline from the list."]);
    expect(await eventsOf(tournament.id)).toHaveLength(1);
    expect(await auditOf(tournament.id)).toEqual([]);
  });

  it("refuses a stale form with 409 and keeps the other organiser's change", async () => {
    const { tournament } = await configuredTournament();
    const one = await staffOf(tournament.id, "owner");
    const two = await staffOf(tournament.id, "organiser");
    const revision = String(tournament.revision);
    expect((await send(one, `/admin/t/${tournament.slug}/events`, { revision, title: "First", discipline: "air-rifle-10m" })).status).toBe(303);
    const stale = await send(two, `/admin/t/${tournament.slug}/events`, { revision, title: "Second", discipline: "air-rifle-10m" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(await texts(html, "[role=alert] strong")).toEqual([expect.stringContaining("Someone else changed this tournament")]);
    expect((await select(html, "#event-title"))[0]?.attrs.value).toBe("Second");
    expect((await eventsOf(tournament.id)).map((e) => e.title)).toEqual(["Air Rifle", "First"]);
  });

  it("will not delete an event that holds entries, and deletes an empty one with its relays", async () => {
    const { tournament, stub, events: made } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const event = made[0]!;
    const { entry } = await register(stub, event.id, event.relays[0]!.id);
    const refused = await send(owner, `/admin/t/${tournament.slug}/events/${event.id}/delete`, { revision: String(tournament.revision) });
    expect(refused.status).toBe(422);
    expect(await texts(await refused.text(), "#event-form-error")).toEqual([expect.stringContaining("1 active entries")]);
    expect(await eventsOf(tournament.id)).toHaveLength(1);

    await stub.remove({ entryId: entry.id, byUserId: owner.user.id, reason: "test" });
    const res = await send(owner, `/admin/t/${tournament.slug}/events/${event.id}/delete`, { revision: String(tournament.revision) });
    expect(res.status).toBe(303);
    expect(await eventsOf(tournament.id)).toEqual([]);
    expect(await relaysOf(tournament.id)).toEqual([]);
    expect((await stub.snapshot()).events).toEqual([]);
  });
});

describe("relays", () => {
  const relayForm = (revision: number, fields: Partial<Record<string, string>> = {}) => ({
    revision: String(revision),
    name: "Relay 3",
    startsAt: "2027-05-01T14:00",
    firingPoints: "12",
    reserved: "2",
    ...fields,
  });

  it("adds a relay in the tournament's time zone; the object takes entries on it at once", async () => {
    const { tournament, stub, events: made } = await configuredTournament({ startsOn: "2027-05-01", endsOn: "2027-05-02" });
    const owner = await staffOf(tournament.id, "owner");
    const event = made[0]!;
    const form = await (await open(owner, `/admin/t/${tournament.slug}/events/${event.id}/relays/new`)).text();
    expect((await select(form, "#relay-name"))[0]?.attrs.value).toBe("Relay 3");
    const res = await send(owner, `/admin/t/${tournament.slug}/events/${event.id}/relays/new`, relayForm(tournament.revision));
    expect(res.status).toBe(303);
    const relay = (await relaysOf(tournament.id)).find((r) => r.name === "Relay 3")!;
    expect(relay).toMatchObject({ eventId: event.id, startsAt: fromLocal("2027-05-01", "14:00", ZONE), firingPoints: 12, reserved: 2 });
    const live = (await stub.snapshot()).events[0]!.relays.find((r) => r.id === relay.id);
    expect(live).toMatchObject({ capacity: 10, placesLeft: 10 });
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["relay.add"]);
  });

  it("refuses a start outside the match days, reserved above the firing points and malformed numbers", async () => {
    const { tournament, events: made } = await configuredTournament({ startsOn: "2027-05-01", endsOn: "2027-05-02" });
    const owner = await staffOf(tournament.id, "owner");
    const url = `/admin/t/${tournament.slug}/events/${made[0]!.id}/relays/new`;
    const res = await send(owner, url, relayForm(tournament.revision, { startsAt: "2027-05-03T09:00", firingPoints: "4", reserved: "6", name: "" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(await texts(html, "#relay-startsAt-error")).toEqual([expect.stringContaining("start the relay on one of those days")]);
    expect(await texts(html, "#relay-reserved-error")).toEqual(["You cannot reserve more places than the relay has firing points."]);
    expect(await texts(html, "#relay-name-error")).toEqual(["Enter the relay's name, like Relay 1."]);
    const numbers = await send(owner, url, relayForm(tournament.revision, { firingPoints: "ten", startsAt: "tomorrow" }));
    const numbersHtml = await numbers.text();
    expect(await texts(numbersHtml, "#relay-firingPoints-error")).toEqual(["Enter the number of firing points as a whole number."]);
    expect(await texts(numbersHtml, "#relay-startsAt-error")).toEqual(["Enter the start (date and time)."]);
    expect(await relaysOf(tournament.id)).toHaveLength(2);
  });

  it("refuses to lower the capacity below the competitors who have a place, asking the object", async () => {
    const { tournament, stub, events: made } = await configuredTournament({ startsOn: "2027-05-01", endsOn: "2027-05-02" });
    const owner = await staffOf(tournament.id, "owner");
    const relay = made[0]!.relays[0]!;
    for (let i = 0; i < 3; i++) await register(stub, made[0]!.id, relay.id);
    const url = `/admin/t/${tournament.slug}/relays/${relay.id}`;
    const startsAt = "2027-05-01T09:00";
    const fewer = await send(owner, url, relayForm(tournament.revision, { name: relay.name, startsAt, firingPoints: "2", reserved: "0" }));
    expect(fewer.status).toBe(422);
    expect(await texts(await fewer.text(), "#relay-firingPoints-error")).toEqual(["3 competitors already have a place on this relay: it needs at least 3 firing points."]);
    const reserving = await send(owner, url, relayForm(tournament.revision, { name: relay.name, startsAt, firingPoints: "4", reserved: "2" }));
    expect(reserving.status).toBe(422);
    expect(await texts(await reserving.text(), "#relay-reserved-error")).toEqual([expect.stringContaining("leaves 2 places for registration, but 3 competitors")]);
    expect((await relaysOf(tournament.id)).find((r) => r.id === relay.id)).toMatchObject({ firingPoints: 4, reserved: 0 });

    const more = await send(owner, url, relayForm(tournament.revision, { name: "Morning", startsAt, firingPoints: "6", reserved: "1" }));
    expect(more.status).toBe(303);
    expect((await stub.snapshot()).events[0]!.relays.find((r) => r.id === relay.id)).toMatchObject({ name: "Morning", capacity: 5, placesLeft: 2 });
  });

  it("will not delete a relay with entries", async () => {
    const { tournament, stub, events: made } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const [busy, free] = made[0]!.relays;
    await register(stub, made[0]!.id, busy!.id);
    const refused = await send(owner, `/admin/t/${tournament.slug}/relays/${busy!.id}/delete`, { revision: String(tournament.revision) });
    expect(refused.status).toBe(422);
    const ok = await send(owner, `/admin/t/${tournament.slug}/relays/${free!.id}/delete`, { revision: String(tournament.revision) });
    expect(ok.status).toBe(303);
    expect((await relaysOf(tournament.id)).map((r) => r.id)).toEqual([busy!.id]);
  });
});

describe("every admin page", () => {
  it("renders for the owner, uncached", async () => {
    const { tournament, stub, events: made } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const { entry } = await register(stub, made[0]!.id, made[0]!.relays[0]!.id);
    const ids: Record<string, string> = { slug: tournament.slug, eventId: String(made[0]!.id), relayId: String(made[0]!.relays[0]!.id), entryId: entry.id };
    const pages = adminRoutes.routes
      .filter((r) => r.method === "GET" && r.path !== "/*")
      .map((r) => r.path.replace(/:(\w+)(\{[^/]*\})?/g, (_, name: string) => ids[name] ?? name));
    for (const path of new Set(pages)) {
      const res = await open(owner, `/admin${path === "/" ? "" : path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Cache-Control"), path).toBe("no-store");
    }
  });
});
