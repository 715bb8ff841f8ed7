import { describe, expect, it } from "vitest";
import type { Configuration } from "../../src/domain/registration/book.ts";
import { capacityOf, chooseRelay, placesLeft } from "../../src/domain/registration/capacity.ts";
import { configure, markPaid, withdraw } from "../../src/domain/registration/changes.ts";
import { decisionClock } from "../../src/domain/registration/clock.ts";
import { formatEntryId, tournamentOfEntry } from "../../src/domain/registration/entry-id.ts";
import { holdUntil, isHoldDue, placedStatus } from "../../src/domain/registration/holds.ts";
import { MemoryBook } from "../helpers/memory-book.ts";
import { REGISTER_LIMIT, rateVerdict } from "../../src/domain/registration/rate-limit.ts";
import { register } from "../../src/domain/registration/register.ts";
import type { RelayLoad } from "../../src/domain/registration/types.ts";
import { planWaitlist } from "../../src/domain/registration/waitlist.ts";
import { windowRefusal, windowState } from "../../src/domain/registration/window.ts";

const relay = (fields: Partial<RelayLoad> & { id: number }): RelayLoad => ({
  eventId: 1,
  name: `Relay ${fields.id}`,
  startsAt: 0,
  firingPoints: 4,
  reserved: 0,
  active: true,
  confirmed: 0,
  held: 0,
  ...fields,
});

describe("capacity", () => {
  it("is firing points minus reserved places, never negative", () => {
    expect(capacityOf({ firingPoints: 10, reserved: 3 })).toBe(7);
    expect(capacityOf({ firingPoints: 2, reserved: 5 })).toBe(0);
  });

  it("counts held places as taken and never reports negative places after capacity was lowered", () => {
    expect(placesLeft(relay({ id: 1, firingPoints: 5, reserved: 1, confirmed: 2, held: 1 }))).toBe(1);
    expect(placesLeft(relay({ id: 1, firingPoints: 2, confirmed: 4 }))).toBe(0);
    expect(placesLeft(relay({ id: 1, active: false }))).toBe(0);
  });

  it("gives 'any relay' the earliest relay with room, the lower id on a tie", () => {
    const relays = [
      relay({ id: 7, startsAt: 300 }),
      relay({ id: 5, startsAt: 100, confirmed: 4 }),
      relay({ id: 9, startsAt: 200 }),
      relay({ id: 8, startsAt: 200 }),
    ];
    expect(chooseRelay(relays, "any")).toBe(8);
    expect(chooseRelay(relays, 5)).toBeNull();
    expect(chooseRelay(relays, 7)).toBe(7);
    expect(chooseRelay(relays, 99)).toBeNull();
  });
});

describe("the registration window", () => {
  const window = { opensAt: Date.parse("2027-03-01T18:00:00Z"), closesAt: Date.parse("2027-04-01T18:00:00Z") };

  it("opens at the opening millisecond and closes at the closing one", () => {
    expect(windowState(window.opensAt - 1, window)).toBe("upcoming");
    expect(windowState(window.opensAt, window)).toBe("open");
    expect(windowState(window.closesAt - 1, window)).toBe("open");
    expect(windowState(window.closesAt, window)).toBe("closed");
  });

  it("names the times when it refuses", () => {
    expect(windowRefusal(window.opensAt - 1, window)).toEqual({
      reason: "not_open",
      message: "Registration is not open yet: it opens at 2027-03-01T18:00:00.000Z and closes at 2027-04-01T18:00:00.000Z.",
    });
    expect(windowRefusal(window.closesAt, window)).toEqual({ reason: "closed", message: "Registration closed at 2027-04-01T18:00:00.000Z." });
    expect(windowRefusal(window.opensAt, window)).toBeNull();
  });
});

describe("the waitlist plan", () => {
  it("promotes in sequence order whoever fits and renumbers only those whose position changed", () => {
    const relays = [relay({ id: 1, firingPoints: 2, confirmed: 1 }), relay({ id: 2, firingPoints: 1, confirmed: 1 })];
    const plan = planWaitlist(relays, [
      { id: "c", relayId: null, seq: 30, waitlistPosition: 3 },
      { id: "a", relayId: 2, seq: 10, waitlistPosition: 1 },
      { id: "b", relayId: null, seq: 20, waitlistPosition: 2 },
      { id: "d", relayId: 1, seq: 40, waitlistPosition: 4 },
    ]);
    expect(plan.promotions).toEqual([{ entryId: "b", relayId: 1 }]);
    expect(plan.positions).toEqual([
      { entryId: "c", position: 2 },
      { entryId: "d", position: 3 },
    ]);
  });
});

