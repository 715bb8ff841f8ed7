import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { events, relays } from "../../db/schema.ts";
import { capacityOf } from "../../domain/registration/capacity.ts";
import { discipline, disciplineList } from "../../domain/scoring/disciplines.ts";
import { PRACTICAL_DISCIPLINE } from "../../domain/practical/rulebook.ts";
import { formatDate } from "../../domain/time/format.ts";
import { localTimeProblem } from "../../domain/time/local-problems.ts";
import { fromLocal, toLocal } from "../../domain/time/zoned.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import type { EntryView } from "../../object/contract/index.ts";
import { scopesForTournament } from "../cache-versions.ts";
import { rawStatement, statement } from "../../db/statements.ts";
import { type Change, type CommitOutcome, commit } from "./commit.ts";
import { parseFields } from "./form-fields.ts";
import { localInput, splitLocal } from "../../domain/time/local-input.ts";

export type EventRow = typeof events.$inferSelect;
export type RelayRow = typeof relays.$inferSelect;

interface TournamentRef {
  id: number;
  slug: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
}

/** The tournament's events in their order, each with its relays by start time: one D1 batch. */
export async function loadStructure(db: Db, tournamentId: number) {
  const [eventRows, relayRows] = await db.batch([
    db.select().from(events).where(eq(events.tournamentId, tournamentId)).orderBy(asc(events.position), asc(events.id)),
    db.select().from(relays).where(eq(relays.tournamentId, tournamentId)).orderBy(asc(relays.startsAt), asc(relays.id)),
  ]);
  return eventRows.map((e) => ({ ...e, relays: relayRows.filter((r) => r.eventId === e.id) }));
}

export type Structure = Awaited<ReturnType<typeof loadStructure>>;

/** An event of this tournament, or null (an id of another tournament's event is "not found" here). */
export async function eventOf(db: Db, tournamentId: number, eventId: number): Promise<EventRow | null> {
  return (await db.select().from(events).where(and(eq(events.id, eventId), eq(events.tournamentId, tournamentId))).get()) ?? null;
}

export async function relayOf(db: Db, tournamentId: number, relayId: number): Promise<RelayRow | null> {
  return (await db.select().from(relays).where(and(eq(relays.id, relayId), eq(relays.tournamentId, tournamentId))).get()) ?? null;
}

export const EVENT_FIELDS = ["title", "discipline"] as const;
export const RELAY_FIELDS = ["name", "startsAt", "firingPoints", "reserved"] as const;

const eventShape = z.object({
  title: z.string().trim().min(2, "Enter the event's name (at least 2 characters).").max(80, "Keep the name to 80 characters or fewer."),
  discipline: z.string().refine((id) => discipline(id) !== undefined || id === PRACTICAL_DISCIPLINE, "Choose a discipline from the list."),
});

export type EventFields = z.infer<typeof eventShape>;

export function disciplineOptions() {
  return [...disciplineList().map((d) => ({ value: d.id, label: d.name })), { value: PRACTICAL_DISCIPLINE, label: "IPSC handgun (practical: stages, divisions)" }];
}

export function parseEvent(values: Values): { data: EventFields } | { errors: Errors } {
  const parsed = eventShape.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { errors };
}

