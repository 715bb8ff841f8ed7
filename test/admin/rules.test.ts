import { describe, expect, it } from "vitest";
import { csvCell, csvFile } from "../../src/lib/csv.ts";
import type { Configuration } from "../../src/domain/registration/book.ts";
import { configure, remove, withdraw } from "../../src/domain/registration/changes.ts";
import { decisionClock } from "../../src/domain/registration/clock.ts";
import { assignFiringPoint, lowestFreePoint } from "../../src/domain/registration/firing-points.ts";
import { MemoryBook } from "../helpers/memory-book.ts";
import { addWalkUp, checkIn, moveEntry } from "../../src/domain/registration/organiser.ts";
import { register } from "../../src/domain/registration/register.ts";

const base = Date.parse("2027-03-10T12:00:00Z");
let stamp = 0;
const at = (now: number) => decisionClock(now, (n) => (stamp = Math.max(n, stamp + 1)));

function book(relays: { id: number; firingPoints: number; reserved?: number }[], fields: Partial<Configuration["settings"]> = {}) {
  const b = new MemoryBook();
  configure(
    b,
    {
      settings: { tournamentId: 7, revision: 1, opensAt: base - 1000, closesAt: base + 86_400_000, holdMinutes: 0, ...fields },
      events: [{ id: 1, title: "Air Rifle", discipline: "air-rifle-10m" }],
      relays: relays.map((r, i) => ({ id: r.id, eventId: 1, name: `Relay ${i + 1}`, startsAt: base + i * 3_600_000, firingPoints: r.firingPoints, reserved: r.reserved ?? 0 })),
    },
    at(base),
  );
  return b;
}

let keys = 0;
function enter(b: MemoryBook, userId: number, relay: number | "any" = 10, now = base) {
  const out = register(b, { userId, eventId: 1, relay, idempotencyKey: `k${++keys}`, idSuffix: `suffix${keys}xx` }, at(now));
  if (out.outcome === "refused") throw new Error(out.message);
  return out.entry;
}

describe("firing points", () => {
  it("are the lowest free point at placement, stay put when others leave, and go to whoever is promoted", () => {
    expect(lowestFreePoint([1, 2, 4], 5)).toBe(3);
    expect(lowestFreePoint([1, 2], 2)).toBeNull();
    const b = book([{ id: 10, firingPoints: 3 }]);
    const [a, c, d] = [enter(b, 1), enter(b, 2), enter(b, 3)];
    expect([a.firingPoint, c.firingPoint, d.firingPoint]).toEqual([1, 2, 3]);
    const waiting = enter(b, 4);
    expect(waiting).toMatchObject({ status: "waitlisted", firingPoint: null });
    const out = withdraw(b, { entryId: c.id, userId: 2 }, at(base + 1));
    expect(out.outcome === "changed" && out.promoted.map((e) => [e.userId, e.firingPoint])).toEqual([[4, 2]]);
    expect(b.entry(d.id)?.firingPoint).toBe(3);
  });

  it("can be changed to a free point, never to a taken one or one the relay lacks", () => {
    const b = book([{ id: 10, firingPoints: 4 }]);
    const [a, c] = [enter(b, 1), enter(b, 2)];
    expect(assignFiringPoint(b, { entryId: a.id, point: 2 }, at(base))).toMatchObject({ outcome: "refused", reason: "point_taken" });
    expect(assignFiringPoint(b, { entryId: a.id, point: 5 }, at(base))).toMatchObject({ outcome: "refused", reason: "point_out_of_range" });
    expect(assignFiringPoint(b, { entryId: a.id, point: 4 }, at(base))).toMatchObject({ outcome: "changed", entry: { firingPoint: 4 } });
    expect(assignFiringPoint(b, { entryId: a.id, point: 4 }, at(base))).toMatchObject({ outcome: "unchanged" });
    // Point 1 is free again and goes to the next placement.
    expect(enter(b, 3).firingPoint).toBe(1);
    expect(b.entry(c.id)?.firingPoint).toBe(2);
  });
});

