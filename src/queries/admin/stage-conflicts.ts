import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import { PRACTICAL_DISCIPLINE, type PowerFactor } from "../../domain/practical/rulebook.ts";
import { randomToken } from "../../lib/encoding.ts";
import type { ScoringActor, StageConflictView, StageOutcome } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import { reasonField } from "./results.ts";

/** A stage conflict as the organiser sees it: who, which stage, and who sent each score. */
export interface StageConflictRow extends StageConflictView {
  eventId: number;
  eventTitle: string;
  stageLabel: string;
  powerFactor: PowerFactor;
  standingBy: string | null;
  incomingBy: string | null;
}

/** The open stage conflicts of the tournament's practical events, from its object; officers' names from D1. */
export async function stageConflictRows(client: TournamentClient, db: Db, events: { id: number; title: string; discipline: string }[]) {
  const practical = events.filter((e) => e.discipline === PRACTICAL_DISCIPLINE);
  const loaded = await Promise.all(
    practical.map(async (e) => ({ event: e, book: await client.call("practicalBook", e.id), conflicts: await client.call("stageConflicts", e.id, false) })),
  );
  const actorIds = [...new Set(loaded.flatMap((l) => l.conflicts.flatMap((c) => [c.actorId, c.standingActorId])).filter((id): id is number => id !== null))];
  const names = new Map(
    actorIds.length === 0 ? [] : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))).map((u) => [u.id, u.name]),
  );
  const by = (id: number | null) => (id === null ? null : (names.get(id) ?? "a former officer"));
  return loaded.flatMap(({ event, book, conflicts }) =>
    conflicts.map((c): StageConflictRow => {
      const stage = book?.stages.find((s) => s.id === c.stageId);
      return {
        ...c,
        eventId: event.id,
        eventTitle: event.title,
        stageLabel: stage ? `Stage ${stage.number} ${stage.name}` : `Stage ${c.stageId}`,
        powerFactor: book?.entries.find((e) => e.entryId === c.entryId)?.powerFactor ?? "minor",
        standingBy: by(c.standingActorId),
        incomingBy: by(c.actorId),
      };
    }),
  );
}

const count = (label: string) =>
  z.string().trim().regex(/^\d{1,3}$/, `${label}: a whole number`).transform(Number);

/** The organiser's decision: keep one of the two scores, or enter the right one (all counts and the time). */
export const stageResolveForm = z.discriminatedUnion("keep", [
  z.object({ keep: z.literal("standing"), reason: reasonField }),
  z.object({ keep: z.literal("incoming"), reason: reasonField }),
  z.object({
    keep: z.literal("correction"),
    reason: reasonField,
    a: count("A"),
    c: count("C"),
    d: count("D"),
    miss: count("Misses"),
    noShoot: count("No-shoots"),
    procedural: count("Procedurals"),
    time: z.string().trim().regex(/^\d{1,4}(\.\d{1,2})?$/, "Time in seconds, like 18.70").transform(Number),
  }),
], { error: "Choose which score counts." });
export type StageResolveForm = z.infer<typeof stageResolveForm>;

/** Sends the decision to the object (which applies, publishes and audits it); its outcome as the object gave it. */
export function resolveStageConflict(client: TournamentClient, actor: ScoringActor, conflict: StageConflictView, form: StageResolveForm): Promise<StageOutcome> {
  const { keep, reason } = form;
  const correction = form.keep === "correction" ? { a: form.a, c: form.c, d: form.d, miss: form.miss, noShoot: form.noShoot, procedural: form.procedural, time: form.time } : undefined;
  return client.call("resolveStageConflict", { opId: `resolve-${randomToken(12)}`, conflictOpId: conflict.opId, keep, correction, reason }, actor);
}
