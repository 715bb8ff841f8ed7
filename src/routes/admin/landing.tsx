import { Hono } from "hono";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { staffTournaments } from "../../queries/account/staff-tournaments.ts";
import { Landing } from "../../views/admin/landing.tsx";
import { adminHomePage } from "./respond.tsx";

/** /admin: the signed-in user's tournaments (staff roles come only from accepted invitation links). */
export const landingRoutes = new Hono<AppEnv>();

landingRoutes.get("/", requireUser, async (c) => {
  // The same read as the header's menus, shared within the request.
  const tournaments = await staffTournaments(c.get("db"), currentUser(c).id);
  return adminHomePage(c, "Your tournaments", <Landing tournaments={tournaments} />);
});
