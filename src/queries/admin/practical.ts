import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { practicalDivisions, practicalStages } from "../../db/practical-schema.ts";
import { events } from "../../db/schema.ts";
import { statement } from "../../db/statements.ts";
import { DIVISIONS, SCORING_METHODS } from "../../domain/practical/rulebook.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import type { CommitOutcome } from "./commit.ts";
import { type By, type EventRow, structureChange } from "./structure.ts";

export const STAGE_FIELDS = ["number", "name", "scoring", "paperTargets", "steelTargets"] as const;

const whole = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, `Enter the ${what} as a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `The ${what} is at least ${min}.`).max(max, `The ${what} is at most ${max}.`));

const stageShape = z
  .object({
    number: whole("stage number", 1, 99),
    name: z.string().trim().min(1, "Enter the stage's name.").max(100, "Keep the name to 100 characters or fewer."),
    scoring: z.enum(SCORING_METHODS, { error: "Choose the scoring method." }),
    paperTargets: whole("number of paper targets", 0, 60),
    steelTargets: whole("number of steel targets", 0, 60),
  })
  .refine((s) => s.paperTargets + s.steelTargets > 0, { message: "A stage has at least one target.", path: ["paperTargets"] });

export type StageFields = z.infer<typeof stageShape>;

export function parseStage(values: Values, taken: readonly number[]): { data: StageFields } | { errors: Errors } {
  const parsed = stageShape.safeParse(values);
  const errors: Errors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { errors };
  }
  if (taken.includes(parsed.data.number)) return { errors: { number: `Stage ${parsed.data.number} exists already: choose another number.` } };
  return { data: parsed.data };
}

/** An event of the tournament with its stages by number and its offered divisions, in one D1 batch; null if there is none. */
export async function loadMatchSetup(db: Db, tournamentId: number, eventId: number) {
  const [eventRows, stages, divisions] = await db.batch([
    db.select().from(events).where(and(eq(events.id, eventId), eq(events.tournamentId, tournamentId))),
    db.select().from(practicalStages).where(eq(practicalStages.eventId, eventId)).orderBy(practicalStages.number),
    db.select().from(practicalDivisions).where(eq(practicalDivisions.eventId, eventId)),
  ]);
  const event = eventRows[0];
  return event ? { event, stages, divisions: DIVISIONS.filter((d) => divisions.some((x) => x.division === d)) } : null;
}

export function addStage(db: Db, by: By, event: EventRow, fields: StageFields): Promise<CommitOutcome> {
  return structureChange(db, by, {
    action: "stage.add",
    subject: `event:${event.id}`,
    detail: { event: event.title, ...fields },
    statements: [statement(db, db.insert(practicalStages).values({ tournamentId: by.t.id, eventId: event.id, ...fields }))],
  });
}

export function deleteStage(db: Db, by: By, event: EventRow, stageId: number): Promise<CommitOutcome> {
  return structureChange(db, by, {
    action: "stage.delete",
    subject: `event:${event.id}`,
    detail: { event: event.title, stageId },
    statements: [statement(db, db.delete(practicalStages).where(and(eq(practicalStages.id, stageId), eq(practicalStages.eventId, event.id))))],
  });
}

/** Replaces the offered divisions (competitors who entered a division no longer offered keep it). */
export function saveDivisions(db: Db, by: By, event: EventRow, divisions: readonly string[]): Promise<CommitOutcome> {
  const chosen = DIVISIONS.filter((d) => divisions.includes(d));
  return structureChange(db, by, {
    action: "divisions.save",
    subject: `event:${event.id}`,
    detail: { event: event.title, divisions: chosen },
    statements: [
      statement(db, db.delete(practicalDivisions).where(eq(practicalDivisions.eventId, event.id))),
      ...chosen.map((division) => statement(db, db.insert(practicalDivisions).values({ eventId: event.id, tournamentId: by.t.id, division }))),
    ],
  });
}
