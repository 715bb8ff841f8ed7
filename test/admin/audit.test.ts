import { describe, expect, it } from "vitest";
import { adminRoutes } from "../../src/routes/admin/index.ts";
import { auditLog } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes, register } from "../helpers/entries.ts";
import { texts } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

describe("the audit log", () => {
  it("lists who did what as sentences, newest first, filtered by action and by actor, a page at a time", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner", { name: "Anna Owner" });
    const organiser = await staffOf(tournament.id, "organiser", { name: "Olga Organiser" });
    const now = Date.now();
    const rows55 = Array.from({ length: 55 }, (_, i) => ({
      tournamentId: tournament.id,
      actorId: i % 2 === 0 ? owner.user.id : organiser.user.id,
      action: i % 5 === 0 ? "token.revoke" : "staff.uninvite",
      subject: i % 5 === 0 ? `token:${i}` : `email:p${i}@example.test`,
      detail: JSON.stringify(i % 5 === 0 ? { name: `<b>Bank</b> ${i}` } : { email: `p${i}@example.test` }),
      at: now + i,
    }));
    // D1 binds at most 100 parameters per statement: 10 rows of 7 at a time.
    for (let i = 0; i < rows55.length; i += 10) await db.insert(auditLog).values(rows55.slice(i, i + 10));
    const base = `/admin/t/${tournament.slug}/audit`;
    const first = await (await open(organiser, base)).text();
    const shown = await texts(first, "[data-testid=audit-row] .audit-sentence");
    expect(shown).toHaveLength(50);
    expect(shown[0]).toBe("Anna Owner cancelled the staff invitation for p54@example.test.Invitation cancelled");
    expect(shown[9]).toBe("Olga Organiser revoked the scoring token “<b>Bank</b> 45”.Scoring token revoked");
    expect(first).toContain("&lt;b&gt;Bank&lt;/b&gt; 45");
    expect(await texts(first, ".pager a")).toEqual(["Older →"]);
    const second = await (await open(organiser, `${base}?page=2`)).text();
    expect((await texts(second, "[data-testid=audit-row] .audit-sentence a")).map((t) => t.replace(/\D/g, ""))).toEqual(["0"]);
    expect(await texts(second, "[data-testid=audit-row]")).toHaveLength(5);

    const revoked = await (await open(organiser, `${base}?action=token.revoke`)).text();
    expect(await texts(revoked, "[data-testid=audit-row] .audit-action")).toEqual(Array(11).fill("Scoring token revoked"));
    expect(await texts(revoked, "#audit-action option[selected]")).toEqual(["Scoring token revoked"]);
    const byOlga = await (await open(organiser, `${base}?actor=${organiser.user.id}&action=token.revoke`)).text();
    expect((await texts(byOlga, "[data-testid=audit-row] .audit-sentence")).every((t) => t.startsWith("Olga Organiser revoked"))).toBe(true);
    expect(await texts(byOlga, "[data-testid=audit-row]")).toHaveLength(5);
  });

  it("says what organisers did in words, with names and links, in the tournament's zone (one read of the names)", async () => {
    const { tournament, stub, events } = await configuredTournament({
      events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 1 }, { name: "Relay 2", firingPoints: 1 }] }],
    });
    const organiser = await staffOf(tournament.id, "organiser", { name: "Olga Organiser" });
    const [r1, r2] = events[0]!.relays;
    const mover = await register(stub, events[0]!.id, r1!.id, "Max Hahn");
    const moved = await send(organiser, `/admin/t/${tournament.slug}/entries/${mover.entry.id}/move`, { relayId: String(r2!.id) });
    expect(moved.status).toBe(303);
    await drainOutboxes(stub);
    const html = await (await open(organiser, `/admin/t/${tournament.slug}/audit`)).text();
    expect(await texts(html, "[data-testid=audit-row] .audit-sentence")).toEqual([
      "Olga Organiser moved Max Hahn’s entry in Air Rifle from Relay 1 to Relay 2.Entry moved",
    ]);
    expect(html).toContain(`<a href="/admin/t/${tournament.slug}/entries/${mover.entry.id}">Max Hahn</a>`);
    expect(html).toContain(`<a href="/admin/t/${tournament.slug}/relays/${r2!.id}">Relay 2</a>`);
    expect(html).not.toContain(`entry:${mover.entry.id}`);
  });

  it("has no way to change it: no route writes to it, and posting there finds nothing", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    expect([...new Set(adminRoutes.routes.filter((r) => r.path.includes("/audit")).map((r) => r.method))]).toEqual(["GET"]);
    const res = await send(owner, `/admin/t/${tournament.slug}/audit`, { action: "x" });
    expect(res.status).toBe(404);
  });
});
