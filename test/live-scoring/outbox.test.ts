import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, shotConflicts, shots } from "../../src/db/schema.ts";
import type { TournamentObject } from "../../src/object/tournament-object.ts";
import { sendShotsToD1, takeShotsBatch } from "../../src/object/outbox/shots.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { expectErrorLog } from "../helpers/console.ts";

type Stub = DurableObjectStub<TournamentObject>;

function d1Shots(tournamentId: number) {
  return db
    .select({ entryId: shots.entryId, shotNo: shots.shotNo, value: shots.value, innerTen: shots.innerTen, opId: shots.opId })
    .from(shots)
    .where(eq(shots.tournamentId, tournamentId))
    .orderBy(asc(shots.entryId), asc(shots.shotNo))
    .all();
}

function objectShots(stub: Stub) {
  return runInDurableObject(stub, (_o: TournamentObject, state) =>
    state.storage.sql
      .exec("SELECT entry_id, shot_no, value, inner_ten, op_id FROM shots ORDER BY entry_id, shot_no")
      .toArray()
      .map((r) => ({ entryId: r.entry_id, shotNo: r.shot_no, value: r.value, innerTen: r.inner_ten === 1, opId: r.op_id })),
  );
}

function corrections(tournamentId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tournamentId, tournamentId), eq(auditLog.action, "shot.corrected")))
    .all();
}

describe("the scoring outbox to D1", () => {
  it("copies shots, conflicts and audited corrections, and deletes a slot a correction cleared", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const ada = (await enter(stub, events[0]!)).entry;
    const bea = (await enter(stub, events[0]!)).entry;
    const clash = shot(ada.id, 2, 95, { deviceId: "tablet" });
    await stub.applyShots([shot(ada.id, 1, 100), shot(ada.id, 2, 99), clash, shot(bea.id, 1, 87)], OFFICER);
    await drainOutboxes(stub);
    expect(await d1Shots(tournament.id)).toEqual(await objectShots(stub));
    expect(await d1Shots(tournament.id)).toHaveLength(3);
    const [conflict] = await db.select().from(shotConflicts).where(eq(shotConflicts.opId, clash.opId)).all();
    expect(conflict).toMatchObject({ tournamentId: tournament.id, entryId: ada.id, shotNo: 2, standingValue: 99, incomingValue: 95, resolvedAt: null });

    const fix = shot(ada.id, 2, 95, { replaces: { value: 99 }, reason: "Electronic target re-read" });
    const undo = shot(bea.id, 1, null, { replaces: { value: 87 }, reason: "Wrong competitor" });
    await stub.applyShots([fix, undo], OFFICER);
    await drainOutboxes(stub);
    expect(await d1Shots(tournament.id)).toEqual(await objectShots(stub));
    expect((await d1Shots(tournament.id)).map((s) => [s.entryId, s.shotNo, s.value])).toEqual([
      [ada.id, 1, 100],
      [ada.id, 2, 95],
    ]);
    const [settled] = await db.select().from(shotConflicts).where(eq(shotConflicts.opId, clash.opId)).all();
    expect(settled).toMatchObject({ resolvedByOpId: fix.opId });
    expect(settled?.resolvedAt).toBeGreaterThan(0);
    const audited = await corrections(tournament.id);
    expect(audited).toHaveLength(2);
    expect(JSON.parse(audited.find((a) => a.subject.includes(fix.opId))!.detail)).toMatchObject({
      opId: fix.opId,
      entryId: ada.id,
      shotNo: 2,
      from: { value: 99, innerTen: false },
      to: { value: 95, innerTen: false },
      reason: "Electronic target re-read",
    });
  });

  it("is idempotent: a resent batch, or an older state sent late, changes nothing in D1", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    await stub.applyShots([shot(entry.id, 1, 90)], OFFICER);
    const older = await runInDurableObject(stub, (_o: TournamentObject, state) => takeShotsBatch(state.storage.sql));
    await stub.applyShots([shot(entry.id, 1, 96, { replaces: { value: 90 }, reason: "Misheard" })], OFFICER);
    await drainOutboxes(stub);
    const copied = await d1Shots(tournament.id);
    const audits = await corrections(tournament.id);
    expect(copied.map((s) => s.value)).toEqual([96]);

    const newest = await runInDurableObject(stub, async (_o: TournamentObject, state) => {
      state.storage.sql.exec("INSERT INTO shots_outbox (kind, entry_id, shot_no, ref, rev) SELECT 'shot', entry_id, shot_no, NULL, rev FROM shots");
      state.storage.sql.exec("INSERT INTO shots_outbox (kind, entry_id, shot_no, ref, rev) SELECT 'correction', entry_id, shot_no, op_id, 0 FROM shot_corrections");
      await state.storage.setAlarm(Date.now());
      return takeShotsBatch(state.storage.sql);
    });
    await sendShotsToD1(env.DB, newest!);
    await sendShotsToD1(env.DB, newest!);
    await sendShotsToD1(env.DB, older!);
    expect(await d1Shots(tournament.id)).toEqual(copied);
    expect(await corrections(tournament.id)).toEqual(audits);
    // Running the alarm again is harmless too.
    await drainOutboxes(stub);
    expect(await d1Shots(tournament.id)).toEqual(copied);
    expect(await corrections(tournament.id)).toEqual(audits);
  });

  it("keeps the rows while D1 refuses them, backs off, then copies everything", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=shots .*no such table: shots/);
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    await env.DB.prepare("ALTER TABLE shots RENAME TO shots_offline").run();
    try {
      await stub.applyShots([shot(entry.id, 1, 100), shot(entry.id, 2, 101)], OFFICER);
      await runDurableObjectAlarm(stub);
      const after = await runInDurableObject(stub, async (_o: TournamentObject, state) => ({
        failures: Number(state.storage.sql.exec("SELECT value FROM meta WHERE key = 'shots_outbox_failures'").one().value),
        retryAt: Number(state.storage.sql.exec("SELECT value FROM meta WHERE key = 'shots_outbox_retry_at'").one().value),
        alarm: await state.storage.getAlarm(),
      }));
      expect(after.failures).toBeGreaterThanOrEqual(1);
      expect(after.retryAt).toBeGreaterThan(Date.now());
      expect(after.alarm).not.toBeNull();
      expect(await stub.shotsOutboxPending()).toBeGreaterThan(0);
    } finally {
      await env.DB.prepare("ALTER TABLE shots_offline RENAME TO shots").run();
    }
    expect(await d1Shots(tournament.id)).toEqual([]);

    await runInDurableObject(stub, (_o: TournamentObject, state) => {
      state.storage.sql.exec("UPDATE meta SET value = 0 WHERE key = 'shots_outbox_retry_at'");
    });
    await drainOutboxes(stub);
    expect(await d1Shots(tournament.id)).toEqual(await objectShots(stub));
    expect(await d1Shots(tournament.id)).toHaveLength(2);
    const backoff = await runInDurableObject(stub, (_o: TournamentObject, state) =>
      state.storage.sql.exec("SELECT COUNT(*) AS n FROM meta WHERE key LIKE 'shots_outbox_%'").one().n,
    );
    expect(backoff).toBe(0);
    errors.check();
  });
});
