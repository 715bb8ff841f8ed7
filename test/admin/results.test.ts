import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, events, shotConflicts, shots } from "../../src/db/schema.ts";
import type { ShotOpInput } from "../../src/object/contract/index.ts";
import { auditOf, db } from "../helpers/d1.ts";
import { drainOutboxes, register } from "../helpers/entries.ts";
import { OFFICER } from "../helpers/live-scoring.ts";
import { texts } from "../helpers/html.ts";
import { sendJson } from "../helpers/http.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

let ops = 0;
const op = (entryId: string, shotNo: number, value: number, extra: Partial<ShotOpInput> = {}): ShotOpInput => ({
  opId: `admin-op-${Date.now().toString(36)}-${++ops}`,
  entryId,
  shotNo,
  value,
  ...extra,
});

async function scored() {
  const made = await configuredTournament();
  const owner = await staffOf(made.tournament.id, "owner");
  const event = made.events[0]!;
  const { entry } = await register(made.stub, event.id, event.relays[0]!.id, "Sofia Moreau");
  return { ...made, owner, event, entry };
}

async function slot(entryId: string, shotNo: number) {
  return db.select().from(shots).where(and(eq(shots.entryId, entryId), eq(shots.shotNo, shotNo))).get();
}

describe("official results", () => {
  it("with shots missing, asks first: who and how many, nothing changes until confirmed", async () => {
    const { tournament, stub, owner, event, entry } = await scored();
    const other = await register(stub, event.id, event.relays[0]!.id, "Jonas Berg");
    await stub.applyShots([op(entry.id, 1, 104), op(entry.id, 2, 99), op(other.entry.id, 1, 100)], OFFICER);
    const status = `/admin/t/${tournament.slug}/results/events/${event.id}/status`;

    const page = await (await open(owner, `/admin/t/${tournament.slug}/results`)).text();
    expect(await texts(page, "[data-testid=missing-summary]")).toEqual(["3 of 120 shots are entered: 2 competitors are missing 117 shots."]);

    const asked = await send(owner, status, { official: "1" });
    expect(asked.status).toBe(409);
    const html = await asked.text();
    expect(await texts(html, "[data-testid=missing-shots] p:first-of-type")).toEqual(["3 of 120 shots are entered: 2 competitors are missing 117 shots."]);
    expect(await texts(html, "[data-testid=missing-shots-row]")).toEqual(["Jonas Berg: 59 missing (1 entered)", "Sofia Moreau: 58 missing (2 entered)"]);
    expect(await texts(html, "[data-testid=missing-shots] button")).toEqual(["Mark official anyway"]);
    expect(await stub.officialEvents()).toEqual([]);
    expect((await db.select().from(events).where(eq(events.id, event.id)).get())?.resultsStatus).toBe("unofficial");
    expect(await auditOf(tournament.id)).toEqual([]);

    const confirmed = await send(owner, status, { official: "1", confirm: "1" });
    expect(confirmed.status).toBe(303);
    expect(await stub.officialEvents()).toEqual([event.id]);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["results.official"]);
  });

  it("with every card complete, marks official at once", async () => {
    const { tournament, stub, owner, event, entry } = await scored();
    await stub.applyShots(Array.from({ length: 60 }, (_, i) => op(entry.id, i + 1, 100)), OFFICER);
    const page = await (await open(owner, `/admin/t/${tournament.slug}/results`)).text();
    expect(await texts(page, "[data-testid=missing-summary]")).toEqual([]);
    const res = await send(owner, `/admin/t/${tournament.slug}/results/events/${event.id}/status`, { official: "1" });
    expect(res.status).toBe(303);
    expect(await stub.officialEvents()).toEqual([event.id]);
  });

  it("freeze the event: ordinary shots are refused, an audited correction still goes through, reopening needs a reason", async () => {
    const { tournament, stub, owner, event, entry } = await scored();
    await stub.applyShots([op(entry.id, 1, 104)], OFFICER);
    const token = await send(owner, `/admin/t/${tournament.slug}/results/tokens`, { name: "Bank A" });
    const bearer = { headers: { Authorization: `Bearer ${(await texts(await token.text(), "[data-testid=new-token] code"))[0]}` } };

    const res = await send(owner, `/admin/t/${tournament.slug}/results/events/${event.id}/status`, { official: "1", confirm: "1" });
    expect(res.status).toBe(303);
    expect((await db.select().from(events).where(eq(events.id, event.id)).get())?.resultsStatus).toBe("official");
    expect(await stub.officialEvents()).toEqual([event.id]);

    const late = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/shots`, { ops: [op(entry.id, 2, 99), op(entry.id, 1, 100)] }, bearer);
    expect(late.status).toBe(200);
    const body = (await late.json()) as { results: { outcome: string; reason?: string }[] };
    expect(body.results.map((r) => [r.outcome, r.reason])).toEqual([
      ["rejected", "results_official"],
      ["rejected", "results_official"],
    ]);
    expect((await stub.results(event.id))?.rows[0]).toMatchObject({ total: 104, shotsFired: 1 });

    await drainOutboxes(stub);
    const correction = await send(owner, `/admin/t/${tournament.slug}/results/corrections`, { entryId: entry.id, shotNo: "1", value: "10.1", reason: "Target paper rescored" });
    expect(correction.status).toBe(303);
    expect((await stub.results(event.id))?.rows[0]).toMatchObject({ total: 101 });
    await drainOutboxes(stub);
    expect(await slot(entry.id, 1)).toMatchObject({ value: 101 });
    const actions = (await auditOf(tournament.id)).map((a) => a.action);
    expect(actions).toEqual(["token.create", "results.official", "results.correction", "shot.corrected"]);

    const noReason = await send(owner, `/admin/t/${tournament.slug}/results/events/${event.id}/status`, { official: "0", reason: "" });
    expect(noReason.status).toBe(422);
    expect(await texts(await noReason.text(), `#event-${event.id}-reason-error`)).toEqual([expect.stringContaining("Give a reason")]);
    expect(await stub.officialEvents()).toEqual([event.id]);
    const reopened = await send(owner, `/admin/t/${tournament.slug}/results/events/${event.id}/status`, { official: "0", reason: "Protest upheld" });
    expect(reopened.status).toBe(303);
    expect(await stub.officialEvents()).toEqual([]);
    expect((await stub.applyShots([op(entry.id, 2, 99)], OFFICER)).results[0]?.outcome).toBe("applied");
  });

  it("refuses a correction with a bad value or no reason, by the field", async () => {
    const { tournament, stub, owner, entry } = await scored();
    await stub.applyShots([op(entry.id, 1, 104)], OFFICER);
    await drainOutboxes(stub);
    const res = await send(owner, `/admin/t/${tournament.slug}/results/corrections`, { entryId: entry.id, shotNo: "1", value: "12.5", reason: "" });
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#correction-reason-error")).toEqual([expect.stringContaining("Give a reason")]);
    const badValue = await send(owner, `/admin/t/${tournament.slug}/results/corrections`, { entryId: entry.id, shotNo: "1", value: "12.5", reason: "Rescore" });
    expect(badValue.status).toBe(422);
    expect(await texts(await badValue.text(), "#correction-value-error")).toHaveLength(1);
    const empty = await send(owner, `/admin/t/${tournament.slug}/results/corrections`, { entryId: entry.id, shotNo: "7", value: "10.0", reason: "Rescore" });
    expect(await texts(await empty.text(), "#correction-shotNo-error")).toEqual(["Shot 7 of this competitor is empty: there is nothing to correct."]);
    expect((await stub.results(entry.eventId))?.rows[0]).toMatchObject({ total: 104 });
  });
});

