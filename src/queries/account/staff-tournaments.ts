import { eq } from "drizzle-orm";
import { EDITORS, type StaffRole } from "../../auth/roles.ts";
import type { Db } from "../../db/client.ts";
import { sessions, tournaments, tournamentStaff } from "../../db/schema.ts";

/** A tournament the person is staff of, as the header, the account page and /score list it. */
export interface StaffTournament {
  slug: string;
  title: string;
  status: "draft" | "published";
  startsOn: string;
  endsOn: string;
  venue: string;
  role: StaffRole;
}

/**
 * Read once per request (each request opens its own `Db`): a page that lists them (the account page, /score)
 * and its header share one read. Every staff change in a request comes before its first read.
 */
const readThisRequest = new WeakMap<Db, { userId: number; rows: Promise<StaffTournament[]> }>();

/**
 * The person's staff roles, one small query (the `staff_user` index): what the header and the account page
 * offer them. Tournaments under way or ahead come first, soonest first; finished ones after, latest first.
 */
export function staffTournaments(db: Db, userId: number): Promise<StaffTournament[]> {
  const read = readThisRequest.get(db);
  if (read?.userId === userId) return read.rows;
  const rows = readStaffTournaments(db, userId, new Date().toISOString().slice(0, 10));
  readThisRequest.set(db, { userId, rows });
  return rows;
}

const COLUMNS = {
  slug: tournaments.slug,
  title: tournaments.title,
  status: tournaments.status,
  startsOn: tournaments.startsOn,
  endsOn: tournaments.endsOn,
  venue: tournaments.venue,
  role: tournamentStaff.role,
};

export async function readStaffTournaments(db: Db, userId: number, today: string): Promise<StaffTournament[]> {
  const rows = await db
    .select(COLUMNS)
    .from(tournamentStaff)
    .innerJoin(tournaments, eq(tournaments.id, tournamentStaff.tournamentId))
    .where(eq(tournamentStaff.userId, userId))
    .all();
  return inOrder(rows, today);
}

/**
 * The same read for the user of a session, as a query to put in the D1 batch that looks the session up, so
 * a signed-in page's header costs no round trip of its own. `remember` then keeps the rows for the request.
 */
export function staffTournamentsOfSession(db: Db, sessionHash: string) {
  return db
    .select(COLUMNS)
    .from(tournamentStaff)
    .innerJoin(tournaments, eq(tournaments.id, tournamentStaff.tournamentId))
    .innerJoin(sessions, eq(sessions.userId, tournamentStaff.userId))
    .where(eq(sessions.tokenHash, sessionHash));
}

/** Keeps the rows read with the session as this request's answer for the user (see `staffTournaments`). */
export function rememberStaffTournaments(db: Db, userId: number, rows: StaffTournament[]): void {
  readThisRequest.set(db, { userId, rows: Promise.resolve(inOrder(rows, new Date().toISOString().slice(0, 10))) });
}

function inOrder(rows: StaffTournament[], today: string): StaffTournament[] {
  const ahead = rows.filter((t) => t.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title));
  const past = rows.filter((t) => t.endsOn < today).sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.title.localeCompare(b.title));
  return [...ahead, ...past];
}

/** What a person may use, by role: owners and organisers organise; every staff role scores. */
export interface StaffTools {
  organise: StaffTournament[];
  score: StaffTournament[];
}

export function staffTools(staff: StaffTournament[]): StaffTools {
  return { organise: staff.filter((t) => EDITORS.includes(t.role)), score: staff };
}
