import { describe, expect, it } from "vitest";
import type * as Rules from "../../../src/domain/scoring/index.ts";
import type { CardState, ShotOperation, ShotSlot } from "../../../src/domain/scoring/operations.ts";
import type { Discipline } from "../../../src/domain/scoring/disciplines.ts";
import { applyOperationsWith } from "../../helpers/shot-operations.ts";
import { pistol, rifle, trap } from "../fixtures.ts";

/** The rulebook cases of test/scoring/operations.test.ts, for any build of src/domain/scoring (the source, or the browser bundle). */
export function operationCases(rules: typeof Rules): void {
  const { applyOperation, nextCard, recordsOpId, shotsOf, cardTotals } = rules;
  const applyOperations = (d: Discipline, card: CardState, ops: Iterable<ShotOperation>) => applyOperationsWith(rules, d, card, ops);

  function emptyCard(entryId = "e1"): CardState {
    return { entryId, slots: new Map(), appliedOpIds: new Set() };
  }

  /** A card holding the given slots (shot number → slot), their opIds already recorded. */
  function cardWith(slots: Record<number, ShotSlot>, entryId = "e1"): CardState {
    const entries = Object.entries(slots).map(([shotNo, slot]) => [Number(shotNo), slot] as const);
    return { entryId, slots: new Map(entries), appliedOpIds: new Set(entries.map(([, s]) => s.opId)) };
  }

  let seq = 0;
  function op(shotNo: number, value: number | null, extra: Partial<ShotOperation> = {}): ShotOperation {
    seq += 1;
    return { opId: `op-${seq}`, entryId: "e1", shotNo, value, enteredAt: 1_700_000_000_000 + seq, ...extra };
  }

  describe("applying a shot to an empty slot", () => {
    it("applies shot 1 = 10.4 and the card then holds it under that opId", () => {
      const card = emptyCard();
      const o = op(1, 104, { deviceId: "tablet-3", deviceSeq: 7, x: -12, y: 30 });
      const result = applyOperation(rifle, card, o);
      expect(result).toEqual({
        opId: o.opId,
        entryId: "e1",
        shotNo: 1,
        outcome: "applied",
        slot: { value: 104, innerTen: false, opId: o.opId },
        correction: null,
        message: "Shot 1: 10.4",
      });
      const next = nextCard(card, result);
      expect(next.slots.get(1)).toEqual({ value: 104, innerTen: false, opId: o.opId });
      expect(next.appliedOpIds.has(o.opId)).toBe(true);
      expect(card.slots.size).toBe(0); // the input card is not changed
    });

    it("accepts shots out of order: shot 5 before shot 3, both counted", () => {
      const { card, results } = applyOperations(rifle, emptyCard(), [op(5, 101), op(3, 99)]);
      expect(results.map((r) => [r.shotNo, r.outcome])).toEqual([
        [5, "applied"],
        [3, "applied"],
      ]);
      const totals = cardTotals(rifle, shotsOf(card));
      expect(totals.total).toBe(200); // 10.1 + 9.9
      expect(totals.shotsFired).toBe(2);
      expect(totals.lastShotNo).toBe(5);
    });

    it("keeps an inner ten: pistol shot 4 = 10*", () => {
      const result = applyOperation(pistol, emptyCard(), op(4, 10, { innerTen: true }));
      expect(result.outcome === "applied" && result.slot).toEqual(expect.objectContaining({ value: 10, innerTen: true }));
    });
  });

  describe("a known opId", () => {
    it("is a duplicate and changes nothing, even when its value differs", () => {
      const first = op(2, 98);
      const { card } = applyOperations(rifle, emptyCard(), [first]);
      const resent = { ...first, value: 105 };
      const result = applyOperation(rifle, card, resent);
      expect(result).toMatchObject({ outcome: "duplicate", why: "known_op", opId: first.opId });
      expect(nextCard(card, result)).toBe(card);
      expect(card.slots.get(2)?.value).toBe(98);
    });

    it("is a duplicate when the same batch carries it twice", () => {
      const o = op(1, 100);
      const { card, results } = applyOperations(rifle, emptyCard(), [o, o]);
      expect(results.map((r) => r.outcome)).toEqual(["applied", "duplicate"]);
      expect(card.slots.size).toBe(1);
    });
  });

  describe("a new opId for an occupied slot", () => {
    const standing: ShotSlot = { value: 95, innerTen: false, opId: "first" };

    it("with the same value is a no-op (same_value), recorded so a resend is a known-op duplicate", () => {
      const card = cardWith({ 3: standing });
      const o = op(3, 95);
      const result = applyOperation(rifle, card, o);
      expect(result).toMatchObject({ outcome: "duplicate", why: "same_value", message: "Shot 3 already holds 9.5" });
      const next = nextCard(card, result);
      expect(next.slots.get(3)).toEqual(standing);
      expect(applyOperation(rifle, next, o)).toMatchObject({ outcome: "duplicate", why: "known_op" });
    });

    it("with a different value is a conflict: the first value (9.5) stands, 9.8 is kept with both opIds", () => {
      const card = cardWith({ 3: standing });
      const o = op(3, 98);
      const result = applyOperation(rifle, card, o);
      expect(result).toMatchObject({
        outcome: "conflict",
        conflict: { shotNo: 3, standing, incoming: { value: 98, innerTen: false, opId: o.opId } },
        message: "Shot 3 already holds 9.5; 9.8 is kept as a conflict for the organiser",
      });
      const next = nextCard(card, result);
      expect(next.slots.get(3)).toEqual(standing);
      expect(recordsOpId(result)).toBe(true);
      expect(applyOperation(rifle, next, o)).toMatchObject({ outcome: "duplicate", why: "known_op" });
    });

    it("a 10 against a 10* is a conflict too: the inner ten is part of the value", () => {
      const card = cardWith({ 1: { value: 10, innerTen: true, opId: "first" } });
      expect(applyOperation(pistol, card, op(1, 10)).outcome).toBe("conflict");
    });
  });

  describe("corrections", () => {
    const standing: ShotSlot = { value: 95, innerTen: false, opId: "first" };

    it("naming the current value with a reason replaces it and returns the audit record", () => {
      const card = cardWith({ 3: standing });
      const o = op(3, 98, { replaces: { value: 95 }, reason: "  target re-scored  " });
      const result = applyOperation(rifle, card, o);
      expect(result).toMatchObject({
        outcome: "applied",
        slot: { value: 98, innerTen: false, opId: o.opId },
        correction: { opId: o.opId, shotNo: 3, from: standing, to: { value: 98, innerTen: false }, reason: "target re-scored" },
        message: "Shot 3 corrected from 9.5 to 9.8",
      });
      expect(nextCard(card, result).slots.get(3)?.value).toBe(98);
    });

    it("resolves a conflict: the organiser corrects 9.5 to the conflicting 9.8", () => {
      const { card, results } = applyOperations(rifle, cardWith({ 3: standing }), [
        op(3, 98),
        op(3, 98, { replaces: { value: 95 }, reason: "conflict resolved: paper target shows 9.8" }),
      ]);
      expect(results.map((r) => r.outcome)).toEqual(["conflict", "applied"]);
      expect(card.slots.get(3)?.value).toBe(98);
    });

    it("with value null clears the slot (undo of an entry), then the shot can be entered again", () => {
      const { card, results } = applyOperations(rifle, cardWith({ 3: standing }), [
        op(3, null, { replaces: { value: 95 }, reason: "entered on the wrong shot" }),
        op(3, 101),
      ]);
      expect(results.map((r) => r.outcome)).toEqual(["applied", "applied"]);
      expect(results[0]).toMatchObject({ slot: null, correction: { from: standing, to: null } });
      expect(card.slots.get(3)?.value).toBe(101);
    });

    it("naming a value that is not the current one is rejected (stale), nothing changes", () => {
      const card = cardWith({ 3: standing });
      const result = applyOperation(rifle, card, op(3, 100, { replaces: { value: 96 }, reason: "typo" }));
      expect(result).toMatchObject({
        outcome: "rejected",
        reason: "stale_correction",
        message: "Shot 3 holds 9.5, not 9.6: correct the value it holds now",
      });
      expect(nextCard(card, result)).toBe(card);
    });

    it("naming 10 when the slot holds 10* is stale", () => {
      const card = cardWith({ 1: { value: 10, innerTen: true, opId: "first" } });
      const result = applyOperation(pistol, card, op(1, 9, { replaces: { value: 10 }, reason: "re-scored" }));
      expect(result).toMatchObject({ outcome: "rejected", reason: "stale_correction" });
    });

    it("of an empty slot is rejected", () => {
      const result = applyOperation(rifle, emptyCard(), op(7, 100, { replaces: { value: 95 }, reason: "typo" }));
      expect(result).toMatchObject({
        outcome: "rejected",
        reason: "correction_of_empty_slot",
        message: "Shot 7 is empty: there is nothing to correct",
      });
    });

    it("without a reason is rejected", () => {
      const card = cardWith({ 3: standing });
      for (const reason of [undefined, "", "   "]) {
        const result = applyOperation(rifle, card, op(3, 98, { replaces: { value: 95 }, reason }));
        expect(result).toMatchObject({ outcome: "rejected", reason: "reason_required" });
      }
    });

    it("that another device already made (the slot holds the new value) is a same-value no-op", () => {
      const card = cardWith({ 3: { value: 98, innerTen: false, opId: "fix-1" } });
      const result = applyOperation(rifle, card, op(3, 98, { replaces: { value: 95 }, reason: "re-scored" }));
      expect(result).toMatchObject({ outcome: "duplicate", why: "same_value" });
    });

    it("a null value that is not a correction is rejected", () => {
      const result = applyOperation(rifle, cardWith({ 3: standing }), op(3, null));
      expect(result).toMatchObject({ outcome: "rejected", reason: "clear_without_correction" });
    });
  });

  describe("invalid operations are rejected and leave the card and its opIds alone", () => {
    it.each([
      [rifle, 61, 100, false, "beyond_match", "Shot 61 is beyond the 60-shot match"],
      [trap, 126, 1, false, "beyond_match", "Target 126 is beyond the 125-target match"],
      [rifle, 0, 100, false, "invalid_shot_no", "Shot numbers start at 1"],
      [rifle, 1, 110, false, "out_of_range", "10.9 is the highest decimal score"],
      [rifle, 1, -1, false, "out_of_range", "A score cannot be negative"],
      [rifle, 1, 10.4, false, "out_of_range", "Scores are stored as whole tenths (10.4 is 104)"],
      [pistol, 1, 11, false, "out_of_range", "10 is the highest score"],
      [pistol, 1, 9, true, "inner_ten_not_allowed", "Only a 10 can be an inner ten"],
      [trap, 1, 2, false, "out_of_range", "A target is either hit (1) or missed (0)"],
    ] as const)("%# %s shot %i = %d (inner ten %s): %s", (d, shotNo, value, innerTen, reason, message) => {
      const card = cardWith({ 1: { value: 0, innerTen: false, opId: "first" } });
      const o = op(shotNo, value, { innerTen });
      const result = applyOperation(d, card, o);
      expect(result).toMatchObject({ outcome: "rejected", reason, message });
      expect(recordsOpId(result)).toBe(false);
      expect(nextCard(card, result)).toBe(card);
    });

    it("a rejected opId can be sent again once fixed", () => {
      const o = op(1, 110);
      const { card, results } = applyOperations(rifle, emptyCard(), [o, { ...o, value: 109 }]);
      expect(results.map((r) => r.outcome)).toEqual(["rejected", "applied"]);
      expect(card.slots.get(1)?.value).toBe(109);
    });

    it("refuses an operation for another entry's card (a caller bug, not an outcome)", () => {
      expect(() => applyOperation(rifle, emptyCard("e2"), op(1, 100))).toThrow(RangeError);
    });
  });

  describe("a batch mixing every outcome", () => {
    it("reports each operation in order and ends with the right card", () => {
      const shot1 = op(1, 104);
      const { card, results } = applyOperations(rifle, emptyCard(), [
        shot1, // applied: shot 1 = 10.4
        op(4, 99), // applied out of order: shot 4 = 9.9
        shot1, // duplicate: known op
        op(1, 104), // duplicate: same value
        op(1, 103), // conflict: 10.4 stands
        op(61, 100), // rejected: beyond the match
        op(2, 120), // rejected: out of range
        op(4, 100, { replaces: { value: 99 }, reason: "re-scored" }), // applied: correction 9.9 → 10.0
        op(4, 101, { replaces: { value: 99 }, reason: "again" }), // rejected: stale, 10.0 is current
      ]);
      expect(results.map((r) => r.outcome)).toEqual([
        "applied",
        "applied",
        "duplicate",
        "duplicate",
        "conflict",
        "rejected",
        "rejected",
        "applied",
        "rejected",
      ]);
      expect(shotsOf(card)).toEqual([
        { shotNo: 1, value: 104, innerTen: false },
        { shotNo: 4, value: 100, innerTen: false },
      ]);
      expect(cardTotals(rifle, shotsOf(card)).total).toBe(204); // 10.4 + 10.0
      expect(card.appliedOpIds.size).toBe(5); // 2 applied, 1 same value, 1 conflict, 1 correction
    });
  });
}
