import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { practicalDivisions, practicalStages } from "../db/practical-schema.ts";
import { events, relays, tournamentStaff, tournaments, users } from "../db/schema.ts";
import { rawStatement, statement } from "../db/statements.ts";
import { PRACTICAL_DISCIPLINE } from "../domain/practical/rulebook.ts";
import { requiredHits } from "../domain/practical/stages.ts";
import { DAY_MS, fromLocal, todayIn } from "../domain/time/zoned.ts";
import type { PracticalOpInput } from "../object/contract/index.ts";
import { TournamentClient } from "../object-client/client.ts";
import { bumpCacheScopes, HOME_SCOPE, tournamentScope } from "../queries/cache-versions.ts";
import { ORGANISER, RANGE_OFFICER } from "./plan.ts";
import {
  demoStageScore,
  PRACTICAL_COMPETITORS,
  PRACTICAL_DEMO_SLUG,
  PRACTICAL_DEMO_TITLE,
  PRACTICAL_DEMO_ZONE,
  PRACTICAL_DIVISIONS,
  PRACTICAL_SQUADS,
  PRACTICAL_STAGES,
  SCORED_STAGES,
  SQUAD_CAPACITY,
} from "./practical-plan.ts";

const idOf = (email: string) => sql`(SELECT id FROM users WHERE email = ${email})`;
const tournamentId = sql`(SELECT id FROM tournaments WHERE slug = ${PRACTICAL_DEMO_SLUG})`;
const eventId = sql`(SELECT id FROM events WHERE tournament_id = (SELECT id FROM tournaments WHERE slug = ${PRACTICAL_DEMO_SLUG}) AND position = 0)`;

/** The match's D1 records in one batch; every statement is idempotent (a second seed adds nothing). */
async function seedRecords(db: Db, now: number, passwordHash: string) {
  const today = todayIn(PRACTICAL_DEMO_ZONE, now);
  const users20 = [];
  for (let i = 0; i < PRACTICAL_COMPETITORS.length; i += 20) {
    const chunk = PRACTICAL_COMPETITORS.slice(i, i + 20);
    users20.push(
      db.insert(users).values(chunk.map((p) => ({ email: p.email, name: p.name, club: p.club, passwordHash, emailVerifiedAt: now }))).onConflictDoNothing({ target: users.email }),
    );
  }
  const tournament = db
    .insert(tournaments)
    .values({
      slug: PRACTICAL_DEMO_SLUG,
      title: PRACTICAL_DEMO_TITLE,
      club: "IPSC Nordheide",
      venue: "Schießzentrum Nordheide, Buchholz",
      timeZone: PRACTICAL_DEMO_ZONE,
      startsOn: today,
      endsOn: today,
      status: "published",
      registrationOpensAt: now - 30 * DAY_MS,
      registrationClosesAt: now - 2 * DAY_MS,
      description: "A Level I handgun match over six stages in four squads: stage results, division results and hit factors live.",
      createdBy: idOf(ORGANISER.email),
    })
    .onConflictDoNothing({ target: tournaments.slug });
  const staff = db
    .insert(tournamentStaff)
    .values([
      { tournamentId, userId: idOf(ORGANISER.email), role: "owner" as const },
      { tournamentId, userId: idOf(RANGE_OFFICER.email), role: "range_officer" as const },
    ])
    .onConflictDoNothing();
  const event = rawStatement(
    db,
    `INSERT INTO events (tournament_id, discipline, title, position, match_shape)
     SELECT t.id, ?, 'IPSC Handgun', 0, 'practical' FROM tournaments t
     WHERE t.slug = ? AND NOT EXISTS (SELECT 1 FROM events e WHERE e.tournament_id = t.id AND e.position = 0)`,
    PRACTICAL_DISCIPLINE, PRACTICAL_DEMO_SLUG,
  );
  const squads = PRACTICAL_SQUADS.map((q) =>
    rawStatement(
      db,
      `INSERT INTO relays (tournament_id, event_id, name, starts_at, firing_points, reserved)
       SELECT e.tournament_id, e.id, ?, ?, ?, 0 FROM events e JOIN tournaments t ON t.id = e.tournament_id
       WHERE t.slug = ? AND e.position = 0 AND NOT EXISTS (SELECT 1 FROM relays r WHERE r.event_id = e.id AND r.name = ?)`,
      q.name, fromLocal(today, q.time, PRACTICAL_DEMO_ZONE), SQUAD_CAPACITY, PRACTICAL_DEMO_SLUG, q.name,
    ),
  );
  const stages = PRACTICAL_STAGES.map((s) =>
    rawStatement(
      db,
      `INSERT INTO practical_stages (tournament_id, event_id, number, name, scoring, paper_targets, steel_targets)
       SELECT e.tournament_id, e.id, ?, ?, 'comstock', ?, ? FROM events e JOIN tournaments t ON t.id = e.tournament_id
       WHERE t.slug = ? AND e.position = 0 AND NOT EXISTS (SELECT 1 FROM practical_stages p WHERE p.event_id = e.id AND p.number = ?)`,
      s.number, s.name, s.paperTargets, s.steelTargets, PRACTICAL_DEMO_SLUG, s.number,
    ),
  );
  const divisions = db
    .insert(practicalDivisions)
    .values(PRACTICAL_DIVISIONS.map((division) => ({ eventId, tournamentId, division })))
    .onConflictDoNothing();
  await db.$client.batch([
    ...users20.map((q) => statement(db, q)),
    statement(db, tournament),
    statement(db, staff),
    event,
    ...squads,
    ...stages,
    statement(db, divisions),
    statement(db, bumpCacheScopes(db, [HOME_SCOPE, tournamentScope(PRACTICAL_DEMO_SLUG)])),
  ]);
}

