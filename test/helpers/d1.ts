import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { openDb } from "../../src/db/client.ts";
import { auditLog, entries, tournaments } from "../../src/db/schema.ts";

/** The test's handle on D1 (the same database the Worker and the objects write). */
export const db = openDb(env.DB);

/** D1's copy of a tournament's entries, in the object's sequence order. */
export async function d1Entries(tournamentId: number) {
  return db.select().from(entries).where(eq(entries.tournamentId, tournamentId)).orderBy(asc(entries.seq)).all();
}

export async function auditOf(tournamentId: number) {
  return db.select().from(auditLog).where(eq(auditLog.tournamentId, tournamentId)).orderBy(asc(auditLog.id)).all();
}

export async function tournamentRow(id: number) {
  return (await db.select().from(tournaments).where(eq(tournaments.id, id)).get())!;
}
