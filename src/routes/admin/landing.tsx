import { Hono } from "hono";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { myTournaments } from "../../queries/admin/tournaments.ts";
import { Landing } from "../../views/admin/landing.tsx";
import { adminHomePage } from "./respond.tsx";

/** /admin: the signed-in user's tournaments (staff roles come only from accepted invitation links). */
export const landingRoutes = new Hono<AppEnv>();

landingRoutes.get("/", requireUser, async (c) => {
  const user = currentUser(c);
  const db = c.get("db");
  const tournaments = await myTournaments(db, user.id);
  return adminHomePage(c, "Your tournaments", <Landing tournaments={tournaments} />);
});
