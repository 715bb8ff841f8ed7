import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { openDb } from "../../src/db/client.ts";
import { entries, events, relays, tournamentStaff, tournaments, users } from "../../src/db/schema.ts";
import type { EntryView } from "../../src/object/contract/index.ts";
import { tournamentStub } from "../../src/object-client/stub.ts";
import { pushConfiguration } from "../../src/object-client/configuration.ts";

export const db = openDb(env.DB);
const HOUR = 3_600_000;
let counter = 0;

export interface RelaySpec {
  firingPoints: number;
  reserved?: number;
  /** Minutes after the first relay's start; sets the "any relay" order. */
  startsAfter?: number;
}

export interface TournamentSpec {
  events?: { title?: string; relays: RelaySpec[] }[];
  opensAt?: number;
  closesAt?: number;
  entryFeeCents?: number;
  status?: "draft" | "published";
  /** Staff rows: user id → role. */
  staff?: [number, "owner" | "organiser" | "range_officer"][];
  /** Push the configuration to the object (default true). */
  configure?: boolean;
}

/** A tournament in D1 (open for registration unless told otherwise), configured in its object. */
export async function createTournament(spec: TournamentSpec = {}) {
  counter += 1;
  const now = Date.now();
  const slug = `t-${now.toString(36)}-${counter}`;
  const t = await db
    .insert(tournaments)
    .values({
      slug,
      title: `Test Cup ${counter}`,
      venue: "Test Range",
      timeZone: "Europe/Berlin",
      startsOn: "2027-05-01",
      endsOn: "2027-05-02",
      status: spec.status ?? "published",
      registrationOpensAt: spec.opensAt ?? now - HOUR,
      registrationClosesAt: spec.closesAt ?? now + 24 * HOUR,
      entryFeeCents: spec.entryFeeCents ?? 0,
    })
    .returning()
    .get();
  const eventRows = [];
  const relayRows = [];
  const specs = spec.events ?? [{ relays: [{ firingPoints: 4 }] }];
  for (const [i, e] of specs.entries()) {
    const event = await db
      .insert(events)
      .values({ tournamentId: t.id, discipline: "10m-air-rifle", title: e.title ?? `Event ${i + 1}`, position: i })
      .returning()
      .get();
    eventRows.push(event);
    for (const [j, r] of e.relays.entries()) {
      relayRows.push(
        await db
          .insert(relays)
          .values({
            tournamentId: t.id,
            eventId: event.id,
            name: `Relay ${j + 1}`,
            startsAt: Date.parse("2027-05-01T08:00:00Z") + (r.startsAfter ?? j * 60) * 60_000,
            firingPoints: r.firingPoints,
            reserved: r.reserved ?? 0,
          })
          .returning()
          .get(),
      );
    }
  }
  for (const [userId, role] of spec.staff ?? []) await db.insert(tournamentStaff).values({ tournamentId: t.id, userId, role }).run();
  const stub = tournamentStub(env, t.id);
  if (spec.configure ?? true) await pushConfiguration(env, db, t.id);
  return { tournament: t, events: eventRows, relays: relayRows, stub };
}

/** Many competitors at once (D1 takes at most 100 bound parameters per statement). */
export async function createUsers(n: number): Promise<number[]> {
  counter += 1;
  const stem = `${Date.now().toString(36)}-${counter}`;
  const rows = Array.from({ length: n }, (_, i) => ({ email: `rush-${stem}-${i}@example.test`, name: `Competitor ${i + 1}`, club: "Rush Club" }));
  const statements = [];
  for (let i = 0; i < rows.length; i += 25) {
    statements.push(db.insert(users).values(rows.slice(i, i + 25)).returning({ id: users.id }));
  }
  const [first, ...rest] = statements;
  if (!first) return [];
  const results = await db.batch([first, ...rest]);
  return results.flat().map((r) => r.id);
}

type Stub = ReturnType<typeof tournamentStub>;

/** Every entry the object holds, oldest first by sequence. */
export async function objectEntries(stub: Stub): Promise<EntryView[]> {
  const page = await stub.changesSince(0, 2000);
  return page.entries.sort((a, b) => a.seq - b.seq);
}

/** Runs the object's alarm until its outbox is empty (bounded: fails loudly instead of hanging). */
export async function drainOutbox(stub: Stub): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await stub.outboxPending()) === 0) return;
    if (!(await runDurableObjectAlarm(stub))) await scheduler.wait(20);
  }
  throw new Error(`The outbox still holds ${await stub.outboxPending()} changes after 50 alarms.`);
}

export async function d1Entries(tournamentId: number) {
  return db.select().from(entries).where(eq(entries.tournamentId, tournamentId)).orderBy(asc(entries.seq)).all();
}

/** The fields D1 copies, for comparing D1 with the object. */
export function copied(e: Pick<EntryView, "id" | "eventId" | "relayId" | "userId" | "status" | "seq" | "waitlistPosition" | "updatedAt">) {
  return {
    id: e.id,
    eventId: e.eventId,
    relayId: e.relayId,
    userId: e.userId,
    status: e.status,
    seq: e.seq,
    waitlistPosition: e.waitlistPosition,
    updatedAt: e.updatedAt,
  };
}

let keyCounter = 0;
export const freshKey = () => `key-${Date.now().toString(36)}-${++keyCounter}`;
