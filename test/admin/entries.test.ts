import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, users } from "../../src/db/schema.ts";
import { auditOf, db } from "../helpers/d1.ts";
import { d1AndObject, register } from "../helpers/entries.ts";
import { inputValue, select, texts } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

async function setting(spec: Parameters<typeof configuredTournament>[0] = {}) {
  const made = await configuredTournament(spec);
  const organiser = await staffOf(made.tournament.id, "organiser");
  const event = made.events[0]!;
  return { ...made, organiser, event, r1: event.relays[0]!, r2: event.relays[1]! };
}

const oneAndOne = { events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 1 }, { name: "Relay 2", firingPoints: 1 }] }] };

describe("the entries table", () => {
  it("lists the object's entries with names, filters by relay and status, and searches name or club as you type", async () => {
    const { tournament, stub, organiser, event, r1, r2 } = await setting();
    await register(stub, event.id, r1.id, "Lena Krüger");
    await register(stub, event.id, r2.id, "Paul Walsh");
    const base = `/admin/t/${tournament.slug}/entries?event=${event.id}`;
    const page = await open(organiser, base);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(await texts(html, "[data-testid=entry-row] th a")).toEqual(["Lena Krüger", "Paul Walsh"]);
    expect((await select(html, "#entries-q"))[0]?.attrs).toMatchObject({ "hx-get": `/admin/t/${tournament.slug}/entries`, "hx-trigger": "input changed delay:300ms, search" });

    const search = await open(organiser, `${base}&q=kruger`, true);
    const fragment = await search.text();
    expect(fragment).not.toContain("<html");
    expect(await texts(fragment, "[data-testid=entry-row] th a")).toEqual(["Lena Krüger"]);
    expect(await texts(fragment, "[data-testid=entries-count]")).toEqual(["1 of 2 entries"]);
    const club = await (await open(organiser, `${base}&q=walsh%20club`, true)).text();
    expect(await texts(club, "[data-testid=entry-row] th a")).toEqual(["Paul Walsh"]);
    const byRelay = await (await open(organiser, `${base}&relay=${r2.id}`, true)).text();
    expect(await texts(byRelay, "[data-testid=entry-row] th a")).toEqual(["Paul Walsh"]);
    const withdrawn = await (await open(organiser, `${base}&status=withdrawn`, true)).text();
    expect(await texts(withdrawn, "[data-testid=entries-count]")).toEqual(["0 of 2 entries"]);
  });

  it("exports CSV with every entry, quoted and safe from formulas", async () => {
    const { tournament, stub, organiser, event, r1 } = await setting();
    await register(stub, event.id, r1.id, '=HYPERLINK("http://evil")');
    await register(stub, event.id, r1.id, "Anna, Berger");
    const res = await open(organiser, `/admin/t/${tournament.slug}/entries.csv?event=${event.id}&status=all`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain(`${tournament.slug}-entries.csv`);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Event,Relay,Relay starts,Firing point,Name,Club,Email,Status,Waitlist position,Checked in,Entry");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,1,"'=HYPERLINK(""http://evil"")","'=HYPERLINK(""http://evil"") Club",`);
    expect(lines[2]).toContain(`,2,"Anna, Berger","Anna, Berger Club",`);
  });

  it("prints a start list per relay: firing points in order with name and club, free points blank", async () => {
    const { tournament, stub, organiser, event, r1 } = await setting();
    await register(stub, event.id, r1.id, "Mia Becker");
    await register(stub, event.id, r1.id, "Noah Novak");
    const html = await (await open(organiser, `/admin/t/${tournament.slug}/start-list?relay=${r1.id}`)).text();
    expect(await texts(html, "[data-testid=start-list] h2")).toEqual(["Air Rifle · Relay 1"]);
    expect(await texts(html, "[data-testid=start-list-row] td:nth-child(1)")).toEqual(["1", "2", "3", "4"]);
    expect(await texts(html, "[data-testid=start-list-row] td:nth-child(2)")).toEqual(["Mia Becker", "Noah Novak", "", ""]);
    expect(await texts(html, "[data-testid=start-list-row] td:nth-child(3)")).toEqual(["Mia Becker Club", "Noah Novak Club", "", ""]);
  });
});

describe("moving and removing entries", () => {
  it("moves an entry to a relay with room; the waitlist takes the freed place; D1 and the object agree", async () => {
    const { tournament, stub, organiser, event, r1, r2 } = await setting(oneAndOne);
    const mover = await register(stub, event.id, r1.id, "Mover");
    const waiting = await register(stub, event.id, r1.id, "Waiting");
    expect(waiting.entry.status).toBe("waitlisted");
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/${mover.entry.id}/move`, { relayId: String(r2.id) });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/admin/t/${tournament.slug}/entries/${mover.entry.id}?done=moved`);
    expect(await stub.entry(mover.entry.id)).toMatchObject({ relayId: r2.id, status: "confirmed", firingPoint: 1 });
    expect(await stub.entry(waiting.entry.id)).toMatchObject({ relayId: r1.id, status: "confirmed", firingPoint: 1, waitlistPosition: null });
    const { inObject, inD1 } = await d1AndObject(tournament.id);
    expect(inD1).toEqual(inObject);
    const audit = await auditOf(tournament.id);
    expect(audit.map((a) => [a.action, a.subject, a.actorId])).toEqual([["entry.move", `entry:${mover.entry.id}`, organiser.user.id]]);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ from: r1.id, to: r2.id, promoted: [waiting.entry.id] });
    const page = await (await open(organiser, `/admin/t/${tournament.slug}/entries/${mover.entry.id}?done=moved`)).text();
    expect(await texts(page, "[data-testid=entry-place]")).toEqual([expect.stringContaining("Relay 2")]);
  });

  it("refuses a move to a full relay with a message by the field, changing nothing", async () => {
    const { tournament, stub, organiser, event, r1, r2 } = await setting(oneAndOne);
    const a = await register(stub, event.id, r1.id);
    await register(stub, event.id, r2.id);
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/${a.entry.id}/move`, { relayId: String(r2.id) });
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#move-relayId-error")).toEqual(["Relay 2 has no free firing point."]);
    expect(await stub.entry(a.entry.id)).toMatchObject({ relayId: r1.id });
    expect(await auditOf(tournament.id)).toEqual([]);
    const missing = await send(organiser, `/admin/t/${tournament.slug}/entries/${a.entry.id}/move`, { relayId: "" });
    expect(await texts(await missing.text(), "#move-relayId-error")).toEqual(["Choose the relay to move to."]);
  });

  it("removes an entry with a reason, promoting the first waiting entry; D1 and the object agree", async () => {
    const { tournament, stub, organiser, event, r1 } = await setting(oneAndOne);
    const placed = await register(stub, event.id, r1.id);
    const first = await register(stub, event.id, r1.id);
    const second = await register(stub, event.id, r1.id);
    const noReason = await send(organiser, `/admin/t/${tournament.slug}/entries/${placed.entry.id}/remove`, { reason: "" });
    expect(noReason.status).toBe(422);
    expect(await texts(await noReason.text(), "#remove-reason-error")).toEqual(["Give a reason (the competitor sees it)."]);
    expect((await stub.entry(placed.entry.id))?.status).toBe("confirmed");

    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/${placed.entry.id}/remove`, { reason: "Did not pay" });
    expect(res.status).toBe(303);
    expect(await stub.entry(placed.entry.id)).toMatchObject({ status: "removed", note: "Did not pay" });
    expect(await stub.entry(first.entry.id)).toMatchObject({ status: "confirmed", relayId: r1.id, firingPoint: 1 });
    expect(await stub.entry(second.entry.id)).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    const { inObject, inD1 } = await d1AndObject(tournament.id);
    expect(inD1).toEqual(inObject);
    expect(JSON.parse((await auditOf(tournament.id))[0]!.detail)).toMatchObject({ reason: "Did not pay", promoted: [first.entry.id] });
  });

  it("changes a firing point only to a free one", async () => {
    const { tournament, stub, organiser, event, r1 } = await setting();
    const a = await register(stub, event.id, r1.id);
    await register(stub, event.id, r1.id);
    const taken = await send(organiser, `/admin/t/${tournament.slug}/entries/${a.entry.id}/firing-point`, { firingPoint: "2" });
    expect(taken.status).toBe(422);
    expect(await texts(await taken.text(), "#point-firingPoint-error")).toEqual(["Firing point 2 of Relay 1 is taken by another competitor."]);
    const ok = await send(organiser, `/admin/t/${tournament.slug}/entries/${a.entry.id}/firing-point`, { firingPoint: "4" });
    expect(ok.status).toBe(303);
    expect((await stub.entry(a.entry.id))?.firingPoint).toBe(4);
    const { inObject, inD1 } = await d1AndObject(tournament.id);
    expect(inD1).toEqual(inObject);
  });
});