describe("moving an entry", () => {
  it("moves to a relay with a free point, reserved ones included, and gives the place left to the waitlist", () => {
    const b = book([
      { id: 10, firingPoints: 1 },
      { id: 11, firingPoints: 2, reserved: 2 },
    ]);
    const placed = enter(b, 1, 10);
    const waiting = enter(b, 2, 10);
    const out = moveEntry(b, { entryId: placed.id, relayId: 11 }, at(base + 1));
    expect(out).toMatchObject({ outcome: "changed", entry: { relayId: 11, status: "confirmed", firingPoint: 1 } });
    expect(out.outcome === "changed" && out.promoted.map((e) => [e.id, e.relayId, e.status])).toEqual([[waiting.id, 10, "confirmed"]]);
    expect(moveEntry(b, { entryId: placed.id, relayId: 11 }, at(base + 2))).toMatchObject({ outcome: "unchanged" });
  });

  it("refuses a full relay, a relay of nothing it knows, and an entry that left", () => {
    const b = book([
      { id: 10, firingPoints: 1 },
      { id: 11, firingPoints: 1 },
    ]);
    const a = enter(b, 1, 10);
    enter(b, 2, 11);
    expect(moveEntry(b, { entryId: a.id, relayId: 11 }, at(base))).toMatchObject({ outcome: "refused", reason: "relay_full" });
    expect(moveEntry(b, { entryId: a.id, relayId: 99 }, at(base))).toMatchObject({ outcome: "refused", reason: "unknown_relay" });
    remove(b, { entryId: a.id, reason: "no show" }, at(base));
    expect(moveEntry(b, { entryId: a.id, relayId: 11 }, at(base))).toMatchObject({ outcome: "refused", reason: "not_active" });
  });

  it("places a waitlisted entry it moves and renumbers the rest of the waitlist", () => {
    const b = book([
      { id: 10, firingPoints: 1 },
      { id: 11, firingPoints: 2, reserved: 2 },
    ]);
    enter(b, 1, 10);
    const first = enter(b, 2, 10);
    const second = enter(b, 3, 10);
    expect(moveEntry(b, { entryId: second.id, relayId: 11 }, at(base))).toMatchObject({ outcome: "changed", entry: { status: "confirmed", relayId: 11, waitlistPosition: null } });
    expect(b.entry(first.id)).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
  });
});

describe("walk-up entries", () => {
  const walkUp = (b: MemoryBook, userId: number, relayId: number, key: string, now = base) =>
    addWalkUp(b, { userId, eventId: 1, relayId, byUserId: 99, idempotencyKey: key, idSuffix: `walk${key}xxxx` }, at(now));

  it("takes a reserved place after the window closed, confirmed at once; the same key replays", () => {
    const b = book([{ id: 10, firingPoints: 2, reserved: 1 }], { holdMinutes: 30 });
    enter(b, 1, 10);
    expect(enter(b, 2, 10).status).toBe("waitlisted");
    const late = base + 2 * 86_400_000;
    const out = walkUp(b, 3, 10, "form-1", late);
    expect(out).toMatchObject({ outcome: "confirmed", replayed: false, entry: { status: "confirmed", relayId: 10, firingPoint: 2, holdUntil: null } });
    expect(walkUp(b, 3, 10, "form-1", late)).toMatchObject({ outcome: "confirmed", replayed: true });
    expect(b.entries().filter((e) => e.userId === 3)).toHaveLength(1);
    expect(walkUp(b, 4, 10, "form-2", late)).toMatchObject({ outcome: "refused", reason: "relay_full" });
    expect(walkUp(b, 2, 10, "form-3", late)).toMatchObject({ outcome: "refused", reason: "already_entered" });
  });
});

describe("check-in", () => {
  it("checks in competitors with a place, undoes, and refuses the waitlisted", () => {
    const b = book([{ id: 10, firingPoints: 1 }]);
    const placed = enter(b, 1);
    const waiting = enter(b, 2);
    expect(checkIn(b, { entryId: placed.id, checkedIn: true }, at(base + 5))).toMatchObject({ outcome: "changed", entry: { checkedInAt: base + 5 } });
    expect(checkIn(b, { entryId: placed.id, checkedIn: true }, at(base + 6))).toMatchObject({ outcome: "unchanged", entry: { checkedInAt: base + 5 } });
    expect(checkIn(b, { entryId: placed.id, checkedIn: false }, at(base + 7))).toMatchObject({ outcome: "changed", entry: { checkedInAt: null } });
    expect(checkIn(b, { entryId: waiting.id, checkedIn: true }, at(base + 8))).toMatchObject({ outcome: "refused", reason: "no_place" });
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and keeps formulas as text", () => {
    expect(csvCell('Anna "Ace" Berger')).toBe('"Anna ""Ace"" Berger"');
    expect(csvCell("Club, Inc.")).toBe('"Club, Inc."');
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+49 123")).toBe('"\'+49 123"');
    expect(csvCell("-1")).toBe('"\'-1"');
    expect(csvCell("@SUM(A1)")).toBe('"\'@SUM(A1)"');
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(null)).toBe("");
    expect(csvFile(["a", "b"], [["x", 1]])).toBe("\uFEFFa,b\r\nx,1\r\n");
  });
});
