import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { practicalEntries, stageScoreConflicts, stageScores } from "../../src/db/practical-schema.ts";
import { auditLog } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { freshKey } from "../helpers/entries.ts";
import { createUser } from "../helpers/accounts.ts";
import { drainPractical, enterPractical, OFFICER, ORGANISER, practicalTournament, stageOp } from "../helpers/practical.ts";

// Stage 1: 8 paper + 4 steel = 20 required hits; stage 2: 4 paper = 8.
describe("stage scores in the tournament object", () => {
  it("applies a score, records it with the competitor's confirmation, and copies it to D1", async () => {
    const { stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Production", "minor", "Ann");
    const op = stageOp(entry.id, stages[0]!.id, [18, 1, 1, 0, 0, 0], 12.34, { confirmed: true });

    const { outcomes } = await stub.applyStageScores([op], OFFICER);
    expect(outcomes).toEqual([{ opId: op.opId, entryId: entry.id, outcome: "applied", message: "Stage 1: 18A 1C 1D 0M 0NS 0P 12.34 s" }]);
    const book = await stub.practicalBook(event.id);
    expect(book?.scores).toEqual([
      { entryId: entry.id, stageId: stages[0]!.id, opId: op.opId, confirmed: true, hits: { a: 18, c: 1, d: 1, miss: 0, noShoot: 0, procedural: 0, timeHundredths: 1234 } },
    ]);
    expect(book?.entries).toEqual([expect.objectContaining({ entryId: entry.id, division: "Production", powerFactor: "minor", dq: false })]);

    await drainPractical(stub);
    const copied = await db.select().from(stageScores).where(eq(stageScores.entryId, entry.id));
    expect(copied).toEqual([expect.objectContaining({ stageId: stages[0]!.id, a: 18, c: 1, d: 1, timeHundredths: 1234, opId: op.opId })]);
    expect(copied[0]?.confirmedAt).toEqual(expect.any(Number));
    expect(await db.select().from(practicalEntries).where(eq(practicalEntries.entryId, entry.id))).toEqual([
      expect.objectContaining({ division: "Production", powerFactor: "minor", dqAt: null }),
    ]);
  });

  it("treats a resent opId as a duplicate, even with other hits", async () => {
    const { stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "major");
    const op = stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 4);
    await stub.applyStageScores([op], OFFICER);

    const { outcomes } = await stub.applyStageScores([op, { ...op, a: 7, c: 1 }], OFFICER);
    expect(outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["duplicate", "known_op"],
      ["duplicate", "known_op"],
    ]);
    expect((await stub.practicalBook(event.id))?.scores[0]?.hits.a).toBe(8);
  });

  it("keeps the first score and a different later one as a conflict for the organiser", async () => {
    const { stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "major");
    await stub.applyStageScores([stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 4)], OFFICER);
    const later = stageOp(entry.id, stages[1]!.id, [6, 2, 0, 0, 0, 0], 4.5);

    const { outcomes } = await stub.applyStageScores([later], OFFICER);
    expect(outcomes[0]).toMatchObject({ outcome: "conflict", message: expect.stringContaining("kept as a conflict for the organiser") });
    expect((await stub.practicalBook(event.id))?.scores[0]?.hits.a).toBe(8);
    expect(await stub.stageConflicts(event.id)).toEqual([expect.objectContaining({ opId: later.opId, incoming: expect.objectContaining({ a: 6, c: 2 }) })]);
    await drainPractical(stub);
    expect(await db.select().from(stageScoreConflicts).where(eq(stageScoreConflicts.opId, later.opId))).toHaveLength(1);
  });

  it("applies a correction naming the score it replaces, settles the conflict and audits it once", async () => {
    const { stub, event, stages, tournament } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "major");
    const stage = stages[1]!.id;
    await stub.applyStageScores([stageOp(entry.id, stage, [8, 0, 0, 0, 0, 0], 4)], OFFICER);
    await stub.applyStageScores([stageOp(entry.id, stage, [6, 2, 0, 0, 0, 0], 4.5)], OFFICER);
    const stale = stageOp(entry.id, stage, [7, 1, 0, 0, 0, 0], 4, { replaces: { a: 6, c: 2, d: 0, miss: 0, noShoot: 0, procedural: 0, time: 4.5 }, reason: "sheet" });
    const noReason = stageOp(entry.id, stage, [6, 2, 0, 0, 0, 0], 4.5, { replaces: { a: 8, c: 0, d: 0, miss: 0, noShoot: 0, procedural: 0, time: 4 } });
    const correction = stageOp(entry.id, stage, [6, 2, 0, 0, 0, 0], 4.5, {
      replaces: { a: 8, c: 0, d: 0, miss: 0, noShoot: 0, procedural: 0, time: 4 },
      reason: "RO read the wrong sheet",
    });

    const { outcomes } = await stub.applyStageScores([stale, noReason, correction], ORGANISER);
    expect(outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["rejected", "stale_correction"],
      ["rejected", "reason_required"],
      ["applied", undefined],
    ]);
    expect(outcomes[2]?.message).toBe("Stage 2 corrected from 8A 0C 0D 0M 0NS 0P 4.00 s to 6A 2C 0D 0M 0NS 0P 4.50 s");
    expect((await stub.practicalBook(event.id))?.scores[0]?.hits).toMatchObject({ a: 6, c: 2, timeHundredths: 450 });
    expect(await stub.stageConflicts(event.id)).toEqual([]);
    await drainPractical(stub);
    await runDurableObjectAlarm(stub); // a resend of the audit row adds nothing
    const audits = await db.select().from(auditLog).where(eq(auditLog.tournamentId, tournament.id));
    expect(audits.filter((a) => a.action === "stage.corrected")).toEqual([
      expect.objectContaining({ subject: `entry:${entry.id}/${correction.opId}`, detail: expect.stringContaining("RO read the wrong sheet") }),
    ]);
  });

  it("freezes official results except for an organiser's correction", async () => {
    const { stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "major");
    const stage = stages[1]!.id;
    await stub.applyStageScores([stageOp(entry.id, stage, [8, 0, 0, 0, 0, 0], 4)], OFFICER);
    await stub.setResultsOfficial(event.id, true);
    const fix = { replaces: { a: 8, c: 0, d: 0, miss: 0, noShoot: 0, procedural: 0, time: 4 }, reason: "video review" };

    const { outcomes } = await stub.applyStageScores(
      [stageOp(entry.id, stages[0]!.id, [20, 0, 0, 0, 0, 0], 9), stageOp(entry.id, stage, [7, 1, 0, 0, 0, 0], 4, fix)],
      OFFICER,
    );
    expect(outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["rejected", "results_official"],
      ["rejected", "official_correction_refused"],
    ]);
    const { outcomes: byOrganiser } = await stub.applyStageScores([stageOp(entry.id, stage, [7, 1, 0, 0, 0, 0], 4, fix)], ORGANISER);
    expect(byOrganiser[0]?.outcome).toBe("applied");
  });

  it("rejects hits that do not add up to the stage's required hits, a time of 0 and a third decimal", async () => {
    const { stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "major");
    const short = stageOp(entry.id, stages[0]!.id, [15, 2, 1, 0, 1, 0], 10);
    const { outcomes } = await stub.applyStageScores(
      [short, stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 0), stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 4.123)],
      OFFICER,
    );
    expect(outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["rejected", "hits_do_not_add_up"],
      ["rejected", "time_not_positive"],
      ["rejected", "time_precision"],
    ]);
    expect(outcomes[0]?.message).toBe("Stage 1: A + C + D + misses is 18; the stage has 20 required hits");
    // A rejected opId is not recorded: the fixed score may be sent under it.
    const { outcomes: fixed } = await stub.applyStageScores([{ ...short, a: 17 }], OFFICER);
    expect(fixed[0]?.outcome).toBe("applied");
  });

  it("refuses a power factor the division does not allow, and a division the match does not offer", async () => {
    const { stub, event } = await practicalTournament({ divisions: ["Open", "Production"] });
    const user = await createUser();
    const ask = (practical?: { division: "Production" | "Standard" | "Open"; powerFactor: "major" | "minor" }) =>
      stub.register({ userId: user.id, eventId: event.id, relayId: event.relays[0]!.id, idempotencyKey: freshKey(), practical });

    expect(await ask({ division: "Production", powerFactor: "major" })).toMatchObject({ outcome: "refused", reason: "power_factor_not_allowed", message: "Production is scored minor only" });
    expect(await ask({ division: "Standard", powerFactor: "major" })).toMatchObject({ outcome: "refused", reason: "division_not_offered" });
    expect(await ask()).toMatchObject({ outcome: "refused", reason: "division_required" });
    expect(await stub.practicalBook(event.id)).toMatchObject({ entries: [] });
    expect(await ask({ division: "Open", powerFactor: "major" })).toMatchObject({ outcome: "confirmed" });
  });

  it("disqualifies by operation: no points, out of the bests, audited", async () => {
    const { stub, event, stages } = await practicalTournament();
    const { entry } = await enterPractical(stub, event, "Open", "major");
    await stub.applyStageScores([stageOp(entry.id, stages[1]!.id, [8, 0, 0, 0, 0, 0], 2)], OFFICER);
    const dq = { opId: `dq-${entry.id}`, entryId: entry.id, dq: true, reason: "Unsafe gun handling (10.5.2)" };

    const { outcomes } = await stub.applyStageScores([dq, dq], OFFICER);
    expect(outcomes.map((o) => o.outcome)).toEqual(["applied", "duplicate"]);
    expect((await stub.practicalBook(event.id))?.entries[0]).toMatchObject({ dq: true, dqReason: "Unsafe gun handling (10.5.2)" });
    await drainPractical(stub);
    expect(await db.select().from(practicalEntries).where(eq(practicalEntries.entryId, entry.id))).toEqual([
      expect.objectContaining({ dqReason: "Unsafe gun handling (10.5.2)", dqAt: expect.any(Number) }),
    ]);
  });
});

