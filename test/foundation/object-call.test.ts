import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { tournamentStub } from "../helpers/object.ts";
import { createTournament } from "../helpers/tournaments.ts";

describe("the object's call dispatcher (every call of the Worker's client)", () => {
  it("runs a method the object declares, with the request's arguments", async () => {
    const { tournament } = await createTournament();
    const stub = tournamentStub(env, tournament.id);
    const viaCall = (await stub.call("req-1", "snapshot", [])) as Awaited<ReturnType<typeof stub.snapshot>>;
    const direct = await stub.snapshot();
    expect(viaCall.revision).toBe(direct.revision);
    expect(direct.events.length).toBeGreaterThan(0);
    expect(viaCall.events).toEqual(direct.events);
  });

  it("refuses the runtime's entry points, the lifecycle's inner steps, itself and names it does not have", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { tournament } = await createTournament();
    const stub = tournamentStub(env, tournament.id);
    for (const method of ["alarm", "fetch", "webSocketMessage", "runAlarm", "onStart", "call", "constructor", "noSuchMethod"]) {
      const refused = await Promise.resolve(stub.call("req-2", method, [])).then(() => null, (e: unknown) => e);
      expect(String(refused), method).toContain(`The tournament object has no method ${method}`);
    }
    vi.restoreAllMocks();
  });

  it("refuses a malformed call before anything runs", async () => {
    const { tournament } = await createTournament();
    const stub = tournamentStub(env, tournament.id);
    for (const [requestId, method] of [["", "snapshot"], ["req-3", "Snapshot; drop"]]) {
      const refused = await Promise.resolve(stub.call(requestId!, method!, [])).then(() => null, (e: unknown) => e);
      expect(String(refused), method).toMatch(/ZodError|invalid/i);
    }
  });
});
