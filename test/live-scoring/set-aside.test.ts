import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, shots } from "../../src/db/schema.ts";
import { TRIES_BEFORE_SET_ASIDE } from "../../src/object/outbox/driver.ts";
import type { TournamentObject } from "../../src/object/tournament-object.ts";
import { db } from "../helpers/d1.ts";
import { OFFICER, enter, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { expectErrorLog } from "../helpers/console.ts";

type Stub = DurableObjectStub<TournamentObject>;

/** One alarm with the scoring outbox's back-off skipped, as if its wait had passed. */
async function alarmAfterBackOff(stub: Stub) {
  await runInDurableObject(stub, (_o: TournamentObject, state) => {
    state.storage.sql.exec("UPDATE meta SET value = 0 WHERE key = 'shots_outbox_retry_at'");
  });
  await runDurableObjectAlarm(stub);
}

describe("scoring changes D1 refuses for good", () => {
  it("are set aside and audited, and the changes behind them reach D1", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=shots .*slot refused/);
    const { stub, events, tournament } = await scoringTournament();
    const ada = (await enter(stub, events[0]!)).entry;
    const bea = (await enter(stub, events[0]!)).entry;
    // D1 refuses one slot whatever is sent for it, as a constraint added there would.
    await env.DB.prepare(
      `CREATE TRIGGER refuse_slot BEFORE INSERT ON shots WHEN NEW.entry_id = '${ada.id}' AND NEW.shot_no = 2
       BEGIN SELECT RAISE(ABORT, 'slot refused'); END`,
    ).run();
    try {
      await stub.applyShots([shot(ada.id, 1, 100), shot(ada.id, 2, 99), shot(ada.id, 3, 98), shot(bea.id, 1, 87)], OFFICER);
      for (let i = 1; i < TRIES_BEFORE_SET_ASIDE; i++) await alarmAfterBackOff(stub);
      expect(await stub.setAsideRows()).toEqual([]);
      expect(await stub.shotsOutboxPending()).toBeGreaterThan(0);

      await alarmAfterBackOff(stub);
      expect(await stub.shotsOutboxPending()).toBe(0);
    } finally {
      await env.DB.prepare("DROP TRIGGER refuse_slot").run();
    }
    const copied = await db
      .select({ entryId: shots.entryId, shotNo: shots.shotNo, value: shots.value })
      .from(shots)
      .where(eq(shots.tournamentId, tournament.id))
        .all();
    expect(copied).toHaveLength(3);
    expect(copied).toEqual(
      expect.arrayContaining([
        { entryId: ada.id, shotNo: 1, value: 100 },
        { entryId: ada.id, shotNo: 3, value: 98 },
        { entryId: bea.id, shotNo: 1, value: 87 },
      ]),
    );

    const [aside, ...more] = await stub.setAsideRows();
    expect(more).toEqual([]);
    expect(aside).toMatchObject({ stream: "shots", tournamentId: tournament.id, subject: `shot:${ada.id}/2` });
    expect(aside!.error).toMatch(/slot refused/);
    expect(JSON.parse(aside!.row)).toEqual([ada.id, 2, tournament.id, 99, 0, null, null, expect.any(String), expect.any(Number), expect.any(Number)]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tournamentId, tournament.id), eq(auditLog.action, "outbox.set_aside")))
      .all();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ subject: `shot:${ada.id}/2`, actorId: null });
    expect(JSON.parse(audits[0]!.detail)).toEqual({ stream: "shots", error: aside!.error, row: JSON.parse(aside!.row) });
    errors.check();
  });
});
