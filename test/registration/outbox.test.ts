import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { users } from "../../src/db/schema.ts";
import { sendToD1 } from "../../src/object/outbox/entries.ts";
import { tournamentStub } from "../helpers/object.ts";
import { createUsers } from "../helpers/accounts.ts";
import { d1Entries, db } from "../helpers/d1.ts";
import { copied, drainOutboxes, freshKey, objectEntries } from "../helpers/entries.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { expectErrorLog } from "../helpers/console.ts";

/** D1's copy must equal the object's entries, field by field, with nothing missing or doubled. */
async function expectD1MatchesObject(tournamentId: number) {
  const stub = tournamentStub(env, tournamentId);
  const inObject = (await objectEntries(stub)).map(copied);
  const inD1 = (await d1Entries(tournamentId)).map(copied);
  expect(inD1).toEqual(inObject);
  return inObject;
}

describe("the outbox to D1", () => {
  it("converges after the object is evicted in the middle of a sequence", async () => {
    const { stub, tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }, { firingPoints: 1 }] }] });
    const ids = await createUsers(6);
    const eventId = events[0]!.id;
    const register = (userId: number, relayId: number | "any") =>
      tournamentStub(env, tournament.id).register({ userId, eventId, relayId, idempotencyKey: freshKey() });
    const first = await register(ids[0]!, relays[0]!.id);
    await register(ids[1]!, "any");
    await evictDurableObject(stub);
    await register(ids[2]!, "any");
    await register(ids[3]!, relays[1]!.id);
    await register(ids[4]!, "any");
    if (first.outcome === "refused") throw new Error("refused");
    await tournamentStub(env, tournament.id).withdraw({ entryId: first.entry.id, userId: ids[0]! });
    await evictDurableObject(stub);
    await register(ids[5]!, "any");
    await drainOutboxes(tournamentStub(env, tournament.id));
    const entries = await expectD1MatchesObject(tournament.id);
    expect(entries).toHaveLength(6);
    // The fourth waits for relay 2 only, so the withdrawn relay-1 place went to the fifth ("any").
    expect(entries.map((e) => e.status)).toEqual(["withdrawn", "confirmed", "confirmed", "waitlisted", "confirmed", "waitlisted"]);
    expect(entries.filter((e) => e.status === "waitlisted").map((e) => e.waitlistPosition)).toEqual([1, 2]);
  });

  it("keeps changes while D1 refuses them, retries later and loses or doubles nothing", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=entries .*no such table: entries/);
    const { stub, tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }] });
    const ids = await createUsers(4);
    const eventId = events[0]!.id;
    await env.DB.prepare("ALTER TABLE entries RENAME TO entries_offline").run();
    try {
      const placed = [];
      for (const userId of ids) placed.push(await stub.register({ userId, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() }));
      await runDurableObjectAlarm(stub);
      expect(await stub.outboxPending()).toBeGreaterThan(0);
      // The failed try set the alarm again, later than now (back-off), instead of dropping the rows.
      const retryAt = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
      expect(retryAt).not.toBeNull();
      expect(retryAt!).toBeGreaterThan(Date.now());
      const first = placed[0]!;
      if (first.outcome === "refused") throw new Error("refused");
      await stub.withdraw({ entryId: first.entry.id, userId: ids[0]! });
      await runDurableObjectAlarm(stub);
      expect(await stub.outboxPending()).toBeGreaterThan(0);
    } finally {
      await env.DB.prepare("ALTER TABLE entries_offline RENAME TO entries").run();
    }
    expect(await d1Entries(tournament.id)).toEqual([]);
    await drainOutboxes(stub);
    const entries = await expectD1MatchesObject(tournament.id);
    expect(entries.map((e) => e.status)).toEqual(["withdrawn", "confirmed", "confirmed", "waitlisted"]);
    // Running the alarm again is harmless: nothing is pending, D1 is unchanged.
    await runDurableObjectAlarm(stub);
    await expectD1MatchesObject(tournament.id);
    errors.check();
  });

  it("waits for a competitor row D1 does not have yet, then copies everything", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=entries .*FOREIGN KEY constraint failed/);
    const { stub, tournament, events } = await createTournament();
    const [known] = await createUsers(1);
    const missing = known! + 100_000;
    const eventId = events[0]!.id;
    await stub.register({ userId: known!, eventId, relayId: "any", idempotencyKey: freshKey() });
    await stub.register({ userId: missing, eventId, relayId: "any", idempotencyKey: freshKey() });
    await runDurableObjectAlarm(stub);
    expect(await stub.outboxPending()).toBeGreaterThan(0);
    expect(await d1Entries(tournament.id)).toEqual([]);
    await db.insert(users).values({ id: missing, email: `late-${missing}@example.test`, name: "Late Row" }).run();
    await drainOutboxes(stub);
    expect(await expectD1MatchesObject(tournament.id)).toHaveLength(2);
    errors.check();
  });

  it("never lets an older copy of an entry overwrite a newer one in D1", async () => {
    const { stub, tournament, events } = await createTournament();
    const [userId] = await createUsers(1);
    const placed = await stub.register({ userId: userId!, eventId: events[0]!.id, relayId: "any", idempotencyKey: freshKey() });
    if (placed.outcome === "refused") throw new Error("refused");
    await stub.withdraw({ entryId: placed.entry.id, userId: userId! });
    await drainOutboxes(stub);
    const newest = await stub.entry(placed.entry.id);
    expect(newest?.status).toBe("withdrawn");
    // A late duplicate delivery of the first state (as a repeated alarm might send) changes nothing.
    await sendToD1(env.DB, [placed.entry]);
    await sendToD1(env.DB, [newest!]);
    const [row] = await d1Entries(tournament.id);
    expect(row).toMatchObject({ status: "withdrawn", updatedAt: newest!.updatedAt });
  });
});
