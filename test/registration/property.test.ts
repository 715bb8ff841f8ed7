import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capacityOf } from "../../src/domain/registration/capacity.ts";
import { configure, remove, withdraw } from "../../src/domain/registration/changes.ts";
import { decisionClock, nextStamp } from "../../src/domain/registration/clock.ts";
import { register } from "../../src/domain/registration/register.ts";
import type { ChangeResult, EntryView, RegisterRequest, RegisterResult, TournamentConfig } from "../../src/object/contract/index.ts";
import { toConfiguration } from "../../src/object/registration/input.ts";
import type { tournamentStub } from "../helpers/object.ts";
import { createUsers } from "../helpers/accounts.ts";
import { d1Entries } from "../helpers/d1.ts";
import { copied, drainOutboxes, objectEntries } from "../helpers/entries.ts";
import { MemoryBook } from "../helpers/memory-book.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { type ModelAnswer, type ModelRelay, ReferenceModel } from "./model.ts";

interface SystemUnderTest {
  configure(config: TournamentConfig): Promise<unknown>;
  register(req: RegisterRequest): Promise<RegisterResult>;
  withdraw(entryId: string, userId: number): Promise<ChangeResult>;
  remove(entryId: string, reason: string): Promise<ChangeResult>;
  entries(): Promise<EntryView[]>;
}

/** The rules over `MemoryBook`, with a clock that moves 10 s per call (so no rate limit is reached). */
class InMemory implements SystemUnderTest {
  private readonly book = new MemoryBook();
  private now = Date.parse("2027-01-01T00:00:00Z");
  private lastStamp = 0;
  private ids = 0;

  private clock() {
    this.now += 10_000;
    return decisionClock(this.now, (at) => (this.lastStamp = nextStamp(this.lastStamp, at)));
  }
  async configure(config: TournamentConfig) {
    return configure(this.book, toConfiguration(config), this.clock());
  }
  async register(req: RegisterRequest) {
    const cmd = { ...req, relay: req.relayId, idSuffix: `memory${++this.ids}` };
    return register(this.book, cmd, this.clock());
  }
  async withdraw(entryId: string, userId: number) {
    return withdraw(this.book, { entryId, userId }, this.clock());
  }
  async remove(entryId: string, reason: string) {
    return remove(this.book, { entryId, reason }, this.clock());
  }
  async entries() {
    return structuredClone(this.book.entries());
  }
}

class InObject implements SystemUnderTest {
  constructor(private readonly stub: ReturnType<typeof tournamentStub>) {}
  configure(config: TournamentConfig) {
    return this.stub.configure(config);
  }
  register(req: RegisterRequest) {
    return this.stub.register(req);
  }
  withdraw(entryId: string, userId: number) {
    return this.stub.withdraw({ entryId, userId });
  }
  remove(entryId: string, reason: string) {
    return this.stub.remove({ entryId, byUserId: 1, reason });
  }
  async entries() {
    return objectEntries(this.stub);
  }
}

const EVENTS = [11, 12];
const START_RELAYS: ModelRelay[] = [
  { id: 101, eventId: 11, startsAt: 2_000, firingPoints: 2, reserved: 0 },
  { id: 102, eventId: 11, startsAt: 1_000, firingPoints: 1, reserved: 0 },
  { id: 201, eventId: 12, startsAt: 1_000, firingPoints: 1, reserved: 0 },
  { id: 202, eventId: 12, startsAt: 1_000, firingPoints: 3, reserved: 1 },
];

function configFor(tournamentId: number, revision: number, relays: ModelRelay[]): TournamentConfig {
  return {
    tournamentId,
    revision,
    registrationOpensAt: 0,
    registrationClosesAt: Date.parse("2099-01-01T00:00:00Z"),
    holdMinutes: 0,
    events: EVENTS.map((id) => ({ id, title: `Event ${id}`, discipline: "10m-air-rifle" })),
    relays: relays.map((r) => ({ ...r, name: `Relay ${r.id}` })),
  };
}

type Command =
  | { kind: "register"; user: number; event: number; relay: number | "any" | "foreign"; key: number }
  | { kind: "replay" }
  | { kind: "withdraw" | "remove"; user: number; event: number }
  | { kind: "withdrawOthers"; user: number }
  | { kind: "capacity"; relay: number; firingPoints: number; reserved: number };

const user = fc.integer({ min: 0, max: 5 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("register" as const),
      user,
      event: fc.integer({ min: 0, max: 2 }),
      relay: fc.oneof(fc.constant("any" as const), fc.constant("foreign" as const), fc.integer({ min: 0, max: 1 })),
      key: fc.integer({ min: 0, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "replay" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("withdraw" as const, "remove" as const), user, event: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("withdrawOthers" as const), user }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("capacity" as const),
      relay: fc.integer({ min: 0, max: 3 }),
      firingPoints: fc.integer({ min: 0, max: 4 }),
      reserved: fc.integer({ min: 0, max: 2 }),
    }),
  },
);

function summary(result: RegisterResult): ModelAnswer {
  if (result.outcome === "refused") return { kind: "refused", reason: result.reason, replayed: false };
  if (result.outcome === "held") throw new Error("no fee in this model: nothing should be held");
  return { kind: result.outcome, relayId: result.entry.relayId, position: result.entry.waitlistPosition, replayed: result.replayed };
}

