import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { practicalDivisions, practicalStages } from "../../db/practical-schema.ts";
import { DIVISIONS, type Division } from "../../domain/practical/rulebook.ts";
import { requiredHits, stageMaxPoints } from "../../domain/practical/stages.ts";

export type PracticalSetup = Awaited<ReturnType<typeof practicalSetup>>;

/** A tournament's practical stages (by number) and offered divisions, from D1 in one batch. */
export async function practicalSetup(db: Db, tournamentId: number) {
  const [stages, divisions] = await db.batch([
    db.select().from(practicalStages).where(eq(practicalStages.tournamentId, tournamentId)).orderBy(asc(practicalStages.number)),
    db.select().from(practicalDivisions).where(eq(practicalDivisions.tournamentId, tournamentId)),
  ]);
  return { stages, divisions };
}

/** One event's stages and divisions (in the rulebook's order). */
export function practicalOf(setup: PracticalSetup, eventId: number) {
  const offered = new Set(setup.divisions.filter((d) => d.eventId === eventId).map((d) => d.division));
  return {
    stages: setup.stages.filter((s) => s.eventId === eventId),
    divisions: DIVISIONS.filter((d): d is Division => offered.has(d)),
  };
}

/** The API's shape (issue 13): `stages: [{id, number, name, requiredHits, maxPoints, scoring}]`, `divisions: [...]`. */
export function practicalEventJson(setup: PracticalSetup, eventId: number) {
  const { stages, divisions } = practicalOf(setup, eventId);
  return {
    matchShape: "practical" as const,
    stages: stages.map((s) => ({
      id: s.id,
      number: s.number,
      name: s.name,
      requiredHits: requiredHits(s),
      maxPoints: stageMaxPoints(s),
      scoring: s.scoring,
      paperTargets: s.paperTargets,
      steelTargets: s.steelTargets,
    })),
    divisions,
  };
}
