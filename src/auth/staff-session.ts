import { and, eq, gt, sql } from "drizzle-orm";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { sessions, tournaments, tournamentStaff, users } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { sha256 } from "../lib/encoding.ts";
import type { StaffRole } from "./roles.ts";
import { SESSION_COOKIE } from "./session.ts";
import { rememberStaffTournaments, staffTournamentsOfSession } from "../queries/account/staff-tournaments.ts";

interface KnownRole {
  tournamentId: number;
  userId: number;
  role: StaffRole | null;
}

/** The staff role read together with the session and the tournament, for `requireStaff` on the same request. */
const knownRoles = new WeakMap<Request, KnownRole>();

/**
 * Staff pages (/admin/t/:slug/..., /score/t/:slug/...) read the session, the tournament and the caller's role
 * in one joined D1 query instead of three. Sets `c.var.user` and `c.var.tournament` (which `loadUser()` and
 * `tournamentBySlug()` then keep) and the role `requireStaff` checks. Without a session cookie, or for an
 * unknown slug, it sets nothing and the usual middleware answers (sign-in redirect, 404).
 */
export const staffSessionBySlug = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const slug = c.req.param("slug");
  if (token && slug && c.get("user") === undefined) {
    const tokenHash = await sha256(token);
    const db = c.get("db");
    // The header's staff roles ride in the same batch (src/queries/account/staff-tournaments.ts).
    const [rows, staff] = await db.batch([
      db
        .select({
          tournament: tournaments,
          // Aliased: a D1 batch returns rows keyed by column name, and the tournament has an id and a club too.
          id: sql<number | null>`${users.id}`.as("session_user_id"),
          email: users.email,
          name: users.name,
          club: sql<string | null>`${users.club}`.as("session_user_club"),
          verifiedAt: users.emailVerifiedAt,
          pendingEmail: users.pendingEmail,
          role: tournamentStaff.role,
        })
        .from(tournaments)
        .leftJoin(sessions, and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, Date.now())))
        .leftJoin(users, eq(users.id, sessions.userId))
        .leftJoin(tournamentStaff, and(eq(tournamentStaff.tournamentId, tournaments.id), eq(tournamentStaff.userId, users.id)))
        .where(eq(tournaments.slug, slug)),
      staffTournamentsOfSession(db, tokenHash),
    ]);
    const row = rows[0];
    if (row) {
      const { tournament, id, email, name, club, verifiedAt, pendingEmail, role } = row;
      c.set("tournament", tournament);
      if (id === null || email === null || name === null || club === null) c.set("user", null);
      else {
        c.set("user", { id, email, name, club, verified: verifiedAt !== null, pendingEmail, sessionHash: tokenHash });
        rememberStaffTournaments(db, id, staff);
        knownRoles.set(c.req.raw, { tournamentId: tournament.id, userId: id, role });
      }
    }
  }
  await next();
});

/** The role `staffSessionBySlug` read for this user and tournament on this request, if it did. */
export function roleReadWithSession(c: Context, tournamentId: number, userId: number): StaffRole | null | undefined {
  const known = knownRoles.get(c.req.raw);
  return known && known.tournamentId === tournamentId && known.userId === userId ? known.role : undefined;
}
