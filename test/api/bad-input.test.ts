import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApiToken, forgetApiToken, revokeApiToken } from "../../src/auth/api-tokens.ts";
import { createUsers, sessionCookie, tokenFor } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { freshKey, objectEntries } from "../helpers/entries.ts";
import { ORIGIN, sendJson } from "../helpers/http.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { getVia, problemOf, registerVia, withdrawVia } from "./client.ts";

describe("JSON API v1: bad input changes nothing and says what is wrong", () => {
  async function setup() {
    const t = await createTournament({ events: [{ relays: [{ firingPoints: 2 }] }, { relays: [{ firingPoints: 2 }] }] });
    const [userId] = await createUsers(1);
    return { ...t, userId: userId!, token: await tokenFor(userId!) };
  }

  it("names the field for an unknown event or relay, or a relay of another event or tournament", async () => {
    const { tournament, events, relays, stub, token } = await setup();
    const other = await createTournament();
    const cases: [unknown, string, RegExp][] = [
      [{ event: 999_999, relay: "any" }, "event", /not an event of this tournament/],
      [{ event: events[0]!.id, relay: 999_999 }, "relay", /not a relay of this tournament/],
      [{ event: events[0]!.id, relay: other.relays[0]!.id }, "relay", /not a relay of this tournament/],
      [{ event: events[0]!.id, relay: relays[1]!.id }, "relay", /belongs to another event/],
    ];
    for (const [body, field, message] of cases) {
      const res = await registerVia(token, tournament.slug, body);
      expect(res.status).toBe(422);
      const problem = await problemOf(res);
      expect(problem.errors?.[field]).toMatch(message);
    }
    expect(await objectEntries(stub)).toEqual([]);
    expect(await objectEntries(other.stub)).toEqual([]);
  });

  it("answers malformed JSON and wrongly typed fields with 422 naming the fields", async () => {
    const { tournament, stub, token } = await setup();
    const malformed = await registerVia(token, tournament.slug, '{"event": 1, "relay": ');
    expect(malformed.status).toBe(422);
    expect((await problemOf(malformed)).errors).toEqual({ body: "The body is not valid JSON." });
    const wrong = await registerVia(token, tournament.slug, { event: "one", relay: "first" });
    expect(wrong.status).toBe(422);
    expect(Object.keys((await problemOf(wrong)).errors ?? {}).sort()).toEqual(["event", "relay"]);
    const notAnObject = await registerVia(token, tournament.slug, [1, 2]);
    expect((await problemOf(notAnObject)).errors).toHaveProperty("body");
    expect(await objectEntries(stub)).toEqual([]);
  });

  it("requires an Idempotency-Key of at most 200 characters", async () => {
    const { tournament, events, stub, token } = await setup();
    const body = { event: events[0]!.id, relay: "any" };
    const missing = await registerVia(token, tournament.slug, body, null);
    expect(missing.status).toBe(422);
    expect((await problemOf(missing)).errors?.["Idempotency-Key"]).toMatch(/Send an Idempotency-Key/);
    const long = await registerVia(token, tournament.slug, body, "k".repeat(201));
    expect(long.status).toBe(422);
    expect((await problemOf(long)).errors?.["Idempotency-Key"]).toMatch(/at most 200/);
    expect(await objectEntries(stub)).toEqual([]);
  });

  it("refuses an oversized body with 413 and a body that is not JSON with 415", async () => {
    const { tournament, events, stub, token } = await setup();
    const huge = await registerVia(token, tournament.slug, { event: events[0]!.id, relay: "any", padding: "x".repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await problemOf(huge)).title).toBe("Request too large");
    const form = await exports.default.fetch(`${ORIGIN}/api/v1/tournaments/${tournament.slug}/entries`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": freshKey(), "Content-Type": "text/plain" },
      body: "event=1",
    });
    expect(form.status).toBe(415);
    expect(await objectEntries(stub)).toEqual([]);
  });

  it("answers 401 without credentials or with a bad or revoked token, 403 for a scoring token", async () => {
    const { tournament, events, stub, userId } = await setup();
    const body = { event: events[0]!.id, relay: "any" };
    const anonymous = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/entries`, body, { headers: { "Idempotency-Key": freshKey() } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toContain("Bearer");
    expect((await problemOf(anonymous)).detail).toMatch(/Sign in/);
    const invented = await registerVia("trp_not-a-real-token", tournament.slug, body);
    expect(invented.status).toBe(401);
    expect(invented.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    const malformed = await sendJson("POST", `/api/v1/tournaments/${tournament.slug}/entries`, body, {
      headers: { Authorization: "Basic dXNlcjpwYXNz", "Idempotency-Key": freshKey() },
    });
    expect(malformed.status).toBe(401);
    const revoked = await createApiToken(db, { kind: "personal", userId }, "old laptop");
    await revokeApiToken(db, revoked.id, userId);
    expect((await registerVia(revoked.token, tournament.slug, body)).status).toBe(401);
    const scoring = await createApiToken(db, { kind: "scoring", userId, tournamentId: tournament.id }, "range");
    expect((await registerVia(scoring.token, tournament.slug, body)).status).toBe(403);
    expect((await getVia("trp_nope", "/api/v1/me/entries")).status).toBe(401);
    expect(await objectEntries(stub)).toEqual([]);
  });

  it("answers 404 for an unknown or unpublished tournament", async () => {
    const { events, token } = await setup();
    const draft = await createTournament({ status: "draft" });
    const body = { event: events[0]!.id, relay: "any" };
    expect((await registerVia(token, "no-such-cup", body)).status).toBe(404);
    expect((await registerVia(token, draft.tournament.slug, { event: draft.events[0]!.id, relay: "any" })).status).toBe(404);
    expect((await getVia(token, `/api/v1/tournaments/${draft.tournament.slug}`)).status).toBe(404);
    expect(await objectEntries(draft.stub)).toEqual([]);
  });

  it("hides another competitor's entry: 404 on withdraw or read, and the entry stays", async () => {
    const { tournament, events, stub, token } = await setup();
    const [stranger] = await createUsers(1);
    const strangerToken = await tokenFor(stranger!);
    const created = (await (await registerVia(token, tournament.slug, { event: events[0]!.id, relay: "any" })).json()) as { id: string };
    for (const res of [await withdrawVia(strangerToken, created.id), await getVia(strangerToken, `/api/v1/entries/${created.id}`)]) {
      expect(res.status).toBe(404);
      expect((await problemOf(res)).title).toBe("No such entry");
    }
    const cookie = await sessionCookie(stranger!);
    expect((await sendJson("DELETE", `/api/v1/entries/${created.id}`, "", { cookie })).status).toBe(404);
    expect((await withdrawVia(strangerToken, "not-an-entry")).status).toBe(404);
    expect((await withdrawVia(strangerToken, `${tournament.id + 100_000}-abcdefghijkl`)).status).toBe(404);
    expect((await withdrawVia(token, `${tournament.id}-abcdefghijkl`)).status).toBe(404);
    expect(await stub.entry(created.id)).toMatchObject({ status: "confirmed" });
  });

  it("refuses a cookie-authenticated change from another site", async () => {
    const { tournament, events, stub, userId } = await setup();
    const res = await exports.default.fetch(`${ORIGIN}/api/v1/tournaments/${tournament.slug}/entries`, {
      method: "POST",
      headers: {
        Cookie: await sessionCookie(userId),
        Origin: "https://evil.example",
        "Content-Type": "application/json",
        "Idempotency-Key": freshKey(),
      },
      body: JSON.stringify({ event: events[0]!.id, relay: "any" }),
    });
    expect(res.status).toBe(403);
    expect(await objectEntries(stub)).toEqual([]);
  });

  it("stops accepting a token in this isolate as soon as its revocation is reported", async () => {
    const [userId] = await createUsers(1);
    const { id, token } = await createApiToken(db, { kind: "personal", userId: userId! }, "phone");
    expect((await getVia(token, "/api/v1/me/entries")).status).toBe(200);
    await revokeApiToken(db, id, userId!);
    forgetApiToken(id);
    expect((await getVia(token, "/api/v1/me/entries")).status).toBe(401);
  });
});