describe("the conflicts queue", () => {
  it("applies the chosen value with the reason, audits the decision, and copies the resolution to D1", async () => {
    const { tournament, stub, owner, event, entry } = await scored();
    await stub.applyShots([op(entry.id, 1, 104, { deviceId: "tablet-1" }), op(entry.id, 2, 95, { deviceId: "tablet-1" })], OFFICER);
    const conflicting = await stub.applyShots([op(entry.id, 1, 98, { deviceId: "tablet-2" }), op(entry.id, 2, 99, { deviceId: "tablet-2" })], OFFICER);
    expect(conflicting.results.map((r) => r.outcome)).toEqual(["conflict", "conflict"]);
    const [first, second] = await stub.conflicts(null, false);

    const page = await (await open(owner, `/admin/t/${tournament.slug}/results`)).text();
    expect(await texts(page, "[data-testid=conflict] h3")).toEqual(["Sofia Moreau · Air Rifle · shot 1", "Sofia Moreau · Air Rifle · shot 2"]);
    expect(await texts(page, "[data-testid=conflict] strong")).toEqual(["10.4", "9.8", "9.5", "9.9"]);

    const noReason = await send(owner, `/admin/t/${tournament.slug}/results/conflicts/${first!.opId}`, { keep: "incoming", reason: "" });
    expect(noReason.status).toBe(422);
    expect((await stub.conflicts(null, false)).length).toBe(2);

    const take = await send(owner, `/admin/t/${tournament.slug}/results/conflicts/${first!.opId}`, { keep: "incoming", reason: "Tablet 1 misread the card" });
    expect(take.status).toBe(303);
    const keep = await send(owner, `/admin/t/${tournament.slug}/results/conflicts/${second!.opId}`, { keep: "standing", reason: "Paper target confirms 9.5" });
    expect(keep.status).toBe(303);
    expect(await stub.conflicts(null, false)).toEqual([]);
    expect((await stub.results(event.id))?.rows[0]).toMatchObject({ total: 98 + 95 });

    await drainOutboxes(stub);
    expect(await slot(entry.id, 1)).toMatchObject({ value: 98 });
    expect(await slot(entry.id, 2)).toMatchObject({ value: 95 });
    const stored = await db.select().from(shotConflicts).where(eq(shotConflicts.entryId, entry.id)).all();
    expect(stored.map((c) => c.resolvedAt !== null)).toEqual([true, true]);
    const audit = await auditOf(tournament.id);
    const decisions = audit.filter((a) => a.action === "conflict.resolved").map((a) => JSON.parse(a.detail));
    expect(decisions).toMatchObject([
      { kept: "incoming", reason: "Tablet 1 misread the card", value: { value: 98 } },
      { kept: "standing", reason: "Paper target confirms 9.5", value: { value: 95 } },
    ]);
    expect(audit.filter((a) => a.action === "shot.corrected")).toHaveLength(1);
    expect((await send(owner, `/admin/t/${tournament.slug}/results/conflicts/${first!.opId}`, { keep: "incoming", reason: "again" })).status).toBe(404);
  });
});

