import type { Db } from "../../db/client.ts";
import { finals } from "../../db/schema.ts";

export interface FinalRow {
  tournamentId: number;
  eventId: number;
  finalId: number;
  formatId: string;
}

/** D1's note of a final the object made (the public pages' link); a second note of the same event changes nothing. */
export function recordFinal(db: Db, row: FinalRow) {
  return db.insert(finals).values(row).onConflictDoNothing();
}
