import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ShotOpInput } from "../../src/object/contract/index.ts";
import { get, postForm, sendJson } from "../helpers/http.ts";
import { select, texts } from "../helpers/html.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { marker, Viewer } from "../helpers/socket.ts";
import { staffOf } from "../helpers/staff.ts";

type World = Awaited<ReturnType<typeof scoringTournament>>;

/** A full 60-shot card of `base` tenths, with the shots named in `changes`. */
function card(entryId: string, base: number, changes: Record<number, number> = {}): ShotOpInput[] {
  return Array.from({ length: 60 }, (_, i) => shot(entryId, i + 1, changes[i + 1] ?? base));
}

/**
 * Nine qualifiers: seven clear (10.7 … 10.1 every shot), then Hal and Ivy both 600.0; Ivy's last series is
 * 100.5 (shot 55 10.5, shot 5 9.5) against Hal's 100.0, so Ivy is eighth and Hal ninth.
 */
async function qualified(w: World) {
  const event = w.events[0]!;
  const names = ["Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy"];
  const entries: { id: string }[] = [];
  for (const name of names) entries.push((await enter(w.stub, event, name)).entry);
  const ops = [
    ...[107, 106, 105, 104, 103, 102, 101].flatMap((v, i) => card(entries[i]!.id, v)),
    ...card(entries[7]!.id, 100),
    ...card(entries[8]!.id, 100, { 55: 105, 5: 95 }),
  ];
  for (let i = 0; i < ops.length; i += 500) await w.stub.applyShots(ops.slice(i, i + 500), OFFICER);
  return { event, byName: new Map(names.map((n, i) => [n, entries[i]!])) };
}

async function watchFinal(slug: string, finalId: number): Promise<Viewer> {
  const res = await exports.default.fetch(`https://tenring.test/t/${slug}/finals/${finalId}/socket`, {
    headers: { Upgrade: "websocket", "CF-Connecting-IP": "198.51.100.7" },
  });
  expect(res.status).toBe(101);
  return new Viewer(res.webSocket!);
}

