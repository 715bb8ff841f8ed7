import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { toSignIn } from "../../auth/session.ts";
import { tournaments, tournamentStaff } from "../../db/schema.ts";
import type { AppEnv, SignedInUser } from "../../env.ts";
import { refuse } from "../../lib/refuse.tsx";

export type StaffRole = (typeof tournamentStaff.$inferSelect)["role"];
export type Tournament = typeof tournaments.$inferSelect;

/** Admin handlers behind `requireStaff`: the tournament of the URL, the user's role in it, the user. */
export interface AdminEnv {
  Bindings: Env;
  Variables: AppEnv["Variables"] & { tournament: Tournament; role: StaffRole; me: SignedInUser };
}

export const ALL_STAFF: readonly StaffRole[] = ["owner", "organiser", "range_officer"];
export const EDITORS: readonly StaffRole[] = ["owner", "organiser"];

const ROLE_REFUSAL: Record<StaffRole, string> = {
  owner: "",
  organiser: "Only the tournament's owner can do this.",
  range_officer: "Range officers score and check competitors in; changing the tournament is for its owner and organisers.",
};

/**
 * The one authorization check of the admin area: loads the tournament of `:slug` and the user's role in it
 * (from D1 on every request, so removing someone from the staff takes effect at once) and lets only the
 * given roles through. Signed out: the sign-in page. Not staff of this tournament: 403. Unknown slug: 404.
 */
export function requireStaff(roles: readonly StaffRole[]) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    const user = c.get("user");
    if (!user) return toSignIn(c);
    const slug = c.req.param("slug") ?? "";
    const found = await c
      .get("db")
      .select({ tournament: tournaments, role: tournamentStaff.role })
      .from(tournaments)
      .leftJoin(tournamentStaff, and(eq(tournamentStaff.tournamentId, tournaments.id), eq(tournamentStaff.userId, user.id)))
      .where(eq(tournaments.slug, slug))
      .get();
    if (!found) return deny(c, 404, "Tournament not found", "There is no tournament at this address.");
    if (!found.role) {
      return deny(c, 403, "Not your tournament", "Only the tournament's staff can open this page. Ask its owner to add you.");
    }
    if (!roles.includes(found.role)) return deny(c, 403, "Not allowed", ROLE_REFUSAL[found.role]);
    c.set("tournament", found.tournament);
    c.set("role", found.role);
    c.set("me", user);
    await next();
  });
}

/** The refusal page, for any of the admin's contexts. */
function deny(c: Context, status: 403 | 404 | 409 | 422, title: string, detail: string) {
  return refuse(c, status, title, detail);
}

/** Answers for an object (event, relay, entry, staff member, token) that is not this tournament's. */
export function notHere(c: Context, what: string) {
  return deny(c, 404, `${what} not found`, `This tournament has no such ${what.toLowerCase()}.`);
}
