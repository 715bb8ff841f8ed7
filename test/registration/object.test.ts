import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { tournamentStub } from "../helpers/object.ts";
import { configurationOf } from "../../src/object-client/configuration.ts";
import { createUsers } from "../helpers/accounts.ts";
import { drainOutboxes, freshKey, objectEntries } from "../helpers/entries.ts";
import { createTournament } from "../helpers/tournaments.ts";

describe("the tournament object", () => {
  it("confirms while places last, then waitlists with positions", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }] });
    const [a, b, c, d] = await createUsers(4);
    const eventId = events[0]!.id;
    const relayId = relays[0]!.id;
    const results = [];
    for (const userId of [a!, b!, c!, d!]) {
      results.push(await stub.register({ userId, eventId, relayId, idempotencyKey: freshKey() }));
    }
    expect(results.map((r) => r.outcome)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    const waiting = results.slice(2).map((r) => (r.outcome === "waitlisted" ? r.entry.waitlistPosition : null));
    expect(waiting).toEqual([1, 2]);
    const snapshot = await stub.snapshot();
    expect(snapshot.events[0]).toMatchObject({ waitlisted: 2, relays: [{ capacity: 2, confirmed: 2, placesLeft: 0, waitlisted: 2 }] });
  });

  it("returns the first answer for a repeated idempotency key and makes no second entry", async () => {
    const { stub, events, relays } = await createTournament();
    const [userId] = await createUsers(1);
    const request = { userId: userId!, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey: freshKey() };
    const [first, second] = await Promise.all([stub.register(request), stub.register(request)]);
    const third = await stub.register(request);
    expect(first?.outcome).toBe("confirmed");
    expect([first?.replayed, second?.replayed, third.replayed]).toEqual([false, true, true]);
    if (first?.outcome !== "confirmed" || second?.outcome !== "confirmed" || third.outcome !== "confirmed") throw new Error("expected confirmations");
    expect(second.entry).toEqual(first.entry);
    expect(third.entry).toEqual(first.entry);
    expect(await objectEntries(stub)).toHaveLength(1);
  });

  it("refuses a second entry in the same event under a new key (a refresh that made a new form)", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 3 }, { firingPoints: 3 }] }] });
    const [userId] = await createUsers(1);
    const eventId = events[0]!.id;
    await stub.register({ userId: userId!, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    const again = await stub.register({ userId: userId!, eventId, relayId: relays[1]!.id, idempotencyKey: freshKey() });
    expect(again).toMatchObject({ outcome: "refused", reason: "already_entered", replayed: false });
    expect(await objectEntries(stub)).toHaveLength(1);
  });

  it("refuses a key reused for a different registration", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 3 }] }, { relays: [{ firingPoints: 3 }] }] });
    const [userId] = await createUsers(1);
    const key = freshKey();
    await stub.register({ userId: userId!, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey: key });
    const other = await stub.register({ userId: userId!, eventId: events[1]!.id, relayId: relays[1]!.id, idempotencyKey: key });
    expect(other).toMatchObject({ outcome: "refused", reason: "idempotency_key_reused" });
    expect(await objectEntries(stub)).toHaveLength(1);
  });

  it("gives a withdrawn place to the first waiting entry that fits, in the same decision", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }, { firingPoints: 1 }] }] });
    const [a, b, c, d] = await createUsers(4);
    const eventId = events[0]!.id;
    const [r1, r2] = [relays[0]!.id, relays[1]!.id];
    const placedA = await stub.register({ userId: a!, eventId, relayId: r1, idempotencyKey: freshKey() });
    await stub.register({ userId: b!, eventId, relayId: r2, idempotencyKey: freshKey() });
    const waitsForR2 = await stub.register({ userId: c!, eventId, relayId: r2, idempotencyKey: freshKey() });
    const waitsForAny = await stub.register({ userId: d!, eventId, relayId: "any", idempotencyKey: freshKey() });
    expect([waitsForR2.outcome, waitsForAny.outcome]).toEqual(["waitlisted", "waitlisted"]);
    if (placedA.outcome !== "confirmed" || waitsForAny.outcome !== "waitlisted") throw new Error("unexpected setup");
    // Relay 1 frees up: c waits for relay 2 only, so d ("any") is the first that fits although c came first.
    const withdrawn = await stub.withdraw({ entryId: placedA.entry.id, userId: a! });
    expect(withdrawn).toMatchObject({ outcome: "changed", entry: { status: "withdrawn" } });
    if (withdrawn.outcome === "refused") throw new Error("withdraw refused");
    expect(withdrawn.promoted.map((e) => [e.userId, e.relayId, e.status])).toEqual([[d!, r1, "confirmed"]]);
    expect(await stub.entry(waitsForAny.entry.id)).toMatchObject({ status: "confirmed", relayId: r1, waitlistPosition: null });
    const mine = await stub.entriesOf(c!);
    expect(mine).toMatchObject([{ status: "waitlisted", relayId: r2, waitlistPosition: 1 }]);
  });

  it("only lets the owner withdraw, and withdrawing twice changes nothing", async () => {
    const { stub, events, relays } = await createTournament();
    const [owner, other] = await createUsers(2);
    const placed = await stub.register({ userId: owner!, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    if (placed.outcome === "refused") throw new Error("refused");
    expect(await stub.withdraw({ entryId: placed.entry.id, userId: other! })).toMatchObject({ outcome: "refused", reason: "not_found" });
    expect(await stub.entry(placed.entry.id)).toMatchObject({ status: "confirmed" });
    await stub.withdraw({ entryId: placed.entry.id, userId: owner! });
    const before = await stub.entry(placed.entry.id);
    expect(await stub.withdraw({ entryId: placed.entry.id, userId: owner! })).toMatchObject({ outcome: "unchanged" });
    expect(await stub.entry(placed.entry.id)).toEqual(before);
  });

  it("lets an organiser remove an entry with a reason and promotes the waitlist", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const [a, b] = await createUsers(2);
    const eventId = events[0]!.id;
    const placed = await stub.register({ userId: a!, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    await stub.register({ userId: b!, eventId, relayId: "any", idempotencyKey: freshKey() });
    if (placed.outcome === "refused") throw new Error("refused");
    const removed = await stub.remove({ entryId: placed.entry.id, byUserId: b!, reason: "Did not pay" });
    expect(removed).toMatchObject({ outcome: "changed", entry: { status: "removed", note: "Did not pay" }, promoted: [{ userId: b!, status: "confirmed" }] });
  });

  it("keeps reserved places out of normal registration", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 3, reserved: 2 }] }] });
    const [a, b] = await createUsers(2);
    const eventId = events[0]!.id;
    const first = await stub.register({ userId: a!, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    const second = await stub.register({ userId: b!, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    expect([first.outcome, second.outcome]).toEqual(["confirmed", "waitlisted"]);
    expect((await stub.snapshot()).events[0]?.relays[0]).toMatchObject({ firingPoints: 3, reserved: 2, capacity: 1, placesLeft: 0 });
  });

  it("refuses before the window opens and after it closes, naming the times", async () => {
    const opensAt = Date.now() + 3_600_000;
    const early = await createTournament({ registrationOpensAt: opensAt, registrationClosesAt: opensAt + 3_600_000 });
    const late = await createTournament({ registrationOpensAt: Date.now() - 7_200_000, registrationClosesAt: Date.now() - 3_600_000 });
    const [userId] = await createUsers(1);
    const tooEarly = await early.stub.register({ userId: userId!, eventId: early.events[0]!.id, relayId: "any", idempotencyKey: freshKey() });
    const tooLate = await late.stub.register({ userId: userId!, eventId: late.events[0]!.id, relayId: "any", idempotencyKey: freshKey() });
    expect(tooEarly).toMatchObject({ outcome: "refused", reason: "not_open" });
    expect(tooEarly.outcome === "refused" && tooEarly.message).toContain(new Date(opensAt).toISOString());
    expect(tooLate).toMatchObject({ outcome: "refused", reason: "closed" });
    expect(tooLate.outcome === "refused" && tooLate.message).toContain(new Date(late.tournament.registrationClosesAt).toISOString());
    expect(await objectEntries(early.stub)).toHaveLength(0);
    expect(await objectEntries(late.stub)).toHaveLength(0);
  });

  it("never drops a confirmed entry when capacity is lowered, and fills raised capacity from the waitlist", async () => {
    const { stub, tournament, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 3 }] }] });
    const ids = await createUsers(5);
    const eventId = events[0]!.id;
    const relay = relays[0]!;
    for (const userId of ids) await stub.register({ userId, eventId, relayId: relay.id, idempotencyKey: freshKey() });
    const config = (firingPoints: number, revision: number) => ({
      tournamentId: tournament.id,
      revision,
      registrationOpensAt: tournament.registrationOpensAt,
      registrationClosesAt: tournament.registrationClosesAt,
      holdMinutes: 0,
      events: [{ id: eventId, title: events[0]!.title, discipline: events[0]!.discipline }],
      relays: [{ id: relay.id, eventId, name: relay.name, startsAt: relay.startsAt, firingPoints, reserved: 0 }],
    });
    expect(await stub.configure(config(1, 2))).toEqual({ applied: true, revision: 2, promoted: 0 });
    let counts = (await stub.snapshot()).events[0]!;
    expect(counts.relays[0]).toMatchObject({ capacity: 1, confirmed: 3, placesLeft: 0 });
    // With one confirmed entry gone there are still two above the new capacity: nobody moves up.
    const entries = await objectEntries(stub);
    await stub.withdraw({ entryId: entries[0]!.id, userId: entries[0]!.userId });
    counts = (await stub.snapshot()).events[0]!;
    expect(counts).toMatchObject({ waitlisted: 2, relays: [{ confirmed: 2, placesLeft: 0 }] });
    // An older revision is ignored; a newer one with more places promotes in sequence order.
    expect(await stub.configure(config(10, 1))).toEqual({ applied: false, revision: 2, promoted: 0 });
    expect(await stub.configure(config(3, 3))).toEqual({ applied: true, revision: 3, promoted: 1 });
    const after = await objectEntries(stub);
    expect(after.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ["withdrawn", null],
      ["confirmed", null],
      ["confirmed", null],
      ["confirmed", null],
      ["waitlisted", 1],
    ]);
  });

  it("holds entries until paid and lets unpaid holds lapse by alarm, promoting the waitlist", async () => {
    const { stub, tournament, events, relays } = await createTournament({ entryFeeCents: 2500, events: [{ relays: [{ firingPoints: 1 }] }] });
    // A hold of 0.002 minutes (120 ms) lets the test see a real lapse without mocking the object's clock.
    const config = configurationOf(tournament, events, relays);
    expect(config?.holdMinutes).toBeGreaterThan(0);
    await stub.configure({ ...config!, revision: config!.revision + 1, holdMinutes: 0.002 });
    const [a, b, c] = await createUsers(3);
    const eventId = events[0]!.id;
    const held = await stub.register({ userId: a!, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    const waiting = await stub.register({ userId: b!, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    expect(held).toMatchObject({ outcome: "held", entry: { status: "held" } });
    expect(waiting.outcome).toBe("waitlisted");
    if (held.outcome === "refused" || waiting.outcome === "refused") throw new Error("refused");
    const alarmAt = await runInDurableObject(stub, (_obj, state) => state.storage.getAlarm());
    expect(alarmAt).not.toBeNull();
    await scheduler.wait(150);
    await runDurableObjectAlarm(stub);
    expect(await stub.entry(held.entry.id)).toMatchObject({ status: "expired" });
    expect(await stub.entry(waiting.entry.id)).toMatchObject({ status: "held", relayId: relays[0]!.id });
    expect(await stub.markPaid(held.entry.id)).toMatchObject({ outcome: "refused", reason: "hold_expired" });
    expect(await stub.markPaid(waiting.entry.id)).toMatchObject({ outcome: "changed", entry: { status: "confirmed", holdUntil: null } });
    const late = await stub.register({ userId: c!, eventId, relayId: "any", idempotencyKey: freshKey() });
    expect(late.outcome).toBe("waitlisted");
  });

  it("limits register attempts per competitor, not counting replays", async () => {
    const { stub, events } = await createTournament();
    const [userId, other] = await createUsers(2);
    const eventId = events[0]!.id;
    const replayed = { userId: userId!, eventId, relayId: "any" as const, idempotencyKey: freshKey() };
    await stub.register(replayed);
    for (let i = 0; i < 19; i++) await stub.register({ userId: userId!, eventId, relayId: "any", idempotencyKey: freshKey() });
    expect(await stub.register(replayed)).toMatchObject({ replayed: true, outcome: "confirmed" });
    const limited = await stub.register({ userId: userId!, eventId, relayId: "any", idempotencyKey: freshKey() });
    expect(limited).toMatchObject({ outcome: "refused", reason: "rate_limited" });
    expect(limited.outcome === "refused" && limited.retryAfterMs).toBeGreaterThan(0);
    expect(await stub.register({ userId: other!, eventId, relayId: "any", idempotencyKey: freshKey() })).toMatchObject({ outcome: "confirmed" });
  });

  it("reports changes after a time, never splitting one decision across pages", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 1 }] }] });
    const ids = await createUsers(4);
    const eventId = events[0]!.id;
    for (const userId of ids) await stub.register({ userId, eventId, relayId: relays[0]!.id, idempotencyKey: freshKey() });
    const all = await stub.changesSince(0);
    expect(all).toMatchObject({ more: false });
    expect(all.entries).toHaveLength(4);
    const first = all.entries[0]!;
    // The withdrawal promotes the first waiting entry and renumbers the rest: one decision, one updatedAt.
    await stub.withdraw({ entryId: first.id, userId: first.userId });
    const changed = await stub.changesSince(all.through, 1);
    expect(changed.entries.length).toBe(4);
    expect(new Set(changed.entries.map((e) => e.updatedAt)).size).toBe(1);
    expect(changed.more).toBe(false);
    expect((await stub.changesSince(changed.through)).entries).toEqual([]);
  });

  it("survives being evicted: a fresh instance answers from storage", async () => {
    const { stub, tournament, events } = await createTournament();
    const [userId] = await createUsers(1);
    const request = { userId: userId!, eventId: events[0]!.id, relayId: "any" as const, idempotencyKey: freshKey() };
    const first = await stub.register(request);
    await evictDurableObject(stub);
    const again = await tournamentStub(env, tournament.id).register(request);
    expect(again).toMatchObject({ replayed: true, outcome: first.outcome });
    await drainOutboxes(stub);
  });
});