describe("a final as a live event", () => {
  it("an organiser creates the final: the best eight by the qualification's tie-breaks (Ivy eighth, not Hal)", async () => {
    const w = await scoringTournament();
    const { event, byName } = await qualified(w);
    const organiser = await staffOf(w.tournament.id, "organiser");
    const res = await postForm(`/admin/t/${w.tournament.slug}/finals/events/${event.id}`, { _csrf: organiser.csrf, format: "issf-decimal-final" }, { cookie: organiser.cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("is ready: eight finalists");
    const [summary] = await w.stub.finalsList();
    const view = await w.stub.final(summary!.id);
    expect(view!.finalists.map((f) => f.entryId)).toEqual(["Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Ivy"].map((n) => byName.get(n)!.id));
    expect(view!.finalists.every((f) => f.shots.length === 0)).toBe(true);

    const again = await postForm(`/admin/t/${w.tournament.slug}/finals/events/${event.id}`, { _csrf: organiser.csrf, format: "issf-decimal-final" }, { cookie: organiser.cookie });
    expect(again.status).toBe(409);
  });

  it("refuses a final while two are equal for eighth after every tie-break", async () => {
    const w = await scoringTournament();
    const event = w.events[0]!;
    const entries: { id: string }[] = [];
    for (let i = 0; i < 9; i++) entries.push((await enter(w.stub, event, `Q${i}`)).entry);
    const ops = entries.flatMap((e, i) => card(e.id, i < 7 ? 107 - i : 100));
    for (let i = 0; i < ops.length; i += 500) await w.stub.applyShots(ops.slice(i, i + 500), OFFICER);
    const result = await w.stub.createFinal({ eventId: event.id, formatId: "issf-decimal-final", createdBy: null });
    expect(result).toMatchObject({ outcome: "refused", reason: "tie_for_last_place", tied: [entries[7]!.id, entries[8]!.id].sort() });
  });

  it("range officers enter final shots through the API like any shot; the board greys out the eliminated live", async () => {
    const w = await scoringTournament();
    const { event } = await qualified(w);
    const made = await w.stub.createFinal({ eventId: event.id, formatId: "issf-decimal-final", createdBy: null });
    if (made.outcome !== "created") throw new Error(made.message);
    const view = (await w.stub.final(made.finalId))!;
    const officer = await staffOf(w.tournament.id, "range_officer");
    const viewer = await watchFinal(w.tournament.slug, made.finalId);
    const url = `/api/v1/tournaments/${w.tournament.slug}/finals/${made.finalId}/shots`;

    // 12 shots each: finalist k (0 = best qualifier) shoots 10.(7 − k); the eighth (Ivy) 10.0 → 120.0, out after 12.
    const ops = view.finalists.flatMap((f, k) =>
      Array.from({ length: 12 }, (_, i) => shot(f.entryId, i + 1, k === 7 ? 100 : 107 - k)),
    );
    const first = ops[0]!;
    const res = await sendJson("POST", url, { ops: [...ops, first] }, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { outcome: string; reason?: string }[] };
    expect(body.results.at(-1)).toMatchObject({ outcome: "duplicate", reason: "known_op" });
    expect(body.results.slice(0, -1).every((r) => r.outcome === "applied")).toBe(true);

    const message = await viewer.next();
    expect(marker(message)).toEqual({ seq: 1, kind: "snapshot" });
    const ivy = view.finalists[7]!.entryId;
    expect(message).toContain(`id="final-${ivy}" class="final-row eliminated"`);
    expect(message).toContain("Out after shot 12");
    expect(message).toContain("Shot 12 of 24 &#183; next elimination after shot 14");

    const page = await get(`/t/${w.tournament.slug}/finals/${made.finalId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(await texts(html, "#final-rows tr.eliminated .status")).toEqual(["Out after shot 12"]);
    expect((await select(html, "#final-rows tr")).map((r) => r.attrs["data-entry"])).toEqual(view.finalists.map((f) => f.entryId));
  });

  it("a tie at the cut needs a shoot-off shot, entered like any shot with shootOffAfter", async () => {
    const w = await scoringTournament();
    const { event } = await qualified(w);
    const made = await w.stub.createFinal({ eventId: event.id, formatId: "issf-decimal-final", createdBy: null });
    if (made.outcome !== "created") throw new Error(made.message);
    const ids = (await w.stub.final(made.finalId))!.finalists.map((f) => f.entryId);
    // The last two both shoot 10.0: 120.0 each after 12.
    const ops = ids.flatMap((id, k) => Array.from({ length: 12 }, (_, i) => shot(id, i + 1, k >= 6 ? 100 : 107 - k)));
    await w.stub.applyFinalShots(made.finalId, ops, OFFICER);
    const tied = await get(`/t/${w.tournament.slug}/finals/${made.finalId}`);
    expect(await texts(await tied.text(), "#final-rows .status")).toEqual(["", "", "", "", "", "", "Shoot-off", "Shoot-off"]);

    const shootOff = await w.stub.applyFinalShots(
      made.finalId,
      [shot(ids[6]!, 1, 98, { shootOffAfter: 12 } as Partial<ShotOpInput>), shot(ids[7]!, 1, 103, { shootOffAfter: 12 } as Partial<ShotOpInput>), shot(ids[7]!, 1, 99, { shootOffAfter: 13 } as Partial<ShotOpInput>)],
      OFFICER,
    );
    expect(shootOff.results.map((r) => r.outcome)).toEqual(["applied", "applied", "rejected"]);
    expect(shootOff.results[2]!.message).toContain("There is no elimination after shot 13");
    const after = await (await get(`/t/${w.tournament.slug}/finals/${made.finalId}`)).text();
    const last = (await select(after, "#final-rows tr")).at(-1)!;
    expect(last.attrs["data-entry"]).toBe(ids[6]);
    expect(last.attrs["data-status"]).toBe("Out after shot 12");
  });
});
