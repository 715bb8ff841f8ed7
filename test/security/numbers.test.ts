import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { relays, shots } from "../../src/db/schema.ts";
import { skippedTime } from "../../src/domain/time/zoned.ts";
import * as contract from "../../src/object/contract/index.ts";
import { helloSchema } from "../../src/object/scoreboard/protocol.tsx";
import { db } from "../helpers/d1.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { texts } from "../helpers/html.ts";
import { sendJson } from "../helpers/http.ts";
import { enter, scoringState, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "../admin/fixtures.ts";

type Problem = { errors?: Record<string, string[]> };

/** Every number a zod schema takes, with the path to it, and whether it has a finite lower and upper bound. */
function numbers(schema: z.ZodType, path: string, out: { path: string; bounded: boolean }[] = []) {
  const def = (schema as z.ZodType & { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case "number": {
      // `.int()` bounds a number to the safe integers; anything else needs its own min and max.
      const n = schema as z.ZodNumber;
      out.push({ path, bounded: Number.isFinite(n.minValue) && Number.isFinite(n.maxValue) });
      break;
    }
    case "object":
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) numbers(v, `${path}.${k}`, out);
      break;
    case "array":
      numbers(def.element as z.ZodType, `${path}[]`, out);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      numbers(def.innerType as z.ZodType, path, out);
      break;
    case "pipe":
      numbers(def.in as z.ZodType, path, out);
      numbers(def.out as z.ZodType, path, out);
      break;
    case "union":
      for (const o of def.options as z.ZodType[]) numbers(o, path, out);
      break;
  }
  return out;
}

/** Issue 10, finding 10: numbers without bounds. */
describe("numbers", () => {
  it("every number in the object's RPC schemas and the scoreboard protocol has both bounds", () => {
    const schemas = Object.entries({ ...contract, helloSchema }).filter(([, v]) => v instanceof z.ZodType) as [string, z.ZodType][];
    expect(schemas.length).toBeGreaterThan(5);
    const found = schemas.flatMap(([name, schema]) => numbers(schema, name));
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((n) => !n.bounded).map((n) => n.path)).toEqual([]);
  });

  async function scorer() {
    const made = await scoringTournament();
    const event = made.events[0]!;
    const { entry } = await enter(made.stub, event, "Pia Point");
    const organiser = await staffOf(made.tournament.id, "organiser");
    const post = (ops: unknown[]) => sendJson("POST", `/api/v1/tournaments/${made.tournament.slug}/shots`, { ops }, { cookie: organiser.cookie });
    return { ...made, entry, post };
  }

  it("refuses enteredAt beyond a sane date range and x: 1e300 with 422 by the field, applying nothing", async () => {
    const { stub, entry, post } = await scorer();
    for (const [field, extra] of [
      ["enteredAt", { enteredAt: 8.64e15 }],
      ["enteredAt", { enteredAt: 1000 }],
      ["x", { x: 1e300 }],
      ["y", { y: -1e300 }],
    ] as const) {
      const res = await post([{ ...shot(entry.id, 1, 104), ...extra }]);
      expect(res.status, field).toBe(422);
      expect(Object.keys(((await res.json()) as Problem).errors ?? {}), field).toEqual([`ops.0.${field}`]);
    }
    expect((await scoringState(stub)).shots).toEqual([]);
  });

  it("takes x/y in millimetres within the target's card and stores integer hundredths of a millimetre", async () => {
    const { stub, entry, post } = await scorer();
    const off = await post([shot(entry.id, 1, 104, { x: 60, y: 0 })]);
    expect(((await off.json()) as { results: unknown[] }).results[0]).toMatchObject({ outcome: "rejected", reason: "off_target" });
    const res = await post([shot(entry.id, 1, 104, { x: 1.234, y: -0.5 })]);
    expect(((await res.json()) as { results: unknown[] }).results[0]).toMatchObject({ outcome: "applied" });
    await drainOutboxes(stub);
    const row = await db
      .select({ x: shots.x, y: shots.y, types: sql<string>`typeof(${shots.x}) || ',' || typeof(${shots.y})` })
      .from(shots)
      .where(and(eq(shots.entryId, entry.id), eq(shots.shotNo, 1)))
      .get();
    expect(row).toEqual({ x: 123, y: -50, types: "integer,integer" });
  });
});

describe("local times in a daylight-saving gap", () => {
  it("are named as a gap by the time domain (02:30 on the spring-forward night in Berlin)", () => {
    expect(skippedTime("2027-03-28", "02:30", "Europe/Berlin")).toEqual({ from: "02:00", to: "03:00" });
    expect(skippedTime("2027-03-28", "03:00", "Europe/Berlin")).toBeNull();
    expect(skippedTime("2027-10-31", "02:30", "Europe/Berlin")).toBeNull();
  });

  it("are refused in the relay form with a message naming the gap, adding nothing", async () => {
    const { tournament, events } = await configuredTournament({ startsOn: "2027-03-28", endsOn: "2027-03-29" });
    const owner = await staffOf(tournament.id, "owner");
    const url = `/admin/t/${tournament.slug}/events/${events[0]!.id}/relays/new`;
    await open(owner, url);
    const before = await db.select().from(relays).where(eq(relays.tournamentId, tournament.id)).all();
    const res = await send(owner, url, { revision: String(tournament.revision), name: "Night", startsAt: "2027-03-28T02:30", firingPoints: "4", reserved: "0" });
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#relay-startsAt-error")).toEqual([
      "02:30 does not exist on Sun 28 Mar 2027 in Europe/Berlin: the clocks go forward from 02:00 to 03:00. Choose a time before 02:00 or from 03:00.",
    ]);
    expect(await db.select().from(relays).where(eq(relays.tournamentId, tournament.id)).all()).toEqual(before);
  });

  it("are refused in the tournament form, by the field", async () => {
    const someone = await staffOf((await configuredTournament()).tournament.id, "owner");
    const res = await send(someone, "/admin/new", {
      title: "Gap Cup",
      slug: `gap-${Date.now()}`,
      club: "Lakeside",
      venue: "Lakeside Range",
      timeZone: "Europe/Berlin",
      startsOn: "2027-05-01",
      endsOn: "2027-05-02",
      opensAt: "2027-03-28T02:15",
      closesAt: "2027-04-25T23:59",
      fee: "0",
      currency: "EUR",
      description: "",
    });
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#tournament-opensAt-error")).toEqual([expect.stringContaining("02:15 does not exist on Sun 28 Mar 2027")]);
  });
});
