import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { events, tournaments } from "./schema.ts";

/**
 * Practical shooting (IPSC): an event whose `match_shape` is "practical" is shot over stages. A stage's targets
 * decide its required hits and max points (src/domain/practical/stages.ts); `scoring` is the method's id.
 */
export const practicalStages = sqliteTable(
  "practical_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    scoring: text("scoring", { enum: ["comstock", "virginia", "fixed-time"] }).notNull().default("comstock"),
    paperTargets: integer("paper_targets").notNull(),
    steelTargets: integer("steel_targets").notNull(),
  },
  (t) => [index("practical_stages_event").on(t.eventId), index("practical_stages_tournament").on(t.tournamentId)],
);

/** The divisions a practical event offers (names from src/domain/practical/rulebook.ts). */
export const practicalDivisions = sqliteTable(
  "practical_divisions",
  {
    eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    division: text("division").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.division] }), index("practical_divisions_tournament").on(t.tournamentId)],
);

/** What a competitor declared for a practical entry, and a disqualification; written only by the object's outbox. */
export const practicalEntries = sqliteTable(
  "practical_entries",
  {
    entryId: text("entry_id").primaryKey(),
    tournamentId: integer("tournament_id").notNull(),
    division: text("division").notNull(),
    powerFactor: text("power_factor", { enum: ["major", "minor"] }).notNull(),
    category: text("category"),
    dqAt: integer("dq_at"),
    dqReason: text("dq_reason"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("practical_entries_tournament").on(t.tournamentId)],
);

/** A competitor's score on a stage as it stands; written only by the object's outbox. Time in hundredths. */
export const stageScores = sqliteTable(
  "stage_scores",
  {
    entryId: text("entry_id").notNull(),
    stageId: integer("stage_id").notNull(),
    tournamentId: integer("tournament_id").notNull(),
    a: integer("a").notNull(),
    c: integer("c").notNull(),
    d: integer("d").notNull(),
    miss: integer("miss").notNull(),
    noShoot: integer("no_shoot").notNull(),
    procedural: integer("procedural").notNull(),
    timeHundredths: integer("time_hundredths").notNull(),
    opId: text("op_id").notNull(),
    enteredAt: integer("entered_at").notNull(),
    /** When the competitor confirmed the score on the range officer's device (null: not confirmed). */
    confirmedAt: integer("confirmed_at"),
    rev: integer("rev").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.stageId] }), index("stage_scores_tournament").on(t.tournamentId)],
);

/** A later, different stage score for the same entry and stage: the first stands until the organiser corrects it. */
export const stageScoreConflicts = sqliteTable(
  "stage_score_conflicts",
  {
    opId: text("op_id").primaryKey(),
    tournamentId: integer("tournament_id").notNull(),
    entryId: text("entry_id").notNull(),
    stageId: integer("stage_id").notNull(),
    /** The standing and incoming scores as JSON {a, c, d, miss, noShoot, procedural, timeHundredths}. */
    standing: text("standing").notNull(),
    standingOpId: text("standing_op_id").notNull(),
    incoming: text("incoming").notNull(),
    actorId: integer("actor_id"),
    recordedAt: integer("recorded_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [index("stage_score_conflicts_tournament").on(t.tournamentId, t.resolvedAt)],
);
