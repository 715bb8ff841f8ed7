import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stageScoreConflicts, stageScores } from "../../src/db/practical-schema.ts";
import type { ScoringActor } from "../../src/object/contract/index.ts";
import { auditOf, db } from "../helpers/d1.ts";
import { texts } from "../helpers/html.ts";
import { drainPractical, enterPractical, practicalTournament, stageOp } from "../helpers/practical.ts";
import { staffOf } from "../helpers/staff.ts";
import { open, send } from "../admin/fixtures.ts";

// Stage 2 "El Presidente": 4 paper targets = 8 required hits. Open, major.
async function conflicted() {
  const made = await practicalTournament({ stages: [{ name: "Speed", paper: 8, steel: 4 }, { name: "El Presidente", paper: 4, steel: 0 }] });
  const owner = await staffOf(made.tournament.id, "owner", { name: "Olga Owner" });
  const roA = await staffOf(made.tournament.id, "range_officer", { name: "Rita Range" });
  const roB = await staffOf(made.tournament.id, "range_officer", { name: "Bert Bay" });
  const actor = (id: number): ScoringActor => ({ userId: id, tokenId: null, via: "session", role: "range_officer" });
  const { entry } = await enterPractical(made.stub, made.event, "Open", "major", "Ann Lee");
  const stage = made.stages[1]!.id;
  // 8A in 4.00 s = 40 / 4 = 10.0000; then 6A 2C in 4.50 s = 38 / 4.5 = 8.4444.
  await made.stub.applyStageScores([stageOp(entry.id, stage, [8, 0, 0, 0, 0, 0], 4)], actor(roA.user.id));
  const { outcomes } = await made.stub.applyStageScores([stageOp(entry.id, stage, [6, 2, 0, 0, 0, 0], 4.5)], actor(roB.user.id));
  expect(outcomes[0]?.outcome).toBe("conflict");
  const [conflict] = await made.stub.stageConflicts(made.event.id);
  return { ...made, owner, roA, entry, stage, conflict: conflict!, path: `/admin/t/${made.tournament.slug}/results/stage-conflicts/${conflict!.opId}` };
}

const hitsOf = async (stub: Awaited<ReturnType<typeof conflicted>>["stub"], eventId: number) => (await stub.practicalBook(eventId))?.scores[0]?.hits;

