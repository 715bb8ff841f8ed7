import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { get, sendJson } from "../helpers/http.ts";
import { enter, scoringState, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { staffOf } from "../helpers/staff.ts";
import { db } from "../helpers/d1.ts";

/** What the offline scoring app (browser/offline) relies on: the relay's cards to keep, and its device reports. */
const post = (slug: string, body: unknown, call: Parameters<typeof sendJson>[3] = {}) => sendJson("POST", `/api/v1/tournaments/${slug}/shots`, body, call);

async function devices(tournamentId: number) {
  return (await env.DB.prepare("SELECT device_id, label, user_id, token_id, pending, conflicts, ops_sent FROM scoring_devices WHERE tournament_id = ?").bind(tournamentId).all()).results;
}

describe("offline devices: relay cards and reports", () => {
  it("gives an enrolled tablet (scoring token) the relay's cards: names, firing points, shots and open conflicts", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const a = await enter(stub, events[0]!, "Ada Archer");
    await enter(stub, events[0]!, "Ben Bolt");
    await drainOutboxes(stub);
    const organiser = await staffOf(tournament.id, "organiser");
    const tablet = await createApiToken(db, { kind: "scoring", tournamentId: tournament.id, userId: organiser.user.id }, "Tablet 1");
    const auth = { headers: { Authorization: `Bearer ${tablet.token}` } };
    const first = shot(a.entry.id, 1, 104, { deviceId: "tablet-1" });
    const other = shot(a.entry.id, 1, 98, { deviceId: "tablet-2" });
    expect((await post(tournament.slug, { ops: [first, other] }, auth)).status).toBe(200);

    const res = await get(`/api/v1/tournaments/${tournament.slug}/relays/${events[0]!.relays[0]!.id}/cards`, auth);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const pack = (await res.json()) as { discipline: string; entries: { entryId: string; name: string; shots: unknown[] }[]; conflicts: unknown[] };
    expect(pack.discipline).toBe("air-rifle-10m");
    expect(pack.entries.map((e) => [e.name, e.shots])).toEqual([
      ["Ada Archer", [{ shotNo: 1, value: 104, innerTen: false }]],
      ["Ben Bolt", []],
    ]);
    expect(pack.conflicts).toEqual([
      { opId: other.opId, entryId: a.entry.id, shotNo: 1, standing: { value: 104, innerTen: false, opId: first.opId }, incoming: { value: 98, innerTen: false, deviceId: "tablet-2" } },
    ]);
  });

  it("refuses the cards to a token of another tournament, to nobody, and answers 404 for a relay elsewhere", async () => {
    const home = await scoringTournament();
    const away = await scoringTournament();
    const organiser = await staffOf(away.tournament.id, "organiser");
    const awayToken = await createApiToken(db, { kind: "scoring", tournamentId: away.tournament.id, userId: organiser.user.id }, "Tablet");
    const path = `/api/v1/tournaments/${home.tournament.slug}/relays/${home.events[0]!.relays[0]!.id}/cards`;
    expect((await get(path, { headers: { Authorization: `Bearer ${awayToken.token}` } })).status).toBe(403);
    expect((await get(path)).status).toBe(401);
    const officer = await staffOf(away.tournament.id, "range_officer");
    const elsewhere = await get(`/api/v1/tournaments/${away.tournament.slug}/relays/${home.events[0]!.relays[0]!.id}/cards`, { cookie: officer.cookie });
    expect(elsewhere.status).toBe(404);
  });

  it("records each device's report with its batch, and lists it on the organiser's devices page", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const officer = await staffOf(tournament.id, "range_officer", { name: "Rita Range" });
    const report = { deviceId: "dev-7f3a9c21", label: "Mozilla/5.0 (Linux; Android 14) Chrome/140", pending: 3, conflicts: 0 };
    await post(tournament.slug, { ops: [shot(entry.id, 1, 100), shot(entry.id, 2, 101)], device: report }, { cookie: officer.cookie });
    await post(tournament.slug, { ops: [shot(entry.id, 3, 102)], device: { ...report, pending: 1, conflicts: 1 } }, { cookie: officer.cookie });
    expect(await devices(tournament.id)).toEqual([
      { device_id: "dev-7f3a9c21", label: report.label, user_id: officer.user.id, token_id: null, pending: 0, conflicts: 1, ops_sent: 3 },
    ]);

    const organiser = await staffOf(tournament.id, "organiser");
    const page = await (await get(`/admin/t/${tournament.slug}/devices`, { cookie: organiser.cookie })).text();
    expect(page).toContain("Rita Range");
    expect(page).toContain("dev-7f3a");
    expect(page).toContain("Android 14 · Chrome 140");
    expect((await get(`/admin/t/${tournament.slug}/devices`, { cookie: officer.cookie })).status).toBe(403);
  });

  it("refuses a malformed device report with 422 and applies nothing of the batch", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const { entry } = await enter(stub, events[0]!);
    const officer = await staffOf(tournament.id, "range_officer");
    const before = await scoringState(stub);
    const res = await post(tournament.slug, { ops: [shot(entry.id, 1, 100)], device: { deviceId: "", pending: -1, conflicts: 0 } }, { cookie: officer.cookie });
    expect(res.status).toBe(422);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await scoringState(stub)).toEqual(before);
    expect(await devices(tournament.id)).toEqual([]);
  });
});

describe("the installable scoring app", () => {
  it("serves its worker for /score/ with a versioned precache of hashed files, its own policy and no-cache", async () => {
    const res = await get("/score/sw.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("javascript");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(res.headers.get("Service-Worker-Allowed")).toBe("/score/");
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    const text = await res.text();
    const config = JSON.parse(/self\.TENRING_SW = (.*);/.exec(text)![1]!) as { version: string; shell: string; precache: string[] };
    expect(config.shell).toBe("/score/app");
    expect(config.version).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(config.precache.filter((p) => p !== "/score/app").every((p) => /^\/h\/[A-Za-z0-9.-]+\.[0-9a-f]{10}\.(js|css|svg)$/.test(p))).toBe(true);
    expect(config.precache.some((p) => p.startsWith("/h/score-app."))).toBe(true);
    expect(config.precache.some((p) => p.startsWith("/h/htmx-"))).toBe(true);
    expect(text).toMatch(/importScripts\("\/h\/score-sw\.[0-9a-f]{10}\.js"\)/);
  });

  it("serves the shell and the manifest to anyone (no session: the worker keeps them)", async () => {
    const shell = await get("/score/app");
    expect(shell.status).toBe(200);
    const html = await shell.text();
    expect(html).toContain('id="sync-bar"');
    expect(html).toMatch(/<script nonce="[^"]+" src="\/h\/score-app\.[0-9a-f]{10}\.js"/);
    const manifest = await get("/score/manifest.webmanifest");
    expect(manifest.headers.get("Content-Type")).toBe("application/manifest+json");
    expect(await manifest.json()).toMatchObject({ start_url: "/score/app", scope: "/score/", display: "standalone" });
  });
});