export interface PracticalSeedCounts {
  entries: number;
  stageScores: number;
}

/**
 * Seeds the practical demo match: D1 records, then the competitors as the organiser's checked-in walk-ups
 * (with division and power factor) and the first three stages' scores through the tournament's object, with
 * stable keys and op ids, so a second seed adds nothing. One competitor is disqualified; results unofficial.
 */
export async function seedPracticalDemo(env: Env, db: Db, now: number, passwordHash: string): Promise<PracticalSeedCounts> {
  await seedRecords(db, now, passwordHash);
  const [t] = await db.select().from(tournaments).where(sql`${tournaments.slug} = ${PRACTICAL_DEMO_SLUG}`);
  if (!t) throw new Error("The practical demo tournament is missing from D1 after seeding.");
  const [event] = await db.select().from(events).where(sql`${events.tournamentId} = ${t.id} AND ${events.position} = 0`);
  const squads = await db.select().from(relays).where(sql`${relays.tournamentId} = ${t.id}`);
  const stages = await db.select().from(practicalStages).where(sql`${practicalStages.tournamentId} = ${t.id}`);
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(sql`${users.email} LIKE 'ipsc%@tenring.test' OR ${users.email} IN (${ORGANISER.email}, ${RANGE_OFFICER.email})`);
  const ids = new Map(people.map((p) => [p.email, p.id]));
  if (!event) throw new Error("The practical demo event is missing from D1.");
  const desk = new TournamentClient(env, db, t.id);
  await desk.configure();

  const counts: PracticalSeedCounts = { entries: 0, stageScores: 0 };
  const entryIds: string[] = [];
  for (const [i, p] of PRACTICAL_COMPETITORS.entries()) {
    const squad = squads.find((q) => q.name === PRACTICAL_SQUADS[p.squad]!.name);
    const userId = ids.get(p.email);
    if (!squad || userId === undefined) throw new Error(`Demo competitor ${p.email} or their squad is missing.`);
    const result = await desk.call("addEntry", {
      userId, eventId: event.id, relayId: squad.id, byUserId: ids.get(ORGANISER.email)!, idempotencyKey: `demo-ipsc:${p.email}`,
      practical: { division: p.division, powerFactor: p.powerFactor, category: i % 9 === 4 ? "Senior" : i % 11 === 3 ? "Lady" : null },
    });
    if (result.outcome === "refused") throw new Error(`Demo walk-up refused: ${result.message}`);
    if (!result.replayed) {
      counts.entries++;
      await desk.call("checkIn", result.entry.id, true);
    }
    entryIds.push(result.entry.id);
  }

  const ops: PracticalOpInput[] = [];
  for (const stage of stages.filter((s) => s.number <= SCORED_STAGES)) {
    for (const [i, entryId] of entryIds.entries()) {
      ops.push({ opId: `demo-ipsc.${stage.number}.${i}`, entryId, stage: stage.id, confirmed: true, ...demoStageScore(i, stage.number, requiredHits(stage)) });
    }
  }
  ops.push({ opId: "demo-ipsc.dq", entryId: entryIds[entryIds.length - 1]!, dq: true, reason: "Unsafe gun handling: muzzle past the 180 (10.5.2)" });
  const actor = { userId: ids.get(RANGE_OFFICER.email) ?? null, tokenId: null, via: "session" as const, role: "range_officer" as const };
  const { outcomes } = await desk.call("applyStageScores", ops, actor);
  const rejected = outcomes.filter((o) => o.outcome === "rejected");
  if (rejected.length > 0) throw new Error(`Demo stage scores rejected: ${rejected[0]!.message}`);
  counts.stageScores = outcomes.filter((o) => o.outcome === "applied").length;
  return counts;
}