describe("stage conflicts in the organiser's results control", () => {
  it("shows the competitor, the stage, both scores with hit factors and who entered each", async () => {
    const { tournament, owner } = await conflicted();
    const page = await (await open(owner, `/admin/t/${tournament.slug}/results`)).text();
    expect(await texts(page, "[data-testid=stage-conflict] h3")).toEqual(["Ann Lee · IPSC Handgun · Stage 2 El Presidente"]);
    expect(await texts(page, "[data-testid=stage-conflict] [data-testid=hit-factor]")).toEqual(["10.0000", "8.4444"]);
    expect(await texts(page, "[data-testid=stage-conflict] [data-testid=entered-by]")).toEqual(["Rita Range", "Bert Bay"]);
    expect(await texts(page, "[data-testid=stage-conflict] [data-testid=time]")).toEqual(["4.00", "4.50"]);
  });

  it("takes the later score as a correction naming the standing one, audited, and copies both to D1", async () => {
    const { tournament, stub, event, owner, entry, conflict, path } = await conflicted();
    const noReason = await send(owner, path, { keep: "incoming", reason: "" });
    expect(noReason.status).toBe(422);
    expect(await stub.stageConflicts(event.id)).toHaveLength(1);

    expect((await send(owner, path, { keep: "incoming", reason: "Second RO re-counted the targets" })).status).toBe(303);
    expect(await hitsOf(stub, event.id)).toMatchObject({ a: 6, c: 2, timeHundredths: 450 });
    expect(await stub.stageConflicts(event.id)).toEqual([]);

    await drainPractical(stub);
    expect(await db.select().from(stageScores).where(eq(stageScores.entryId, entry.id))).toEqual([expect.objectContaining({ a: 6, c: 2, timeHundredths: 450 })]);
    expect((await db.select().from(stageScoreConflicts).where(eq(stageScoreConflicts.opId, conflict.opId)).get())?.resolvedAt).toEqual(expect.any(Number));
    const audit = await auditOf(tournament.id);
    expect(audit.filter((a) => a.action === "stage.corrected").map((a) => JSON.parse(a.detail))).toEqual([
      expect.objectContaining({ from: "8A 0C 0D 0M 0NS 0P 4.00 s", to: "6A 2C 0D 0M 0NS 0P 4.50 s", reason: "Second RO re-counted the targets" }),
    ]);
    expect(audit.filter((a) => a.action === "stage.conflict_resolved").map((a) => [a.actorId, JSON.parse(a.detail)])).toEqual([
      [owner.user.id, expect.objectContaining({ kept: "incoming", conflict: conflict.opId, reason: "Second RO re-counted the targets" })],
    ]);
    expect((await send(owner, path, { keep: "standing", reason: "again" })).status).toBe(404);
  });

  it("keeps the standing score: the conflict is settled and audited, the score unchanged", async () => {
    const { tournament, stub, event, owner, path } = await conflicted();
    expect((await send(owner, path, { keep: "standing", reason: "Score sheet signed by the competitor" })).status).toBe(303);
    expect(await hitsOf(stub, event.id)).toMatchObject({ a: 8, c: 0, timeHundredths: 400 });
    expect(await stub.stageConflicts(event.id)).toEqual([]);
    await drainPractical(stub);
    const audit = await auditOf(tournament.id);
    expect(audit.filter((a) => a.action === "stage.conflict_resolved").map((a) => JSON.parse(a.detail))).toEqual([
      expect.objectContaining({ kept: "standing", standing: "8A 0C 0D 0M 0NS 0P 4.00 s" }),
    ]);
    expect(audit.filter((a) => a.action === "stage.corrected")).toEqual([]);
  });

  it("enters a third score as a correction; hits that do not add up are refused with the rule", async () => {
    const { stub, event, owner, path } = await conflicted();
    const wrong = await send(owner, path, { keep: "correction", reason: "Video review", a: "7", c: "2", d: "0", miss: "0", noShoot: "0", procedural: "0", time: "4.2" });
    expect(wrong.status).toBe(422);
    expect(await texts(await wrong.text(), "[data-testid=stage-conflict] .field-error")).toEqual([expect.stringContaining("8")]);
    expect(await stub.stageConflicts(event.id)).toHaveLength(1);

    const noTime = await send(owner, path, { keep: "correction", reason: "Video review", a: "7", c: "1", d: "0", miss: "0", noShoot: "0", procedural: "0", time: "" });
    expect(noTime.status).toBe(422);

    const right = await send(owner, path, { keep: "correction", reason: "Video review", a: "7", c: "1", d: "0", miss: "0", noShoot: "0", procedural: "0", time: "4.2" });
    expect(right.status).toBe(303);
    expect(await hitsOf(stub, event.id)).toMatchObject({ a: 7, c: 1, timeHundredths: 420 });
    expect(await stub.stageConflicts(event.id)).toEqual([]);
  });

  it("is the organisers' decision: a range officer is refused, and a resent decision is a duplicate", async () => {
    const { stub, roA, conflict, path } = await conflicted();
    expect((await send(roA, path, { keep: "incoming", reason: "I think so" })).status).toBe(403);
    const organiser: ScoringActor = { userId: null, tokenId: null, via: "session", role: "organiser" };
    const decision = { opId: "decide-1", conflictOpId: conflict.opId, keep: "standing" as const, reason: "checked" };
    expect(await stub.resolveStageConflict(decision, organiser)).toMatchObject({ outcome: "applied" });
    expect(await stub.resolveStageConflict(decision, organiser)).toMatchObject({ outcome: "duplicate", reason: "known_op" });
    expect(await stub.resolveStageConflict({ ...decision, opId: "decide-2" }, organiser)).toMatchObject({ outcome: "rejected", reason: "unknown_conflict" });
  });
});