/** Invariants of the system's own state, checked without the model. */
function checkInvariants(before: EntryView[], after: EntryView[], relays: ModelRelay[]) {
  const occupied = (list: EntryView[], relayId: number) =>
    list.filter((e) => e.relayId === relayId && (e.status === "confirmed" || e.status === "held")).length;
  for (const r of relays) {
    // Never more places taken than capacity, except what was already taken when capacity was lowered.
    expect(occupied(after, r.id)).toBeLessThanOrEqual(Math.max(capacityOf(r), occupied(before, r.id)));
  }
  const active = after.filter((e) => e.status === "confirmed" || e.status === "held" || e.status === "waitlisted");
  expect(new Set(active.map((e) => `${e.userId}/${e.eventId}`)).size).toBe(active.length);
  for (const eventId of EVENTS) {
    const line = after.filter((e) => e.eventId === eventId && e.status === "waitlisted").sort((a, b) => a.seq - b.seq);
    expect(line.map((e) => e.waitlistPosition)).toEqual(line.map((_, i) => i + 1));
    const free = (r: ModelRelay) => capacityOf(r) - occupied(after, r.id) > 0;
    for (const e of line) {
      // Nobody waits while a place they asked for is free.
      const fits = relays.filter((r) => r.eventId === eventId && (e.relayId === null || r.id === e.relayId)).some(free);
      expect(fits).toBe(false);
    }
  }
}

async function run(system: SystemUnderTest, tournamentId: number, users: number[], commands: Command[]) {
  const model = new ReferenceModel(START_RELAYS, EVENTS);
  let revision = 1;
  await system.configure(configFor(tournamentId, revision, model.relays));
  let lastAccepted: RegisterRequest | null = null;
  for (const cmd of commands) {
    const before = await system.entries();
    if (cmd.kind === "register" || cmd.kind === "replay") {
      let req: RegisterRequest;
      if (cmd.kind === "replay") {
        if (!lastAccepted) continue;
        req = lastAccepted;
      } else {
        const eventId = EVENTS[cmd.event] ?? 999;
        const own = model.relays.filter((r) => r.eventId === eventId);
        const foreign = model.relays.find((r) => r.eventId !== eventId)!;
        const relayId = cmd.relay === "any" ? "any" : cmd.relay === "foreign" ? foreign.id : (own[cmd.relay]?.id ?? 101);
        req = { userId: users[cmd.user]!, eventId, relayId, idempotencyKey: `key-${cmd.key}` };
      }
      const expected = model.register(req.userId, req.eventId, req.relayId, req.idempotencyKey);
      const got = await system.register(req);
      expect(summary(got)).toEqual(expected.answer);
      if (got.outcome !== "refused") {
        expected.accept?.(got.entry.id);
        if (!got.replayed) lastAccepted = req;
        else expect(await system.entries()).toEqual(before);
      }
    } else if (cmd.kind === "withdraw" || cmd.kind === "remove") {
      const target = model.active(users[cmd.user]!, EVENTS[cmd.event]!);
      if (!target) continue;
      const got = cmd.kind === "withdraw" ? await system.withdraw(target.id, target.userId) : await system.remove(target.id, "model");
      expect(got.outcome).toBe("changed");
      model.leave(target, cmd.kind === "withdraw" ? "withdrawn" : "removed");
    } else if (cmd.kind === "withdrawOthers") {
      const victim = model.entries.find((e) => e.userId !== users[cmd.user]);
      if (!victim) continue;
      expect(await system.withdraw(victim.id, users[cmd.user]!)).toMatchObject({ outcome: "refused", reason: "not_found" });
      expect(await system.entries()).toEqual(before);
    } else if (cmd.kind === "capacity") {
      const relay = model.relays[cmd.relay]!;
      model.setCapacity(relay.id, cmd.firingPoints, cmd.reserved);
      revision += 1;
      await system.configure(configFor(tournamentId, revision, model.relays));
    }
    const after = await system.entries();
    checkInvariants(before, after, model.relays);
    expect(after.length).toBe(model.entries.length);
    const byId = new Map(after.map((e) => [e.id, e]));
    for (const m of model.entries) {
      expect(byId.get(m.id)).toMatchObject({ status: m.status, relayId: m.relayId, waitlistPosition: model.position(m) });
    }
  }
}

describe("registration against a reference model", () => {
  it("holds its invariants over random command sequences (pure rules, many runs)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 40, size: "max" }), async (commands) => {
        await run(new InMemory(), 1, [1, 2, 3, 4, 5, 6], commands);
      }),
      { numRuns: 300 },
    );
  });

  it("holds them through the real tournament object too, and D1 ends up equal", async () => {
    const users = await createUsers(6);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 19, size: "max" }), async (commands) => {
        const { tournament, stub } = await createTournament({ events: [], configure: false });
        await run(new InObject(stub), tournament.id, users, commands);
        await drainOutboxes(stub);
        const inObject = await objectEntries(stub);
        expect((await d1Entries(tournament.id)).map(copied)).toEqual(inObject.map(copied));
      }),
      { numRuns: 12 },
    );
  });
});
