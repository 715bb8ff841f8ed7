import { describe, expect, it } from "vitest";
import { adminRoutes } from "../../src/routes/admin/index.ts";
import { auditLog } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { texts } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

describe("the audit log", () => {
  it("lists who did what, newest first, filtered by action and by actor, a page at a time", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner", { name: "Anna Owner" });
    const organiser = await staffOf(tournament.id, "organiser", { name: "Olga Organiser" });
    const now = Date.now();
    const rows55 = Array.from({ length: 55 }, (_, i) => ({
      tournamentId: tournament.id,
      actorId: i % 2 === 0 ? owner.user.id : organiser.user.id,
      action: i % 5 === 0 ? "entry.remove" : "entry.check_in",
      subject: `entry:${tournament.id}-e${i}`,
      detail: JSON.stringify({ n: i, reason: "<b>late</b>" }),
      at: now + i,
    }));
    // D1 binds at most 100 parameters per statement: 10 rows of 7 at a time.
    for (let i = 0; i < rows55.length; i += 10) await db.insert(auditLog).values(rows55.slice(i, i + 10));
    const base = `/admin/t/${tournament.slug}/audit`;
    const first = await (await open(organiser, base)).text();
    const shown = await texts(first, "[data-testid=audit-row] td:nth-child(4)");
    expect(shown).toHaveLength(50);
    expect(shown[0]).toBe(`entry:${tournament.id}-e54`);
    expect(first).toContain("&lt;b&gt;late&lt;/b&gt;");
    expect(await texts(first, ".pager a")).toEqual(["Older →"]);
    const second = await (await open(organiser, `${base}?page=2`)).text();
    expect(await texts(second, "[data-testid=audit-row] td:nth-child(4)")).toEqual([4, 3, 2, 1, 0].map((i) => `entry:${tournament.id}-e${i}`));

    const removals = await (await open(organiser, `${base}?action=entry.remove`)).text();
    expect(await texts(removals, "[data-testid=audit-row] td:nth-child(3)")).toEqual(Array(11).fill("entry.remove"));
    const byOlga = await (await open(organiser, `${base}?actor=${organiser.user.id}&action=entry.remove`)).text();
    expect(await texts(byOlga, "[data-testid=audit-row] td:nth-child(2)")).toEqual(Array(5).fill("Olga Organiser"));
  });

  it("has no way to change it: no route writes to it, and posting there finds nothing", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    expect([...new Set(adminRoutes.routes.filter((r) => r.path.includes("/audit")).map((r) => r.method))]).toEqual(["GET"]);
    const res = await send(owner, `/admin/t/${tournament.slug}/audit`, { action: "x" });
    expect(res.status).toBe(404);
  });
});
