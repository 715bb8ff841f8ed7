import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "../../src/db/schema.ts";
import { TRIES_BEFORE_SET_ASIDE } from "../../src/object/outbox/driver.ts";
import { createUsers } from "../helpers/accounts.ts";
import { d1Entries, db } from "../helpers/d1.ts";
import { copied, drainOutboxes, freshKey, objectEntries } from "../helpers/entries.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { expectErrorLog } from "../helpers/console.ts";

function setAsideAudits(tournamentId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tournamentId, tournamentId), eq(auditLog.action, "outbox.set_aside")))
    .all();
}

describe("rows D1 refuses for good", () => {
  it("are set aside after repeated constraint failures, audited in D1, and no longer hold back the rows behind them", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=entries .*FOREIGN KEY constraint failed/);
    const { stub, tournament, events } = await createTournament({ events: [{ relays: [{ firingPoints: 6 }] }] });
    const ids = await createUsers(5);
    const eventId = events[0]!.id;
    for (const userId of ids) await stub.register({ userId, eventId, relayId: "any", idempotencyKey: freshKey() });
    // Two competitors deleted in D1 before their entries were copied: D1 refuses those rows (FOREIGN KEY).
    const gone = [ids[1]!, ids[3]!];
    await db.delete(users).where(inArray(users.id, gone)).run();

    // A constraint failure may be a row D1 lacks only for now, so it is first retried like any failure.
    for (let i = 1; i < TRIES_BEFORE_SET_ASIDE; i++) await runDurableObjectAlarm(stub);
    expect(await stub.outboxPending()).toBeGreaterThan(0);
    expect(await stub.setAsideRows()).toEqual([]);
    expect(await d1Entries(tournament.id)).toEqual([]);

    await drainOutboxes(stub);
    const inObject = await objectEntries(stub);
    const refused = inObject.filter((e) => gone.includes(e.userId));
    // Everything else reached D1, as the object has it.
    expect((await d1Entries(tournament.id)).map(copied)).toEqual(inObject.filter((e) => !gone.includes(e.userId)).map(copied));

    const aside = await stub.setAsideRows();
    expect(aside.map((r) => r.subject).sort()).toEqual(refused.map((e) => `entry:${e.id}`).sort());
    for (const row of aside) {
      expect(row).toMatchObject({ stream: "entries", tournamentId: tournament.id });
      expect(row.error).toMatch(/FOREIGN KEY/);
      expect(row.at).toBeGreaterThan(0);
      expect(gone).toContain((JSON.parse(row.row) as { userId: number }).userId);
    }
    const audits = await setAsideAudits(tournament.id);
    expect(audits.map((a) => a.subject).sort()).toEqual(aside.map((r) => r.subject).sort());
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ stream: "entries", error: expect.stringMatching(/FOREIGN KEY/) });

    // Later alarms change nothing: nothing pending, no second audit row.
    await runDurableObjectAlarm(stub);
    expect(await stub.outboxPending()).toBe(0);
    expect(await setAsideAudits(tournament.id)).toHaveLength(gone.length);
    errors.check();
  });

  it("are only constraint failures: a D1 that is unreachable keeps every row however often it fails", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=entries .*no such table: entries/);
    const { stub, tournament, events } = await createTournament();
    const ids = await createUsers(2);
    for (const userId of ids) await stub.register({ userId, eventId: events[0]!.id, relayId: "any", idempotencyKey: freshKey() });
    await env.DB.prepare("ALTER TABLE entries RENAME TO entries_offline").run();
    try {
      for (let i = 0; i < TRIES_BEFORE_SET_ASIDE + 2; i++) await runDurableObjectAlarm(stub);
      expect(await stub.outboxPending()).toBeGreaterThan(0);
      expect(await stub.setAsideRows()).toEqual([]);
    } finally {
      await env.DB.prepare("ALTER TABLE entries_offline RENAME TO entries").run();
    }
    await drainOutboxes(stub);
    expect(await d1Entries(tournament.id)).toHaveLength(2);
    expect(await setAsideAudits(tournament.id)).toEqual([]);
    errors.check();
  });

  it("are reported to D1 by a later alarm when the audit could not be written at once", async () => {
    const errors = expectErrorLog(/^outbox: D1 refused a batch; it is kept and tried again .*stream=entries .*FOREIGN KEY constraint failed/, /^outbox: D1 refused the audit of set-aside rows; the alarm tries again .*rows=1 .*no such table: audit_log/);
    const { stub, tournament, events } = await createTournament();
    const [kept, deleted] = await createUsers(2);
    for (const userId of [kept!, deleted!]) await stub.register({ userId, eventId: events[0]!.id, relayId: "any", idempotencyKey: freshKey() });
    await db.delete(users).where(eq(users.id, deleted!)).run();
    await env.DB.prepare("ALTER TABLE audit_log RENAME TO audit_log_offline").run();
    try {
      await drainOutboxes(stub);
      expect(await stub.setAsideRows()).toHaveLength(1);
    } finally {
      await env.DB.prepare("ALTER TABLE audit_log_offline RENAME TO audit_log").run();
    }
    expect(await setAsideAudits(tournament.id)).toEqual([]);
    // The alarm is still set for the report.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await setAsideAudits(tournament.id)).map((a) => a.subject)).toEqual((await stub.setAsideRows()).map((r) => r.subject));
    expect(await d1Entries(tournament.id)).toHaveLength(1);
    errors.check();
  });
});