describe("scoring tokens", () => {
  it("are created once-visible and revoked at once; another tournament's token is not found here", async () => {
    const { tournament, owner, entry } = await scored();
    const other = await scored();
    const made = await send(owner, `/admin/t/${tournament.slug}/results/tokens`, { name: "Target bank A" });
    expect(made.status).toBe(200);
    const html = await made.text();
    const token = (await texts(html, "[data-testid=new-token] code"))[0]!;
    expect(token).toMatch(/^trs_/);
    // A tablet enrols by scanning it: the QR code (an SVG drawn on the server) and the same link, the token in the fragment.
    expect(html).toContain(`href="https://tenring.test/score/app#enrol=${tournament.slug}:${token}"`);
    expect(html).toMatch(/data-testid="enrol-qr"[\s\S]*?<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const row = (await db.select().from(apiTokens).where(eq(apiTokens.tournamentId, tournament.id)).all())[0]!;
    expect(row).toMatchObject({ kind: "scoring", name: "Target bank A", revokedAt: null });
    const listed = await (await open(owner, `/admin/t/${tournament.slug}/results`)).text();
    expect(listed).not.toContain(token);
    // The token's name and its maker's, not one for the other (both columns are "name" in the batch).
    expect((await texts(listed, "[data-testid=scoring-token] strong"))[0]).toBe("Target bank A");
    expect((await texts(listed, "[data-testid=scoring-token] .meta"))[0]).toMatch(new RegExp(`^by ${owner.user.name},`));

    const bearer = { headers: { Authorization: `Bearer ${token}` } };
    const accepted = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/shots`, { ops: [op(entry.id, 1, 100)] }, bearer);
    expect(accepted.status).toBe(200);

    const foreign = await send(other.owner, `/admin/t/${other.tournament.slug}/results/tokens/${row.id}/revoke`);
    expect(foreign.status).toBe(404);
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, row.id)).get())?.revokedAt).toBeNull();

    const revoked = await send(owner, `/admin/t/${tournament.slug}/results/tokens/${row.id}/revoke`);
    expect(revoked.status).toBe(303);
    const refused = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/shots`, { ops: [op(entry.id, 2, 100)] }, bearer);
    expect(refused.status).toBe(401);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["token.create", "token.revoke"]);
  });
});