describe("payments and walk-ups", () => {
  it("marks a held entry paid on site: confirmed, with one payment recorded", async () => {
    const { tournament, stub, organiser, event, r1 } = await setting({ entryFeeCents: 1500, currency: "EUR" });
    const held = await register(stub, event.id, r1.id);
    expect(held.entry.status).toBe("held");
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/${held.entry.id}/paid`);
    expect(res.status).toBe(303);
    expect(await stub.entry(held.entry.id)).toMatchObject({ status: "confirmed", holdUntil: null });
    expect(await db.select().from(payments).where(eq(payments.entryId, held.entry.id)).all()).toMatchObject([
      { amountCents: 1500, currency: "EUR", status: "paid", provider: "on_site" },
    ]);
    // Pressed twice: nothing more happens.
    const again = await send(organiser, `/admin/t/${tournament.slug}/entries/${held.entry.id}/paid`);
    expect(again.status).toBe(303);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["entry.paid"]);
    expect(await db.select().from(payments).where(eq(payments.entryId, held.entry.id)).all()).toHaveLength(1);
  });

  it("adds a walk-up without an account or email on a reserved place, once per form", async () => {
    const { tournament, stub, organiser, event } = await setting({
      registrationClosesAt: Date.now() - 1000,
      registrationOpensAt: Date.now() - 86_400_000,
      events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 2, reserved: 2 }] }],
    });
    const relay = event.relays[0]!;
    const form = await (await open(organiser, `/admin/t/${tournament.slug}/entries/new?event=${event.id}`)).text();
    const key = (await inputValue(form, "key"))!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const fields = { key, name: "Walk Up", club: "Guest Club", email: "", relayId: String(relay.id), paid: "" };
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, fields);
    expect(res.status).toBe(303);
    const entryId = res.headers.get("Location")!.split("/entries/")[1]!.split("?")[0]!;
    expect(await stub.entry(entryId)).toMatchObject({ status: "confirmed", relayId: relay.id, firingPoint: 1 });
    const person = await db.select().from(users).where(eq(users.id, (await stub.entry(entryId))!.userId)).get();
    expect(person).toMatchObject({ name: "Walk Up", club: "Guest Club", passwordHash: null });
    expect(person!.email).toMatch(/^walkup-.*@walkup\.invalid$/);

    const twice = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, fields);
    expect(twice.status).toBe(303);
    expect(twice.headers.get("Location")).toContain(entryId);
    expect((await stub.allEntries()).filter((e) => e.userId === person!.id)).toHaveLength(1);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["entry.walk_up"]);
    const table = await (await open(organiser, `/admin/t/${tournament.slug}/entries?event=${event.id}`)).text();
    expect(await texts(table, "[data-testid=entry-row] th a")).toEqual(["Walk Up"]);
    expect(await texts(table, "[data-testid=entry-row] .tag")).toEqual(["walk-up"]);
  });

  it("answers an invalid walk-up with field messages and a full relay by its field, adding nobody", async () => {
    const { tournament, stub, organiser, event } = await setting(oneAndOne);
    const [r1] = event.relays;
    await register(stub, event.id, r1!.id);
    const key = "k".repeat(20);
    const bad = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, { key, name: "", club: "", email: "not-an-email", relayId: "", paid: "" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(await texts(html, "#walkup-name-error")).toEqual(["Enter the competitor's name."]);
    expect(await texts(html, "#walkup-email-error")).toEqual([expect.stringContaining("name@example.com")]);
    expect(await texts(html, "#walkup-relayId-error")).toEqual(["Choose the relay."]);
    const full = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, { key, name: "Late Comer", club: "", email: "", relayId: String(r1!.id), paid: "" });
    expect(full.status).toBe(422);
    expect(await texts(await full.text(), "#walkup-relayId-error")).toEqual(["Relay 1 has no free firing point."]);
    expect(await stub.allEntries()).toHaveLength(1);
  });
});
