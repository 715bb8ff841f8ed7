import { runDurableObjectAlarm } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../src/db/schema.ts";
import { TRIES_BEFORE_SET_ASIDE } from "../../src/object/outbox/driver.ts";
import { createUsers } from "../helpers/accounts.ts";
import { expectErrorLog } from "../helpers/console.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes, freshKey } from "../helpers/entries.ts";
import { texts } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open } from "./fixtures.ts";

describe("the dashboard and changes D1 refused for good", () => {
  it("shows nothing while every change reached D1, and names a change set aside once one was", async () => {
    const { tournament, stub, events } = await configuredTournament({ events: [{ relays: [{ firingPoints: 4 }] }] });
    const organiser = await staffOf(tournament.id, "organiser");
    const [kept, deleted] = await createUsers(2);
    for (const userId of [kept!, deleted!]) await stub.register({ userId, eventId: events[0]!.id, relayId: "any", idempotencyKey: freshKey() });

    const before = await (await open(organiser, `/admin/t/${tournament.slug}`)).text();
    expect(await texts(before, "[data-testid=set-aside] h2")).toEqual([]);

    // The competitor's account is deleted in D1 before the entry was copied: D1 refuses that row for good.
    await db.delete(users).where(eq(users.id, deleted!)).run();
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=entries .*FOREIGN KEY constraint failed/);
    for (let i = 0; i < TRIES_BEFORE_SET_ASIDE; i++) await runDurableObjectAlarm(stub);
    await drainOutboxes(stub);
    errors.check();

    const after = await (await open(organiser, `/admin/t/${tournament.slug}`)).text();
    expect(await texts(after, "[data-testid=set-aside] h2")).toEqual(["1 change did not reach the database"]);
    const [line] = await texts(after, "[data-testid=set-aside] li");
    expect(line).toMatch(/^Entry entry:/);
    expect(line).toMatch(/FOREIGN KEY/);
  });
});