const whole = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, `Enter the number of ${what} as a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `Enter at least ${min} ${what}.`).max(max, `Enter at most ${max} ${what}.`));

const relayShape = {
  name: z.string().trim().min(1, "Enter the relay's name, like Relay 1.").max(60, "Keep the name to 60 characters or fewer."),
  startsAt: z.string().refine((v) => splitLocal(v) !== null, "Enter the start (date and time)."),
  firingPoints: whole("firing points", 1, 500),
  reserved: z
    .string()
    .trim()
    .transform((v) => (v === "" ? "0" : v))
    .pipe(whole("reserved places", 0, 500)),
};

export interface RelayFields {
  name: string;
  startsAt: number;
  firingPoints: number;
  reserved: number;
}

/** Who is on the relay now, from the tournament object: what lowering its capacity must respect. */
export interface RelayLoad {
  /** Confirmed and held entries. */
  taken: number;
  /** Firing points assigned to those entries. */
  points: number[];
}

export function relayLoad(entries: readonly EntryView[], relayId: number): RelayLoad {
  const placed = entries.filter((e) => e.relayId === relayId && (e.status === "confirmed" || e.status === "held"));
  return { taken: placed.length, points: placed.map((e) => e.firingPoint).filter((p): p is number => p !== null) };
}

/** Active entries (with a place or waiting) of a relay or event: what deleting it would strand. */
export function activeEntries(entries: readonly EntryView[], where: { relayId?: number; eventId?: number }): number {
  return entries.filter(
    (e) =>
      (e.status === "confirmed" || e.status === "held" || e.status === "waitlisted") &&
      (where.relayId === undefined || e.relayId === where.relayId) &&
      (where.eventId === undefined || e.eventId === where.eventId),
  ).length;
}

/**
 * Reads the relay form. The start is entered in the tournament's zone and must fall on a match day; the
 * capacity may not be lowered below the competitors who already have a place (nobody is dropped), nor may
 * firing points that are assigned disappear.
 */
export function parseRelay(
  values: Values,
  t: TournamentRef,
  current: { firingPoints: number; reserved: number } | null,
  load: RelayLoad,
): { data: RelayFields } | { errors: Errors } {
  const { data: r, errors } = parseFields(relayShape, values);
  const local = r.startsAt === undefined ? null : splitLocal(r.startsAt);
  if (local && (local.date < t.startsOn || local.date > t.endsOn)) {
    errors.startsAt = `The tournament runs from ${formatDate(t.startsOn)} to ${formatDate(t.endsOn)}: start the relay on one of those days.`;
  } else if (local) {
    const problem = localTimeProblem(local.date, local.time, t.timeZone);
    if (problem) errors.startsAt = problem;
  }
  if (r.firingPoints !== undefined && r.reserved !== undefined && r.reserved > r.firingPoints) {
    errors.reserved = "You cannot reserve more places than the relay has firing points.";
  }
  if (r.firingPoints !== undefined && r.firingPoints < load.taken) {
    errors.firingPoints = `${load.taken} competitors already have a place on this relay: it needs at least ${load.taken} firing points.`;
  } else if (r.firingPoints !== undefined) {
    const lost = load.points.filter((p) => p > r.firingPoints!).sort((a, b) => a - b);
    if (lost.length > 0) {
      errors.firingPoints = `Firing point${lost.length > 1 ? "s" : ""} ${lost.join(", ")} ${lost.length > 1 ? "are" : "is"} assigned: move those competitors to lower points first.`;
    }
  }
  if (r.firingPoints !== undefined && r.reserved !== undefined && !errors.reserved && !errors.firingPoints) {
    const capacity = capacityOf({ firingPoints: r.firingPoints, reserved: r.reserved });
    const before = current ? capacityOf(current) : Number.POSITIVE_INFINITY;
    if (capacity < load.taken && capacity < before) {
      errors.reserved = `That leaves ${capacity} places for registration, but ${load.taken} competitors already have a place: reserve fewer.`;
    }
  }
  if (Object.keys(errors).length > 0 || !local) return { errors };
  return { data: { name: r.name!, startsAt: fromLocal(local.date, local.time, t.timeZone), firingPoints: r.firingPoints!, reserved: r.reserved! } };
}

export function relayValues(r: Pick<RelayRow, "name" | "startsAt" | "firingPoints" | "reserved">, zone: string): Values {
  return { name: r.name, startsAt: localInput(r.startsAt, zone), firingPoints: String(r.firingPoints), reserved: String(r.reserved) };
}

/** A new relay's form: the next name, on the first match day at 09:00 (or an hour after the last relay). */
export function newRelayValues(t: TournamentRef, existing: RelayRow[]): Values {
  const last = existing.at(-1);
  const startsAt = last ? last.startsAt + 3_600_000 : fromLocal(t.startsOn, "09:00", t.timeZone);
  const day = toLocal(startsAt, t.timeZone).date;
  return {
    name: `Relay ${existing.length + 1}`,
    startsAt: day > t.endsOn ? `${t.startsOn}T09:00` : localInput(startsAt, t.timeZone),
    firingPoints: String(last?.firingPoints ?? 10),
    reserved: "0",
  };
}

// ---------- Commands: each bumps the revision (the object's configuration follows it) and the public pages ----------

export interface By {
  t: TournamentRef;
  revision: number;
  actorId: number;
}

/** A change to the events or relays: audited, refused when stale, refreshing the tournament's public pages. */
export function structureChange(db: Db, { t, revision, actorId }: By, change: Pick<Change, "action" | "subject" | "detail" | "statements">) {
  return commit(db, { tournamentId: t.id, actorId, revision, cacheScopes: scopesForTournament(t.slug), ...change });
}

export function addEvent(db: Db, by: By, fields: EventFields): Promise<CommitOutcome> {
  return structureChange(db, by, {
    action: "event.add",
    subject: `tournament:${by.t.id}`,
    detail: { title: fields.title, discipline: fields.discipline },
    statements: [
      rawStatement(
        db,
        `INSERT INTO events (tournament_id, discipline, title, position, match_shape)
         SELECT ?1, ?2, ?3, COALESCE(MAX(position), -1) + 1, ?4 FROM events WHERE tournament_id = ?1`,
        by.t.id, fields.discipline, fields.title, shapeOf(fields.discipline),
      ),
    ],
  });
}

export function updateEvent(db: Db, by: By, event: EventRow, fields: EventFields): Promise<CommitOutcome> {
  const changed = EVENT_FIELDS.filter((f) => event[f] !== fields[f]);
  return structureChange(db, by, {
    action: "event.edit",
    subject: `event:${event.id}`,
    detail: { title: fields.title, changed },
    statements: [statement(db, db.update(events).set({ ...fields, matchShape: shapeOf(fields.discipline) }).where(eq(events.id, event.id)))],
  });
}

const shapeOf = (disciplineId: string) => (disciplineId === PRACTICAL_DISCIPLINE ? ("practical" as const) : ("shots" as const));

export function deleteEvent(db: Db, by: By, event: EventRow): Promise<CommitOutcome> {
  return structureChange(db, by, {
    action: "event.delete",
    subject: `event:${event.id}`,
    detail: { title: event.title },
    statements: [statement(db, db.delete(events).where(eq(events.id, event.id)))],
  });
}

export function addRelay(db: Db, by: By, event: EventRow, fields: RelayFields): Promise<CommitOutcome> {
  return structureChange(db, by, {
    action: "relay.add",
    subject: `event:${event.id}`,
    detail: { event: event.title, ...fields },
    statements: [statement(db, db.insert(relays).values({ tournamentId: by.t.id, eventId: event.id, ...fields }))],
  });
}

export function updateRelay(db: Db, by: By, relay: RelayRow, fields: RelayFields): Promise<CommitOutcome> {
  const changed = RELAY_FIELDS.filter((f) => relay[f] !== fields[f]);
  return structureChange(db, by, {
    action: "relay.edit",
    subject: `relay:${relay.id}`,
    detail: { changed, ...fields },
    statements: [statement(db, db.update(relays).set(fields).where(eq(relays.id, relay.id)))],
  });
}

export function deleteRelay(db: Db, by: By, relay: RelayRow): Promise<CommitOutcome> {
  return structureChange(db, by, {
    action: "relay.delete",
    subject: `relay:${relay.id}`,
    detail: { name: relay.name },
    statements: [statement(db, db.delete(relays).where(eq(relays.id, relay.id)))],
  });
}
