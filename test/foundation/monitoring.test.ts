import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../src/env.ts";
import { objectLog } from "../../src/lib/log.ts";
import { requestLog } from "../../src/middleware/request-log.ts";
import { drainOutboxes, register } from "../helpers/entries.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { marker, socketUrl, Viewer, watch } from "../helpers/socket.ts";
import { db } from "../helpers/d1.ts";
import { expectErrorLog } from "../helpers/console.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { TournamentClient } from "../../src/object-client/client.ts";
import { staffOf } from "../helpers/staff.ts";
import { createTournament } from "../helpers/tournaments.ts";

afterEach(() => vi.restoreAllMocks());

/** What was written to the console, one parsed JSON object per line. */
function linesOf(spy: { mock: { calls: unknown[][] } }): Record<string, unknown>[] {
  return spy.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
}

describe("structured logs", () => {
  it("write one JSON line per message with the request's id, which the response names", async () => {
    const info = vi.spyOn(console, "log").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const app = new Hono<AppEnv>().use(requestLog).get("/work", (c) => {
      c.get("log").info("working", { items: 3 });
      c.get("log").error("failed", new Error("boom", { cause: new Error("underneath") }));
      return c.text("done");
    });
    const res = await app.request("https://tenring.test/work", {}, env);
    const requestId = res.headers.get("X-Request-Id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [line] = linesOf(info);
    expect(line).toMatchObject({ level: "info", message: "working", requestId, method: "GET", path: "/work", items: 3 });
    const [failure] = linesOf(error);
    expect(failure).toMatchObject({ level: "error", message: "failed", requestId, error: { name: "Error", message: "boom", cause: { message: "underneath" } } });
  });

  it("carry Cloudflare's ray id as the request id, and every app response names its id", async () => {
    const app = new Hono<AppEnv>().use(requestLog).get("/", (c) => c.text("ok"));
    expect((await app.request("https://tenring.test/", { headers: { "cf-ray": "8f2a-AMS" } }, env)).headers.get("X-Request-Id")).toBe("8f2a-AMS");
    expect((await get("/healthz")).headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carry the Worker's request id on the tournament object's lines: through client calls, and for a socket's messages", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { tournament, stub, events } = await scoringTournament();
    const event = events[0]!;
    const { entry } = await enter(stub, event, "Rhea Request");
    // D1 cannot answer for a moment: the object logs that it could not read the competitors' names.
    await env.DB.exec("ALTER TABLE users RENAME TO users_away");
    try {
      const errors = expectErrorLog(
        /^live: could not read competitor names from D1 tournamentId=\d+ requestId=ray-socket-9 competitors=1/,
        /^live: could not read competitor names from D1 tournamentId=\d+ requestId=req-shots-1 competitors=1/,
      );
      // A socket opened by a request (its ray id here): the object's lines about that socket carry the request's id.
      const res = await exports.default.fetch(socketUrl(tournament.slug, event.id), { headers: { Upgrade: "websocket", "cf-ray": "ray-socket-9" } });
      const viewer = new Viewer(res.webSocket!);
      // A call through the client names the request it is made for; the object's lines while serving it name it too.
      const client = new TournamentClient(env, db, tournament.id, { requestId: "req-shots-1" });
      await client.call("applyShots", [shot(entry.id, 1, 100)], OFFICER);
      expect(marker(await viewer.next())).toMatchObject({ seq: 1, kind: "update" });
      for (let i = 0; i < 200; i++) {
        try {
          viewer.send(JSON.stringify({ type: "hello", seq: 1 }));
        } catch {
          break; // closed by the server meanwhile
        }
      }
      expect((await viewer.closed).code).toBe(1008);
      const flood = linesOf(warn).find((l) => l.message === "live: closed a scoreboard socket that sent too many messages");
      expect(flood).toMatchObject({ tournamentId: tournament.id, eventId: event.id, requestId: "ray-socket-9" });
      errors.check();
    } finally {
      await env.DB.exec("ALTER TABLE users_away RENAME TO users");
    }
  });

  it("name the tournament on every line the tournament object writes", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    objectLog(env.TOURNAMENT.idFromName("77")).with({ eventId: 5 }).error("live: a scoreboard sweep failed", new Error("x"));
    expect(linesOf(error)[0]).toMatchObject({ tournamentId: 77, eventId: 5, message: "live: a scoreboard sweep failed" });
  });
});

describe("the opening minute on the admin dashboard", () => {
  it("counts registrations, places left, the outbox and open scoreboards from the object", async () => {
    const { tournament, events, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 10 }] }] });
    const event = events[0]!;
    for (let i = 0; i < 3; i++) await register(stub, event.id, event.relays[0]!.id);
    const before = await stub.openingFigures();
    expect(before).toMatchObject({ registrationsLastMinute: 3, registrationsPerSecond: 0.3, placesLeft: 7, socketsOpen: 0 });
    expect(before.outboxPending).toBeGreaterThan(0);
    await drainOutboxes(stub);
    const viewer = await watch(tournament.slug, event.id);
    const after = await stub.openingFigures();
    expect(after).toMatchObject({ outboxPending: 0, outboxLagSeconds: 0, socketsOpen: 1 });
    viewer.ws.close(1000, "done");
  });

  it("shows them to editors in a panel that refreshes itself every 3 seconds, and not to range officers", async () => {
    const { tournament, events, stub } = await createTournament({ events: [{ relays: [{ firingPoints: 10 }] }] });
    await register(stub, events[0]!.id, events[0]!.relays[0]!.id);
    const owner = await staffOf(tournament.id, "owner");
    const officer = await staffOf(tournament.id, "range_officer");
    const page = await (await get(`/admin/t/${tournament.slug}`, { cookie: owner.cookie })).text();
    const [panel] = await select(page, "#opening-figures");
    expect(panel?.attrs).toMatchObject({ "hx-get": `/admin/t/${tournament.slug}/opening-figures`, "hx-trigger": "every 3s", "hx-swap": "outerHTML" });
    expect(await texts(page, "[data-testid=live-left] .figure-value")).toEqual(["9"]);

    const fragment = await get(`/admin/t/${tournament.slug}/opening-figures`, { cookie: owner.cookie, hx: true });
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html.startsWith("<section")).toBe(true);
    expect(await texts(html, "[data-testid=live-rate] .figure-note")).toEqual(["1 in the last minute"]);

    const asOfficer = await (await get(`/admin/t/${tournament.slug}`, { cookie: officer.cookie })).text();
    expect(await select(asOfficer, "#opening-figures")).toEqual([]);
    expect((await get(`/admin/t/${tournament.slug}/opening-figures`, { cookie: officer.cookie, hx: true })).status).toBe(403);
  });
});
