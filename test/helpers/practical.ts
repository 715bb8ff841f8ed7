import { runDurableObjectAlarm } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { practicalDivisions, practicalStages } from "../../src/db/practical-schema.ts";
import { events, relays, tournaments } from "../../src/db/schema.ts";
import { type Category, PRACTICAL_DISCIPLINE, type Division, type PowerFactor } from "../../src/domain/practical/rulebook.ts";
import type { ScoringActor, StageScoreOpInput } from "../../src/object/contract/index.ts";
import { createUser } from "./accounts.ts";
import { db } from "./d1.ts";
import { freshKey } from "./entries.ts";
import { clientOf, tournamentStub } from "./object.ts";
import { createTournament, type TournamentSpec } from "./tournaments.ts";

type Stub = ReturnType<typeof tournamentStub>;

export const OFFICER: ScoringActor = { userId: null, tokenId: null, via: "session", role: "range_officer" };
export const ORGANISER: ScoringActor = { userId: null, tokenId: null, via: "session", role: "organiser" };

export interface StageDef {
  name?: string;
  paper: number;
  steel: number;
}

/**
 * A published practical match (registration open): one event with the stages (8 paper + 4 steel = 20 hits
 * and 4 paper = 8 hits by default), the divisions and squads given, configured in its object.
 */
export async function practicalTournament(
  opts: { stages?: StageDef[]; divisions?: Division[]; squads?: number[] } & Pick<TournamentSpec, "staff"> = {},
) {
  const made = await createTournament({ staff: opts.staff, configure: false, events: [] });
  const { event, stages } = await addPracticalEvent(made.tournament.id, opts);
  return { ...made, event, stages };
}

/**
 * Adds a practical event ("IPSC Handgun") to a tournament in D1, with its squads, stages and divisions, and
 * pushes the configuration to the tournament's object.
 */
export async function addPracticalEvent(tournamentId: number, opts: { stages?: StageDef[]; divisions?: Division[]; squads?: number[] } = {}) {
  const event = await db
    .insert(events)
    .values({ tournamentId, title: "IPSC Handgun", discipline: PRACTICAL_DISCIPLINE, matchShape: "practical", position: 99 })
    .returning()
    .get();
  const squads = [];
  for (const [i, n] of (opts.squads ?? [10]).entries()) {
    squads.push(
      await db
        .insert(relays)
        .values({ tournamentId, eventId: event.id, name: `Squad ${i + 1}`, startsAt: Date.now() + 20 * 86_400_000 + i * 3_600_000, firingPoints: n })
        .returning()
        .get(),
    );
  }
  const stages = [];
  for (const [i, s] of (opts.stages ?? [{ paper: 8, steel: 4 }, { paper: 4, steel: 0 }]).entries()) {
    stages.push(
      await db
        .insert(practicalStages)
        .values({ tournamentId, eventId: event.id, number: i + 1, name: s.name ?? `Stage ${i + 1}`, paperTargets: s.paper, steelTargets: s.steel })
        .returning()
        .get(),
    );
  }
  for (const division of opts.divisions ?? ["Open", "Standard", "Production"]) {
    await db.insert(practicalDivisions).values({ eventId: event.id, tournamentId, division });
  }
  await db.update(tournaments).set({ revision: sql`${tournaments.revision} + 1` }).where(eq(tournaments.id, tournamentId));
  const configured = await clientOf(tournamentId).configure();
  if (!configured?.applied) throw new Error("configuration was not applied");
  return { event: { ...event, relays: squads }, stages };
}

/** A new competitor registers for the first squad with a division and power factor; throws when refused. */
export async function enterPractical(
  stub: Stub,
  event: { id: number; relays: { id: number }[] },
  division: Division,
  powerFactor: PowerFactor,
  name?: string,
  category?: Category,
) {
  const user = await createUser(name ? { name } : {});
  const practical = { division, powerFactor, ...(category ? { category } : {}) };
  const result = await stub.register({ userId: user.id, eventId: event.id, relayId: event.relays[0]!.id, idempotencyKey: freshKey(), practical });
  if (result.outcome === "refused") throw new Error(`registration refused (${result.reason}): ${result.message}`);
  return { user, entry: result.entry };
}

let ops = 0;

/** A stage score with a fresh opId: A, C, D, misses, no-shoots, procedurals, time in seconds. */
export function stageOp(entryId: string, stage: number, hits: [number, number, number, number, number, number], time: number, extra: Partial<StageScoreOpInput> = {}): StageScoreOpInput {
  ops += 1;
  const [a, c, d, miss, noShoot, procedural] = hits;
  return { opId: `st-${Date.now().toString(36)}-${ops}`, entryId, stage, a, c, d, miss, noShoot, procedural, time, ...extra };
}

/** Runs the object's alarm until its practical outbox is empty (bounded). */
export async function drainPractical(stub: Stub): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await stub.practicalOutboxPending()) === 0 && (await stub.outboxPending()) === 0) return;
    if (!(await runDurableObjectAlarm(stub))) await scheduler.wait(20);
  }
  throw new Error("The practical outbox is still not empty after 50 alarms");
}
