import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { entries } from "../../src/db/schema.ts";
import type { EntryStatus, EntryView } from "../../src/object/contract/index.ts";
import { tournamentStub } from "./object.ts";
import { createUser } from "./accounts.ts";
import { d1Entries, db } from "./d1.ts";

type Stub = ReturnType<typeof tournamentStub>;

let keyCounter = 0;
/** A fresh Idempotency-Key (or form key) for one registration attempt. */
export const freshKey = () => `key-${Date.now().toString(36)}-${++keyCounter}`;

/**
 * A new competitor registers through the object, as the registration pages do. A named competitor's club
 * is "<name> Club" unless given.
 */
export async function register(stub: Stub, eventId: number, relayId: number | "any", name?: string, club = `${name} Club`) {
  const user = await createUser(name ? { name, club } : {});
  const result = await stub.register({ userId: user.id, eventId, relayId, idempotencyKey: freshKey() });
  if (result.outcome === "refused") throw new Error(`registration refused (${result.reason}): ${result.message}`);
  return { user, entry: result.entry };
}

/** Every entry the object holds, oldest first by sequence. */
export async function objectEntries(stub: Stub): Promise<EntryView[]> {
  const page = await stub.changesSince(0, 2000);
  return page.entries.sort((a, b) => a.seq - b.seq);
}

/** Runs the object's alarm until its entries and shots outboxes are empty (bounded: fails loudly instead of hanging). */
export async function drainOutboxes(stub: Stub): Promise<void> {
  const pending = async () => [await stub.outboxPending(), await stub.shotsOutboxPending()] as const;
  for (let i = 0; i < 50; i++) {
    const [changes, shots] = await pending();
    if (changes === 0 && shots === 0) return;
    if (!(await runDurableObjectAlarm(stub))) await scheduler.wait(20);
  }
  const [changes, shots] = await pending();
  throw new Error(`The outboxes still hold ${changes} entry changes and ${shots} shot rows after 50 alarms.`);
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

/** D1's copy of the entries and the object's (once the outboxes drained), with the fields organisers change. */
export async function d1AndObject(tournamentId: number) {
  const stub = tournamentStub(env, tournamentId);
  await drainOutboxes(stub);
  const pick = (e: Pick<EntryView, "id" | "relayId" | "status" | "firingPoint" | "waitlistPosition" | "checkedInAt" | "updatedAt">) => ({
    id: e.id,
    relayId: e.relayId,
    status: e.status,
    firingPoint: e.firingPoint,
    waitlistPosition: e.waitlistPosition,
    checkedInAt: e.checkedInAt,
    updatedAt: e.updatedAt,
  });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const inObject = (await stub.allEntries()).map(pick).sort(byId);
  const inD1 = (await d1Entries(tournamentId)).map(pick).sort(byId);
  return { inObject, inD1 };
}

let seq = 0;

/** Entries straight in D1, as the object's outbox copies them (no object involved). */
export async function addEntries(tournamentId: number, eventId: number, relayId: number | null, statuses: EntryStatus[]) {
  const now = Date.now();
  for (const [i, status] of statuses.entries()) {
    const user = await createUser();
    seq += 1;
    await db
      .insert(entries)
      .values({
        id: `e-${tournamentId}-${seq}`,
        tournamentId,
        eventId,
        relayId,
        userId: user.id,
        status,
        seq,
        waitlistPosition: status === "waitlisted" ? i + 1 : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  }
}
