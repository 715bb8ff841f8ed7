import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events } from "../../src/db/schema.ts";
import { auditOf, db, tournamentRow } from "../helpers/d1.ts";
import { texts } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "../admin/fixtures.ts";
import { practicalTournament } from "../helpers/practical.ts";

describe("an organiser sets up a practical match", () => {
  it("adds an IPSC event, its stages (required hits and max points shown) and divisions; the object is told each time", async () => {
    const { tournament, stub } = await configuredTournament();
    const organiser = await staffOf(tournament.id, "organiser");
    const revision = async () => String((await tournamentRow(tournament.id)).revision);

    expect((await send(organiser, `/admin/t/${tournament.slug}/events`, { revision: await revision(), title: "Level I Handgun", discipline: "ipsc-handgun" })).status).toBe(303);
    const event = (await db.select().from(events).where(eq(events.tournamentId, tournament.id)).all()).find((e) => e.title === "Level I Handgun")!;
    expect(event.matchShape).toBe("practical");
    const match = `/admin/t/${tournament.slug}/events/${event.id}/match`;

    const noTargets = await send(organiser, `${match}/stages`, { revision: await revision(), number: "1", name: "Empty", scoring: "comstock", paperTargets: "0", steelTargets: "0" });
    expect(noTargets.status).toBe(422);
    expect(await texts(await noTargets.text(), ".field-error")).toEqual(["A stage has at least one target."]);

    const added = await send(organiser, `${match}/stages`, { revision: await revision(), number: "1", name: "Cold Start", scoring: "comstock", paperTargets: "8", steelTargets: "4" });
    expect(added.status).toBe(303);
    expect((await send(organiser, `${match}/divisions`, { revision: await revision(), divisions: "Production" })).status).toBe(303);

    const page = await (await open(organiser, match)).text();
    expect(await texts(page, "[data-testid=match-stages] tbody tr")).toEqual([expect.stringMatching(/^1Cold StartComstock842010\d/)]);
    const book = await stub.practicalBook(event.id);
    expect(book).toMatchObject({ divisions: ["Production"], stages: [{ number: 1, name: "Cold Start", paperTargets: 8, steelTargets: 4, scoring: "comstock" }] });
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["event.add", "stage.add", "divisions.save"]);
  });

  it("refuses range officers", async () => {
    const { tournament } = await configuredTournament();
    const officer = await staffOf(tournament.id, "range_officer");
    const event = (await db.select().from(events).where(eq(events.tournamentId, tournament.id)).all())[0]!;
    expect((await open(officer, `/admin/t/${tournament.slug}/events/${event.id}/match`)).status).toBe(403);
  });
});

describe("a walk-up at a practical match", () => {
  it("declares division and power factor on the organiser's form; a power factor the division does not allow is refused at the field", async () => {
    const { tournament, event, stub } = await practicalTournament({ divisions: ["Production", "Open"] });
    const organiser = await staffOf(tournament.id, "organiser");
    const form = await (await open(organiser, `/admin/t/${tournament.slug}/entries/new`)).text();
    const key = /name="key" value="([^"]+)"/.exec(form)![1]!;
    const fields = { key, name: "Walk Up", club: "", email: "", relayId: String(event.relays[0]!.id), paid: "", division: "Production", powerFactor: "major" };

    const refused = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, fields);
    expect(refused.status).toBe(422);
    expect(await texts(await refused.text(), ".field-error")).toEqual(["Production is scored minor only"]);
    expect((await send(organiser, `/admin/t/${tournament.slug}/entries/new`, { ...fields, powerFactor: "minor" })).status).toBe(303);
    expect((await stub.practicalBook(event.id))?.entries).toEqual([expect.objectContaining({ division: "Production", powerFactor: "minor" })]);
  });
});
