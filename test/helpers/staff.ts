import type { StaffRole } from "../../src/auth/roles.ts";
import { tournamentStaff } from "../../src/db/schema.ts";
import { person, type UserFields } from "./accounts.ts";
import { db } from "./d1.ts";

export type { StaffRole };

export async function addStaff(tournamentId: number, userId: number, role: StaffRole) {
  await db.insert(tournamentStaff).values({ tournamentId, userId, role }).run();
}

/** A signed-in person (with the session's form token) on the tournament's staff. */
export async function staffOf(tournamentId: number, role: StaffRole, fields: UserFields = {}) {
  const p = await person(fields);
  await addStaff(tournamentId, p.user.id, role);
  return p;
}
