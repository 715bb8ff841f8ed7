import { describe, expect, it } from "vitest";
import type { RegisterResult } from "../../src/object/contract/index.ts";
import { createUsers } from "../helpers/accounts.ts";
import { d1Entries } from "../helpers/d1.ts";
import { copied, drainOutboxes, freshKey, objectEntries } from "../helpers/entries.ts";
import { createTournament } from "../helpers/tournaments.ts";

describe("the opening rush on one tournament object", () => {
  it("confirms exactly the capacity, waitlists the rest in sequence order and makes no duplicates", async () => {
    // Relay 1: 22 firing points, 2 reserved → 20 places; relay 2: 10 places. 300 competitors, 30 places.
    const { stub, tournament, events, relays } = await createTournament({
      events: [{ relays: [{ firingPoints: 22, reserved: 2 }, { firingPoints: 10 }] }],
    });
    const [r1, r2] = [relays[0]!.id, relays[1]!.id];
    const eventId = events[0]!.id;
    const competitors = await createUsers(300);
    const asks = competitors.map((userId, i) => ({ userId, eventId, relayId: i % 3 === 0 ? ("any" as const) : r1, idempotencyKey: freshKey() }));

    // Everyone presses at once; every third presses twice (same key), and every fifth again with a new key.
    const calls: { userId: number; kind: "first" | "double" | "fresh"; answer: Promise<RegisterResult> }[] = [];
    for (const [i, ask] of asks.entries()) {
      calls.push({ userId: ask.userId, kind: "first", answer: stub.register(ask) });
      if (i % 3 === 0) calls.push({ userId: ask.userId, kind: "double", answer: stub.register(ask) });
      if (i % 5 === 0) calls.push({ userId: ask.userId, kind: "fresh", answer: stub.register({ ...ask, idempotencyKey: freshKey() }) });
    }
    const answers = await Promise.all(calls.map(async (c) => ({ ...c, result: await c.answer })));

    const entries = await objectEntries(stub);
    expect(entries).toHaveLength(300);
    expect(new Set(entries.map((e) => e.userId)).size).toBe(300);

    const confirmed = entries.filter((e) => e.status === "confirmed");
    const waitlisted = entries.filter((e) => e.status === "waitlisted");
    expect(confirmed.filter((e) => e.relayId === r1)).toHaveLength(20);
    expect(confirmed.filter((e) => e.relayId === r2)).toHaveLength(10);
    expect(waitlisted).toHaveLength(270);
    expect(waitlisted.map((e) => e.waitlistPosition)).toEqual(waitlisted.map((_, i) => i + 1));

    // First come, first served: nobody waits who arrived before someone who got a place they could have had.
    const lastOnR1 = Math.max(...confirmed.filter((e) => e.relayId === r1).map((e) => e.seq));
    const lastPlaced = Math.max(...confirmed.map((e) => e.seq));
    for (const e of waitlisted) expect(e.seq).toBeGreaterThan(e.relayId === null ? lastPlaced : lastOnR1);

    // Double presses got the first answer back; second keys were told the competitor is already entered.
    for (const a of answers) {
      if (a.kind === "double") expect(a.result.replayed).toBe(true);
      if (a.kind === "fresh") expect(a.result).toMatchObject({ outcome: "refused", reason: "already_entered" });
    }
    const firstAnswers = answers.filter((a) => a.kind === "first").map((a) => a.result);
    const byUser = new Map(entries.map((e) => [e.userId, e]));
    for (const result of firstAnswers) {
      if (result.outcome === "refused") throw new Error(`a first press was refused: ${result.message}`);
      expect(byUser.get(result.entry.userId)?.id).toBe(result.entry.id);
    }
    for (const a of answers.filter((x) => x.kind === "double")) {
      const first = firstAnswers.find((r) => r.outcome !== "refused" && r.entry.userId === a.userId);
      expect(a.result).toEqual({ ...first, replayed: true });
    }

    await drainOutboxes(stub);
    expect((await d1Entries(tournament.id)).map(copied)).toEqual(entries.map(copied));
  });
});
