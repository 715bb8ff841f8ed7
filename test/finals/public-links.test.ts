import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { finals } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { select } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { staffOf } from "../helpers/staff.ts";

/** Eight qualifiers with full 60-shot cards, 10.7 down to 10.0: the final can be made. */
async function qualifiedEight() {
  const w = await scoringTournament();
  const event = w.events[0]!;
  const ops = [];
  for (const [i, name] of ["Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal"].entries()) {
    const { entry } = await enter(w.stub, event, name);
    ops.push(...Array.from({ length: 60 }, (_, n) => shot(entry.id, n + 1, 107 - i)));
  }
  for (let i = 0; i < ops.length; i += 500) await w.stub.applyShots(ops.slice(i, i + 500), OFFICER);
  return { ...w, event };
}

const finalLinks = async (path: string) => (await select(await (await get(path)).text(), "[data-testid=final-link]")).map((a) => a.attrs.href);

describe("an event's final from the public pages", () => {
  it("the tournament, results and scoreboard pages link the final once an organiser made it (cached copies are renewed)", async () => {
    const { tournament, event } = await qualifiedEight();
    const pages = [`/t/${tournament.slug}`, `/t/${tournament.slug}/results/${event.id}`, `/t/${tournament.slug}/live/${event.id}`];
    for (const path of pages) expect(await finalLinks(path), path).toEqual([]);
    const api = `/api/v1/tournaments/${tournament.slug}/results?event=${event.id}`;
    expect(((await (await get(api)).json()) as { final: unknown }).final).toBeNull();

    const organiser = await staffOf(tournament.id, "organiser");
    const made = await postForm(`/admin/t/${tournament.slug}/finals/events/${event.id}`, { _csrf: organiser.csrf, format: "issf-decimal-final" }, { cookie: organiser.cookie });
    expect(made.status).toBe(200);
    const noted = await db.select().from(finals).where(eq(finals.eventId, event.id)).get();
    expect(noted).toMatchObject({ tournamentId: tournament.id, formatId: "issf-decimal-final" });

    const href = `/t/${tournament.slug}/finals/${noted!.finalId}`;
    for (const path of pages) expect(await finalLinks(path), path).toEqual([href]);
    expect((await get(href)).status).toBe(200);
    expect(((await (await get(api)).json()) as { final: unknown }).final).toEqual({ id: noted!.finalId, url: href });
  });
});
