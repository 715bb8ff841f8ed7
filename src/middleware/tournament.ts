import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { StaffRole } from "../auth/roles.ts";
import { roleReadWithSession } from "../auth/staff-session.ts";
import type { Db } from "../db/client.ts";
import { tournaments, tournamentStaff } from "../db/schema.ts";
import type { AppEnv, Tournament } from "../env.ts";
import { Refusal } from "../lib/refusal.ts";
import { TtlCache } from "../lib/ttl-cache.ts";

export interface TournamentBySlugOptions {
  /** Only published tournaments exist here (public pages, registration, the API); drafts answer 404. */
  published?: boolean;
  /**
   * Serve the row this isolate read within the last 30 s (the registration rush). Slugs and publication
   * change rarely; the registration window itself is enforced by the tournament object on its own clock.
   * Organisers' pages read D1 every time: they compare the row's revision with their form's.
   */
  cached?: boolean;
}

const SLUG_CACHE_MS = 30_000;
const bySlug = new TtlCache<Tournament>(SLUG_CACHE_MS, 2_000);

const NOT_FOUND = { title: "Tournament not found", detail: "There is no tournament at this address." };
const NOT_PUBLISHED = { title: "No such tournament", detail: "There is no published tournament at this address." };

/** The tournament with this slug (the one lookup behind the middleware, for routes that answer a miss their own way). */
export async function findTournament(db: Db, slug: string, options: { cached?: boolean } = {}): Promise<Tournament | null> {
  const load = async () => (await db.select().from(tournaments).where(eq(tournaments.slug, slug)).get()) ?? null;
  return options.cached ? bySlug.getOrLoad(slug, load) : load();
}

/** Puts the tournament of the URL's `:slug` in `c.var.tournament`, or refuses with 404. */
export function tournamentBySlug(options: TournamentBySlugOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const slug = c.req.param("slug") ?? "";
    // Staff pages read it already, with the session and the role (src/auth/staff-session.ts).
    const read = c.get("tournament");
    const found = read?.slug === slug ? read : await findTournament(c.get("db"), slug, options);
    if (!found) throw new Refusal(404, options.published ? NOT_PUBLISHED : NOT_FOUND);
    if (options.published && found.status !== "published") throw new Refusal(404, NOT_PUBLISHED);
    c.set("tournament", found);
    await next();
  });
}

export interface RequireStaffOptions {
  /** What someone who is not on this tournament's staff is told. */
  notStaff?: { title: string; detail: string };
}

const ROLE_REFUSAL: Record<StaffRole, string> = {
  owner: "",
  organiser: "Only the tournament's owner can do this.",
  range_officer: "Range officers score and check competitors in; changing the tournament is for its owner and organisers.",
};

const NOT_STAFF = { title: "Not your tournament", detail: "Only the tournament's staff can open this page. Ask its owner to add you." };

/** The role of a user in a tournament's staff, read from D1 (so removing someone takes effect at once). */
export async function staffRole(c: { get(key: "db"): AppEnv["Variables"]["db"] }, tournamentId: number, userId: number): Promise<StaffRole | null> {
  const row = await c
    .get("db")
    .select({ role: tournamentStaff.role })
    .from(tournamentStaff)
    .where(and(eq(tournamentStaff.tournamentId, tournamentId), eq(tournamentStaff.userId, userId)))
    .get();
  return row?.role ?? null;
}

/**
 * The one role check of the admin area, the scoring pages and the API: after `tournamentBySlug()`, lets
 * through only the given roles, and sets `c.var.role`. The person is the API caller where
 * `resolveCaller()` ran, else the signed-in user. A scoring token of this tournament counts as a range
 * officer. Signed out: 401 (people go to the sign-in page). Not staff: 403.
 */
export function requireStaff(roles: readonly StaffRole[], options: RequireStaffOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const tournament = c.get("tournament");
    const caller = c.get("caller");
    if (caller?.via === "scoring_token") {
      if (caller.tokenTournamentId !== tournament.id) {
        throw new Refusal(403, { title: "Wrong tournament", detail: "This scoring token belongs to another tournament." });
      }
      if (!roles.includes("range_officer")) throw new Refusal(403, { title: "Not allowed", detail: ROLE_REFUSAL.range_officer });
      c.set("role", "range_officer");
      return next();
    }
    const userId = caller ? caller.userId : c.get("user")?.id;
    if (userId === undefined || userId === null) {
      throw new Refusal(401, { title: "Not signed in", detail: "Sign in as staff of this tournament." });
    }
    const role = roleReadWithSession(c, tournament.id, userId) ?? (await staffRole(c, tournament.id, userId));
    if (!role) throw new Refusal(403, options.notStaff ?? NOT_STAFF);
    if (!roles.includes(role)) throw new Refusal(403, { title: "Not allowed", detail: ROLE_REFUSAL[role] });
    c.set("role", role);
    await next();
  });
}
