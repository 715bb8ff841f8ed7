import { describe, expect, it } from "vitest";
import { enter, OFFICER, scoringState, scoringTournament, shot } from "../helpers/live-scoring.ts";

/** Shot operations applied by the tournament object, through its RPC methods. */
describe("applyShots in the tournament object", () => {
  it("applies a shot to an empty slot and ranks the card", async () => {
    const { stub, events } = await scoringTournament();
    const event = events[0]!;
    const { entry } = await enter(stub, event);

    const { results } = await stub.applyShots([shot(entry.id, 1, 104)], OFFICER);
    expect(results).toEqual([expect.objectContaining({ entryId: entry.id, shotNo: 1, outcome: "applied", message: "Shot 1: 10.4" })]);

    const standings = await stub.results(event.id);
    expect(standings?.seq).toBe(1);
    expect(standings?.rows).toEqual([
      expect.objectContaining({ entryId: entry.id, rank: 1, rankLabel: "1", total: 104, shotsFired: 1, currentSeries: 1 }),
    ]);
    expect(standings?.rows[0]?.display).toMatchObject({ total: "10.4", lastShot: "10.4" });
  });

  it("treats a known opId as a no-op, even with another value", async () => {
    const { stub, events } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const first = shot(entry.id, 1, 98);
    await stub.applyShots([first], OFFICER);
    const before = await scoringState(stub);

    const { results } = await stub.applyShots([first, { ...first, value: 100 }], OFFICER);
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["duplicate", "known_op"],
      ["duplicate", "known_op"],
    ]);
    expect(await scoringState(stub)).toEqual(before);
  });

  it("calls the same value from a second device a duplicate, recording its opId", async () => {
    const { stub, events } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    await stub.applyShots([shot(entry.id, 1, 98, { deviceId: "a" })], OFFICER);
    const second = shot(entry.id, 1, 98, { deviceId: "b" });

    const { results } = await stub.applyShots([second], OFFICER);
    expect(results[0]).toMatchObject({ outcome: "duplicate", reason: "same_value" });
    const state = await scoringState(stub);
    expect(state.ops.map((o) => o.op_id)).toContain(second.opId);
    expect(state.shots).toHaveLength(1);
    expect(state.seqs).toEqual([{ event_id: events[0]!.id, seq: 1 }]);
  });

  it("keeps the first value and records a different later one as a conflict", async () => {
    const { stub, events } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const first = shot(entry.id, 2, 101);
    const later = shot(entry.id, 2, 95, { deviceId: "tablet-2", deviceSeq: 7 });
    await stub.applyShots([first], OFFICER);

    const { results } = await stub.applyShots([later], OFFICER);
    expect(results[0]).toMatchObject({ outcome: "conflict", message: expect.stringContaining("kept as a conflict") });
    expect((await stub.results(events[0]!.id))?.rows[0]?.total).toBe(101);
    expect(await stub.conflicts()).toEqual([
      expect.objectContaining({
        opId: later.opId,
        entryId: entry.id,
        eventId: events[0]!.id,
        shotNo: 2,
        standing: { value: 101, innerTen: false, opId: first.opId },
        incoming: expect.objectContaining({ value: 95, innerTen: false, deviceId: "tablet-2", deviceSeq: 7 }),
        resolvedAt: null,
      }),
    ]);
    expect((await scoringState(stub)).shots).toEqual([expect.objectContaining({ shot_no: 2, value: 101, op_id: first.opId })]);

    const resend = await stub.applyShots([later], OFFICER);
    expect(resend.results[0]).toMatchObject({ outcome: "duplicate", reason: "known_op" });
    expect(await stub.conflicts()).toHaveLength(1);
  });

  it("applies a correction naming the current value with a reason, audits it and settles the slot's conflict", async () => {
    const { stub, events } = await scoringTournament([{ discipline: "air-pistol-10m" }]);
    const { entry } = await enter(stub, events[0]!);
    await stub.applyShots([shot(entry.id, 1, 9), shot(entry.id, 1, 10, { innerTen: true })], OFFICER);
    expect(await stub.conflicts()).toHaveLength(1);

    const noReason = shot(entry.id, 1, 10, { innerTen: true, replaces: { value: 9 } });
    const stale = shot(entry.id, 1, 10, { innerTen: true, replaces: { value: 8 }, reason: "scorecard" });
    const before = await scoringState(stub);
    const refused = await stub.applyShots([noReason, stale], OFFICER);
    expect(refused.results.map((r) => r.reason)).toEqual(["reason_required", "stale_correction"]);
    expect(await scoringState(stub)).toEqual(before);

    const fix = shot(entry.id, 1, 10, { innerTen: true, replaces: { value: 9 }, reason: "Target shows an inner ten" });
    const { results } = await stub.applyShots([fix], OFFICER);
    expect(results[0]).toMatchObject({ outcome: "applied", message: "Shot 1 corrected from 9 to 10*" });
    const row = (await stub.results(events[0]!.id))?.rows[0];
    expect(row).toMatchObject({ total: 10, innerTens: 1 });
    expect(await stub.conflicts()).toEqual([]);
    expect(await stub.conflicts(events[0]!.id, true)).toEqual([expect.objectContaining({ resolvedByOpId: fix.opId })]);
    const state = await scoringState(stub);
    expect(state.corrections).toEqual([{ op_id: fix.opId }]);
    expect(state.outbox.map((o) => o.kind)).toContain("correction");
  });

  it("clears a slot only through a correction", async () => {
    const { stub, events } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    await stub.applyShots([shot(entry.id, 1, 100), shot(entry.id, 2, 97)], OFFICER);

    const plainClear = await stub.applyShots([shot(entry.id, 2, null)], OFFICER);
    expect(plainClear.results[0]).toMatchObject({ outcome: "rejected", reason: "clear_without_correction" });

    const undo = await stub.applyShots([shot(entry.id, 2, null, { replaces: { value: 97 }, reason: "Entered twice" })], OFFICER);
    expect(undo.results[0]?.outcome).toBe("applied");
    expect((await stub.results(events[0]!.id))?.rows[0]).toMatchObject({ total: 100, shotsFired: 1, lastShot: { shotNo: 1, value: 100, innerTen: false } });
  });

  it("accepts shots out of order", async () => {
    const { stub, events } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const { results } = await stub.applyShots([shot(entry.id, 12, 95), shot(entry.id, 3, 102), shot(entry.id, 1, 99)], OFFICER);
    expect(results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied"]);
    expect((await stub.results(events[0]!.id))?.rows[0]).toMatchObject({
      total: 296,
      shotsFired: 3,
      series: [201, 95, 0, 0, 0, 0],
      currentSeries: 2,
      lastShot: { shotNo: 12, value: 95, innerTen: false },
    });
  });

  it("rejects a shot beyond the match and a value out of range, changing nothing", async () => {
    const { stub, events } = await scoringTournament([{ discipline: "air-rifle-10m" }, { discipline: "trap" }]);
    const rifle = (await enter(stub, events[0]!)).entry;
    const trap = (await enter(stub, events[1]!)).entry;
    await stub.applyShots([shot(rifle.id, 1, 100)], OFFICER);
    const before = await scoringState(stub);

    const { results } = await stub.applyShots(
      [shot(rifle.id, 61, 100), shot(rifle.id, 0, 100), shot(rifle.id, 2, 110), shot(rifle.id, 2, 10.4), shot(trap.id, 126, 1), shot(trap.id, 1, 2)],
      OFFICER,
    );
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["rejected", "beyond_match"],
      ["rejected", "invalid_shot_no"],
      ["rejected", "out_of_range"],
      ["rejected", "out_of_range"],
      ["rejected", "beyond_match"],
      ["rejected", "out_of_range"],
    ]);
    expect(results[2]?.message).toBe("10.9 is the highest decimal score");
    expect(await scoringState(stub)).toEqual(before);
  });

  it("rejects unknown entries and entries of another tournament, changing nothing", async () => {
    const home = await scoringTournament();
    const away = await scoringTournament();
    const { entry: awayEntry } = await enter(away.stub, away.events[0]!);
    const before = await scoringState(home.stub);

    const { results } = await home.stub.applyShots([shot(awayEntry.id, 1, 100), shot("no-such-entry", 1, 100)], OFFICER);
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["rejected", "unknown_entry"],
      ["rejected", "unknown_entry"],
    ]);
    expect(await scoringState(home.stub)).toEqual(before);
    expect(await scoringState(away.stub)).toMatchObject({ shots: [], ops: [] });
  });

  it("scores confirmed entries only", async () => {
    const { stub, events } = await scoringTournament([{ discipline: "air-rifle-10m", firingPoints: 1 }]);
    await enter(stub, events[0]!);
    const { entry: waiting } = await enter(stub, events[0]!);
    expect(waiting.status).toBe("waitlisted");
    const before = await scoringState(stub);

    const { results } = await stub.applyShots([shot(waiting.id, 1, 100)], OFFICER);
    expect(results[0]).toMatchObject({ outcome: "rejected", reason: "entry_not_confirmed" });
    expect(await scoringState(stub)).toEqual(before);
  });

  it("reads display values with the event's discipline and refuses a display that disagrees with value", async () => {
    const { stub, events } = await scoringTournament([{ discipline: "air-rifle-10m" }, { discipline: "air-pistol-10m" }]);
    const rifle = (await enter(stub, events[0]!)).entry;
    const pistol = (await enter(stub, events[1]!)).entry;

    const { results } = await stub.applyShots(
      [
        { ...shot(rifle.id, 1, null), value: undefined, display: "10.4" },
        { ...shot(pistol.id, 1, null), value: undefined, display: "X" },
        shot(rifle.id, 2, 10, { display: "10.0" }),
        { ...shot(rifle.id, 3, null), value: undefined, display: "11.2" },
      ],
      OFFICER,
    );
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["applied", undefined],
      ["applied", undefined],
      ["rejected", "display_mismatch"],
      ["rejected", "display_mismatch"],
    ]);
    expect((await stub.results(events[0]!.id))?.rows[0]?.total).toBe(104);
    expect((await stub.results(events[1]!.id))?.rows[0]).toMatchObject({ total: 10, innerTens: 1 });
  });

  it("applies a batch in order, each operation seeing the ones before it, and numbers one message per changed card", async () => {
    const { stub, events } = await scoringTournament();
    const a = (await enter(stub, events[0]!)).entry;
    const b = (await enter(stub, events[0]!)).entry;
    const slip = shot(a.id, 1, 93);

    const { results } = await stub.applyShots(
      [slip, shot(b.id, 1, 99), shot(a.id, 1, 103), shot(a.id, 1, 103, { replaces: { value: 93 }, reason: "Misread" }), shot(a.id, 2, 100)],
      OFFICER,
    );
    expect(results.map((r) => r.outcome)).toEqual(["applied", "applied", "conflict", "applied", "applied"]);
    const standings = await stub.results(events[0]!.id);
    expect(standings?.seq).toBe(2);
    expect(standings?.rows.map((r) => [r.entryId, r.rankLabel, r.total])).toEqual([
      [a.id, "1", 203],
      [b.id, "2", 99],
    ]);
  });

  it("shows equal cards after every tie-break as a shared rank and lists cards without shots last", async () => {
    const { stub, events } = await scoringTournament();
    const [a, b, c] = [await enter(stub, events[0]!), await enter(stub, events[0]!), await enter(stub, events[0]!)];
    await stub.applyShots([shot(a.entry.id, 1, 100), shot(b.entry.id, 1, 100)], OFFICER);

    const rows = (await stub.results(events[0]!.id))?.rows ?? [];
    expect(rows.map((r) => [r.rankLabel, r.shared])).toEqual([
      ["=1", true],
      ["=1", true],
      ["", false],
    ]);
    expect(rows[2]?.entryId).toBe(c.entry.id);
  });
});
