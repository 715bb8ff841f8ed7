import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { entries } from "../../src/db/schema.ts";
import { auditOf, db } from "../helpers/d1.ts";
import { d1AndObject, register } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { postForm } from "../helpers/http.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

describe("check-in at the range", () => {
  it("finds competitors as you type and checks one in with one tap: the row and the counts come back, D1 follows", async () => {
    const { tournament, stub, events } = await configuredTournament();
    const [r1, r2] = events[0]!.relays;
    const officer = await staffOf(tournament.id, "range_officer");
    const ella = await register(stub, events[0]!.id, r1!.id, "Ella Schulz");
    await register(stub, events[0]!.id, r1!.id, "Ben Murphy");
    await register(stub, events[0]!.id, r2!.id, "Clara Evans");

    const page = await (await open(officer, `/admin/t/${tournament.slug}/check-in`)).text();
    expect(await texts(page, "[data-testid=checkin-count] .checkin-count-value")).toEqual(["0 / 2", "0 / 1"]);
    expect(await texts(page, "[data-testid=checkin-row] .checkin-name")).toEqual(["Ben Murphy", "Clara Evans", "Ella Schulz"]);

    const found = await (await open(officer, `/admin/t/${tournament.slug}/check-in?q=schul`, true)).text();
    expect(found).not.toContain("<html");
    expect(await texts(found, "[data-testid=checkin-row] .checkin-name")).toEqual(["Ella Schulz"]);
    const button = (await select(found, "[data-testid=checkin-row] form"))[0]!;
    expect(button.attrs["hx-post"]).toBe(`/admin/t/${tournament.slug}/check-in/${ella.entry.id}`);

    const tap = await postForm(button.attrs["hx-post"]!, { checkedIn: "1", q: "schul" }, { cookie: officer.cookie, hx: true });
    expect(tap.status).toBe(200);
    const swapped = await tap.text();
    expect(await texts(swapped, "[data-testid=checked-in]")).toEqual([expect.stringMatching(/^✓ Checked in \d\d:\d\d$/)]);
    expect((await select(swapped, "#checkin-counts"))[0]?.attrs["hx-swap-oob"]).toBe("true");
    expect(await texts(swapped, "[data-testid=checkin-count] .checkin-count-value")).toEqual(["1 / 2", "0 / 1"]);

    const checkedAt = (await stub.entry(ella.entry.id))!.checkedInAt;
    expect(checkedAt).toBeGreaterThan(0);
    const { inObject, inD1 } = await d1AndObject(tournament.id);
    expect(inD1).toEqual(inObject);
    expect((await db.select().from(entries).where(eq(entries.id, ella.entry.id)).get())?.checkedInAt).toBe(checkedAt);

    // Undo.
    const undo = await postForm(button.attrs["hx-post"]!, { checkedIn: "0", q: "" }, { cookie: officer.cookie, hx: true });
    expect(await texts(await undo.text(), "[data-testid=checkin-count] .checkin-count-value")).toEqual(["0 / 2", "0 / 1"]);
    await d1AndObject(tournament.id);
    expect((await db.select().from(entries).where(eq(entries.id, ella.entry.id)).get())?.checkedInAt).toBeNull();
    expect((await auditOf(tournament.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["entry.check_in", officer.user.id],
      ["entry.check_in_undone", officer.user.id],
    ]);
  });

  it("works without JavaScript: the plain form goes back to the list", async () => {
    const { tournament, stub, events } = await configuredTournament();
    const organiser = await staffOf(tournament.id, "organiser");
    const a = await register(stub, events[0]!.id, events[0]!.relays[0]!.id, "Noah Novak");
    const res = await send(organiser, `/admin/t/${tournament.slug}/check-in/${a.entry.id}`, { checkedIn: "1", q: "noah" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/admin/t/${tournament.slug}/check-in?q=noah`);
    const list = await (await open(organiser, res.headers.get("Location")!)).text();
    expect(await texts(list, "[data-testid=checked-in]")).toHaveLength(1);
  });

  it("does not check in a waitlisted competitor", async () => {
    const { tournament, stub, events } = await configuredTournament({
      events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 1 }] }],
    });
    const organiser = await staffOf(tournament.id, "organiser");
    await register(stub, events[0]!.id, events[0]!.relays[0]!.id);
    const waiting = await register(stub, events[0]!.id, events[0]!.relays[0]!.id);
    const res = await postForm(`/admin/t/${tournament.slug}/check-in/${waiting.entry.id}`, { checkedIn: "1" }, { cookie: organiser.cookie, hx: true });
    expect(res.status).toBe(422);
    expect((await stub.entry(waiting.entry.id))?.checkedInAt).toBeNull();
    expect(await auditOf(tournament.id)).toEqual([]);
  });
});
