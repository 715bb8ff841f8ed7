import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { targetFace } from "../../src/domain/targets/faces.ts";
import { checkAgainstPosition, checkInnerTen, decimalFromPosition } from "../../src/domain/targets/position.ts";
import { db } from "../helpers/d1.ts";
import { bearer, sendJson } from "../helpers/http.ts";
import { enter, scoringState, scoringTournament } from "../helpers/live-scoring.ts";
import { staffOf } from "../helpers/staff.ts";

const rifle = targetFace("air-rifle-10m")!;
const pistol = targetFace("air-pistol-10m")!;

describe("a shot's value from its position", () => {
  it("10 m air rifle (0.5 mm dot, rings 2.5 mm apart, 4.5 mm pellet): the centre 10.9, 2.50 mm out 10.0, 5.00 mm out 9.0", () => {
    expect(decimalFromPosition(rifle, 0, 0)).toBe(109);
    // 10 + (0.25 + 2.25 − 0.25) / 2.5 = 10.9: still 10.9 at a quarter millimetre
    expect(decimalFromPosition(rifle, 0.25, 0)).toBe(109);
    expect(decimalFromPosition(rifle, 1.5, 2)).toBe(100);
    expect(decimalFromPosition(rifle, 0, -5)).toBe(90);
    // 10 + (2.5 − 3.1) / 2.5 = 9.76 → 9.7
    expect(decimalFromPosition(rifle, 3.1, 0)).toBe(97);
    expect(decimalFromPosition(rifle, 30, 0)).toBe(0);
  });

  it("10 m air pistol (ten ring 11.5 mm, rings 8 mm apart): 8.00 mm out is 10.0, 12.00 mm out 9.5", () => {
    expect(decimalFromPosition(pistol, 8, 0)).toBe(100);
    expect(decimalFromPosition(pistol, 0, 12)).toBe(95);
  });

  it("a reported value may be a tenth off its position, not more; an integer only near a ring's edge", () => {
    expect(checkAgainstPosition(rifle, { decimal: 98 }, 3.1, 0).ok).toBe(true);
    const off = checkAgainstPosition(rifle, { decimal: 104 }, 3.1, 0);
    expect(off).toMatchObject({ ok: false, expected: 97 });
    expect(off.ok || off.message).toContain("worth 9.7, not 10.4");
    expect(checkAgainstPosition(pistol, { integer: 9 }, 0, 12).ok).toBe(true);
    expect(checkAgainstPosition(pistol, { integer: 10 }, 0, 12).ok).toBe(false);
    // 8.05 mm out is 9.9: a target rounding to 10 is within a tenth
    expect(checkAgainstPosition(pistol, { integer: 10 }, 8.05, 0).ok).toBe(true);
  });
});

describe("an inner-ten flag against its position", () => {
  it("air rifle: the dot shot out completely, within 2.00 mm (± a quarter millimetre, a tenth of a ring step)", () => {
    expect(checkInnerTen(rifle, true, 1.2, 1.2).ok).toBe(true); // 1.70 mm
    expect(checkInnerTen(rifle, true, 2.2, 0).ok).toBe(true); // the target's call at the edge
    const out = checkInnerTen(rifle, true, 3, 0);
    expect(out.ok || out.message).toBe(
      "A shot at x 3.00 mm, y 0.00 mm (3.00 mm from the centre) is no inner ten (the inner ten reaches 2.00 mm): the inner-ten flag and position disagree",
    );
    expect(checkInnerTen(rifle, false, 0.5, 0).ok).toBe(false);
    expect(checkInnerTen(rifle, false, 1.9, 0).ok).toBe(true);
  });

  it("air pistol: the hole touches the 5 mm inner ring, within 2.50 + 2.25 = 4.75 mm (± 0.8 mm)", () => {
    expect(checkInnerTen(pistol, true, 0, 5.5).ok).toBe(true);
    expect(checkInnerTen(pistol, true, 0, 6).ok).toBe(false);
    expect(checkInnerTen(pistol, false, 3, 0).ok).toBe(false);
    expect(checkInnerTen(pistol, false, 0, 6).ok).toBe(true);
  });
});