describe("rate limit, holds and entry ids", () => {
  it("refuses the 21st counted attempt within a minute and says when to retry", () => {
    const now = 1_000_000;
    const nineteen = Array.from({ length: 19 }, (_, i) => now - 50_000 + i);
    expect(rateVerdict(nineteen, now)).toEqual({ limited: false });
    const twenty = [now - 59_000, ...nineteen];
    expect(rateVerdict(twenty, now)).toEqual({ limited: true, retryAfterMs: 1_000 });
    expect(rateVerdict([now - REGISTER_LIMIT.windowMs, ...nineteen], now)).toEqual({ limited: false });
  });

  it("holds entries only when there is a fee", () => {
    expect(placedStatus(0)).toBe("confirmed");
    expect(placedStatus(30)).toBe("held");
    expect(holdUntil(1000, 30)).toBe(1000 + 30 * 60_000);
    expect(holdUntil(1000, 0)).toBeNull();
    expect(isHoldDue({ status: "held", holdUntil: 5 }, 5)).toBe(true);
    expect(isHoldDue({ status: "held", holdUntil: 6 }, 5)).toBe(false);
    expect(isHoldDue({ status: "confirmed", holdUntil: 1 }, 5)).toBe(false);
  });

  it("carries the tournament in the entry id", () => {
    expect(tournamentOfEntry(formatEntryId(42, "AbC-dEf_123"))).toBe(42);
    for (const bad of ["42", "x-abcdefgh", "0-abcdefgh", "42-short", "42-abc/defgh", "-1-abcdefgh"]) expect(tournamentOfEntry(bad)).toBeNull();
  });
});

describe("the rules over a book", () => {
  const base = Date.parse("2027-03-10T12:00:00Z");
  const config = (fields: Partial<Configuration["settings"]> = {}, firingPoints = 1): Configuration => ({
    settings: { tournamentId: 3, revision: 1, opensAt: base - 1000, closesAt: base + 86_400_000, holdMinutes: 0, ...fields },
    events: [{ id: 1, title: "Air Rifle", discipline: "10m-air-rifle" }],
    relays: [{ id: 10, eventId: 1, name: "Relay 1", startsAt: base, firingPoints, reserved: 0 }],
  });
  let stamp = 0;
  const at = (now: number) => decisionClock(now, (n) => (stamp = Math.max(n, stamp + 1)));
  const ask = (userId: number, key = `k${userId}`) => ({ userId, eventId: 1, relay: 10 as const, idempotencyKey: key, idSuffix: `id${userId}${key}` });

  it("lets a due hold lapse in the very decision that needs the place, even before the alarm ran", () => {
    const book = new MemoryBook();
    configure(book, config({ holdMinutes: 10 }), at(base));
    const held = register(book, ask(1), at(base));
    expect(held).toMatchObject({ outcome: "held", entry: { holdUntil: base + 600_000 } });
    expect(register(book, ask(2), at(base + 599_999))).toMatchObject({ outcome: "waitlisted", entry: { waitlistPosition: 1 } });
    // At the lapse the waiting entry takes the place first; the newcomer waits.
    expect(register(book, ask(3), at(base + 600_000))).toMatchObject({ outcome: "waitlisted", entry: { waitlistPosition: 1 } });
    expect(book.entries().map((e) => [e.userId, e.status])).toEqual([
      [1, "expired"],
      [2, "held"],
      [3, "waitlisted"],
    ]);
    expect(markPaid(book, { entryId: book.entries()[0]!.id }, at(base + 600_001))).toMatchObject({ outcome: "refused", reason: "hold_expired" });
    expect(markPaid(book, { entryId: book.entries()[1]!.id }, at(base + 600_001))).toMatchObject({ outcome: "changed", entry: { status: "confirmed" } });
  });

  it("stops taking entries on a relay left out of the configuration but keeps its entries", () => {
    const book = new MemoryBook();
    configure(book, config({}, 3), at(base));
    register(book, ask(1), at(base));
    const next = config({ revision: 2 }, 3);
    configure(book, { ...next, relays: [{ ...next.relays[0]!, id: 11 }] }, at(base + 1));
    expect(register(book, ask(2), at(base + 2))).toMatchObject({ outcome: "refused", reason: "unknown_relay" });
    expect(book.entries()).toMatchObject([{ userId: 1, relayId: 10, status: "confirmed" }]);
  });

  it("refuses a malformed configuration instead of storing it", () => {
    const book = new MemoryBook();
    const bad = config();
    expect(() => configure(book, { ...bad, relays: [{ ...bad.relays[0]!, eventId: 99 }] }, at(base))).toThrow(/event 99/);
    expect(book.settings()).toBeNull();
    expect(register(book, ask(1), at(base))).toMatchObject({ outcome: "refused", reason: "not_configured" });
  });

  it("stamps every decision later than every earlier one, even within one millisecond", () => {
    const book = new MemoryBook();
    configure(book, config({}, 1), at(base));
    const first = register(book, ask(1), at(base));
    const second = register(book, ask(2), at(base));
    if (first.outcome === "refused" || second.outcome === "refused") throw new Error("refused");
    expect(second.entry.updatedAt).toBeGreaterThan(first.entry.updatedAt);
    withdraw(book, { entryId: first.entry.id, userId: 1 }, at(base));
    // The withdrawal and the promotion it caused are one decision: one stamp, later than both.
    const stamps = book.entries().map((e) => e.updatedAt);
    expect(new Set(stamps).size).toBe(1);
    expect(stamps[0]).toBeGreaterThan(second.entry.updatedAt);
  });
});
