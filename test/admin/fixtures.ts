import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { auditLog, entries, tournaments } from "../../src/db/schema.ts";
import { sha256 } from "../../src/lib/encoding.ts";
import { csrfTokenFor } from "../../src/middleware/csrf.ts";
import type { EntryView } from "../../src/object/contract/index.ts";
import { tournamentStub } from "../../src/object-client/stub.ts";
import { pushConfiguration } from "../../src/object-client/configuration.ts";
import { createUser, signedInUser } from "../helpers/accounts.ts";
import { get, postForm } from "../helpers/http.ts";
import { addStaff, createTournament, db, type TournamentSpec } from "../public/fixtures.ts";
import { select, texts } from "../public/html.ts";

export { addStaff, createTournament, db, get, select, texts };

export interface Person {
  user: Awaited<ReturnType<typeof createUser>>;
  cookie: string;
  /** The form token of this session, as the pages embed it. */
  csrf: string;
}

export async function person(fields: Parameters<typeof createUser>[0] = {}): Promise<Person> {
  const signed = await signedInUser(fields);
  const token = signed.cookie.split("=")[1]!;
  return { ...signed, csrf: await csrfTokenFor(await sha256(token)) };
}

export async function staffOf(tournamentId: number, role: "owner" | "organiser" | "range_officer", fields: Parameters<typeof createUser>[0] = {}) {
  const p = await person(fields);
  await addStaff(tournamentId, p.user.id, role);
  return p;
}

/** A plain form post from this person's browser (with the form token). */
export function send(who: Person, path: string, fields: Record<string, string> = {}) {
  return postForm(path, { _csrf: who.csrf, ...fields }, { cookie: who.cookie });
}

export function open(who: Person, path: string, hx = false) {
  return get(path, { cookie: who.cookie, hx });
}

/** A tournament in D1 told to its object: two relays of four points in one event unless said otherwise. */
export async function configuredTournament(spec: TournamentSpec = {}) {
  const made = await createTournament({
    events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 4 }, { name: "Relay 2", firingPoints: 4 }] }],
    ...spec,
  });
  await pushConfiguration(env, db, made.tournament.id);
  const stub = tournamentStub(env, made.tournament.id);
  const fresh = await db.select().from(tournaments).where(eq(tournaments.id, made.tournament.id)).get();
  return { ...made, tournament: fresh!, stub };
}

type Stub = ReturnType<typeof tournamentStub>;
let keys = 0;

/** A new competitor registers through the object, as the registration pages do. */
export async function register(stub: Stub, eventId: number, relayId: number | "any", name?: string) {
  const user = await createUser(name ? { name, club: `${name} Club` } : {});
  const result = await stub.register({ userId: user.id, eventId, relayId, idempotencyKey: `admin-test-${++keys}` });
  if (result.outcome === "refused") throw new Error(`registration refused: ${result.message}`);
  return { user, entry: result.entry };
}

/** Runs the object's alarm until its entries outbox is empty. */
export async function drain(stub: Stub): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await stub.outboxPending()) === 0 && (await stub.shotsOutboxPending()) === 0) return;
    if (!(await runDurableObjectAlarm(stub))) await scheduler.wait(20);
  }
  throw new Error("The outbox did not drain after 50 alarms.");
}

/** D1's copy of the entries and the object's, field by field. */
export async function d1AndObject(tournamentId: number) {
  const stub = tournamentStub(env, tournamentId);
  await drain(stub);
  const pick = (e: Pick<EntryView, "id" | "relayId" | "status" | "firingPoint" | "waitlistPosition" | "checkedInAt" | "updatedAt">) => ({
    id: e.id,
    relayId: e.relayId,
    status: e.status,
    firingPoint: e.firingPoint,
    waitlistPosition: e.waitlistPosition,
    checkedInAt: e.checkedInAt,
    updatedAt: e.updatedAt,
  });
  const inObject = (await stub.allEntries()).map(pick).sort((a, b) => a.id.localeCompare(b.id));
  const inD1 = (await db.select().from(entries).where(eq(entries.tournamentId, tournamentId)).all()).map(pick).sort((a, b) => a.id.localeCompare(b.id));
  return { inObject, inD1 };
}

export async function auditOf(tournamentId: number) {
  return db.select().from(auditLog).where(eq(auditLog.tournamentId, tournamentId)).orderBy(asc(auditLog.id)).all();
}

export async function tournamentRow(id: number) {
  return (await db.select().from(tournaments).where(eq(tournaments.id, id)).get())!;
}

/** The value of a hidden or text input on a page. */
export async function inputValue(html: string, name: string): Promise<string | undefined> {
  return (await select(html, `[name="${name}"]`))[0]?.attrs.value;
}