describe("an electronic target's feed through the shots API", () => {
  async function feed(discipline = "air-rifle-10m") {
    const w = await scoringTournament([{ discipline }]);
    const { entry } = await enter(w.stub, w.events[0]!, "Ada");
    const organiser = await staffOf(w.tournament.id, "organiser");
    const token = await createApiToken(db, { kind: "scoring", tournamentId: w.tournament.id, userId: organiser.user.id }, "Lane 4");
    const post = async (ops: unknown[]) => {
      const res = await sendJson("POST", `/api/v1/tournaments/${w.tournament.slug}/shots`, { ops }, bearer(token.token));
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: { outcome: string; reason?: string; message: string; sighter?: boolean }[] }).results;
    };
    return { ...w, entry, post };
  }

  it("refuses a value that does not match its position, with the reason, and stores nothing", async () => {
    const { stub, entry, post } = await feed();
    const before = await scoringState(stub);
    const [result] = await post([{ opId: "lane4-1", entryId: entry.id, shotNo: 1, value: 104, x: 3.1, y: 0, enteredAt: 1_800_000_000_000 }]);
    expect(result).toMatchObject({ outcome: "rejected", reason: "position_mismatch" });
    expect(result!.message).toBe("A shot at x 3.10 mm, y 0.00 mm (3.10 mm from the centre) is worth 9.7, not 10.4: value and position disagree by more than a tenth");
    expect(await scoringState(stub)).toEqual(before);
    const [fixed] = await post([{ opId: "lane4-1", entryId: entry.id, shotNo: 1, value: 97, x: 3.1, y: 0, enteredAt: 1_800_000_000_000 }]);
    expect(fixed).toMatchObject({ outcome: "applied" });
  });

  it("records sighters without counting them: the card's total is the match shots' only", async () => {
    const { stub, entry, post } = await feed();
    const results = await post([
      { opId: "s1", entryId: entry.id, shotNo: 1, value: 95, x: 0, y: 3.75, sighter: true },
      { opId: "s1", entryId: entry.id, shotNo: 1, value: 95, x: 0, y: 3.75, sighter: true },
      { opId: "m1", entryId: entry.id, shotNo: 1, value: 104, x: 1.2, y: -0.3 },
    ]);
    expect(results.map((r) => [r.outcome, r.sighter ?? false])).toEqual([
      ["applied", true],
      ["duplicate", true],
      ["applied", false],
    ]);
    const card = await stub.card(entry.id);
    expect(card!.shots.map((s) => [s.shotNo, s.value])).toEqual([[1, 104]]);
    expect(card!.standing!.total).toBe(104);
  });

  it("integer scoring with the decimal beside it: both must fit the position and each other", async () => {
    const { post, entry } = await feed("air-pistol-10m");
    const results = await post([
      { opId: "p1", entryId: entry.id, shotNo: 1, value: 9, decimal: 9.5, x: 0, y: 12 },
      { opId: "p2", entryId: entry.id, shotNo: 2, value: 10, decimal: 9.5, x: 0, y: 12 },
      { opId: "p3", entryId: entry.id, shotNo: 3, value: 10, decimal: 10.8, innerTen: true, x: 0.5, y: 1 },
    ]);
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["applied", undefined],
      ["rejected", "position_mismatch"],
      ["applied", undefined],
    ]);
  });

  it("refuses an inner-ten flag its position contradicts, with the reason; a ten without a flag is not judged", async () => {
    const { post, entry, stub } = await feed("air-pistol-10m");
    const before = await scoringState(stub);
    const refused = await post([
      { opId: "x1", entryId: entry.id, shotNo: 1, value: 10, innerTen: true, x: 0, y: 7 },
      { opId: "x2", entryId: entry.id, shotNo: 1, value: 10, innerTen: false, x: 1, y: 0 },
    ]);
    expect(refused.map((r) => [r.outcome, r.reason])).toEqual([
      ["rejected", "position_mismatch"],
      ["rejected", "position_mismatch"],
    ]);
    expect(refused[0]!.message).toContain("is no inner ten (the inner ten reaches 4.75 mm)");
    expect(refused[1]!.message).toContain("is an inner ten (the inner ten reaches 4.75 mm), but innerTen is false");
    expect(await scoringState(stub)).toEqual(before);
    const applied = await post([
      { opId: "x3", entryId: entry.id, shotNo: 1, value: 10, innerTen: false, x: 0, y: 7 },
      { opId: "x4", entryId: entry.id, shotNo: 2, value: 10, x: 1, y: 0 },
    ]);
    expect(applied.map((r) => r.outcome)).toEqual(["applied", "applied"]);
  });
});
