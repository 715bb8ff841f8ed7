import { Hono } from "hono";
import { loadUser } from "../../auth/session.ts";
import { staffSessionBySlug } from "../../auth/staff-session.ts";
import type { AppEnv } from "../../env.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { csrf } from "../../middleware/csrf.ts";
import { freshViewsAfterChanges } from "../../middleware/fresh-views.ts";
import { auditRoutes } from "./audit.tsx";
import { deviceRoutes } from "./devices.tsx";
import { checkInRoutes } from "./checkin.tsx";
import { dashboardRoutes } from "./dashboard.tsx";
import { entriesRoutes } from "./entries.tsx";
import { entryRoutes } from "./entry.tsx";
import { eventRoutes } from "./events.tsx";
import { landingRoutes } from "./landing.tsx";
import { matchRoutes } from "./match.tsx";
import { paymentRoutes } from "./payments.tsx";
import { relayRoutes } from "./relays.tsx";
import { finalsAdminRoutes } from "./finals.tsx";
import { resultsAdminRoutes } from "./results.tsx";
import { stageConflictRoutes } from "./stage-conflicts.tsx";
import { staffRoutes } from "./staff.tsx";
import { startListRoutes } from "./start-list.tsx";
import { newTournamentRoutes, tournamentRoutes } from "./tournaments.tsx";

/**
 * The organisers' area under /admin: personal, never cached. Every route of a tournament is for its staff
 * (`forStaff` with the roles it allows) and checks that each id in the URL belongs to that tournament
 * (src/routes/admin/loaders.ts).
 */
export const adminRoutes = new Hono<AppEnv>();

adminRoutes.use("*", cacheControl("no-store"), freshViewsAfterChanges);
adminRoutes.use("/t/:slug/*", staffSessionBySlug);
adminRoutes.use("*", loadUser(), csrf());

adminRoutes.route("/", landingRoutes);
adminRoutes.route("/", newTournamentRoutes);
adminRoutes.route("/", dashboardRoutes);
adminRoutes.route("/", tournamentRoutes);
adminRoutes.route("/", eventRoutes);
adminRoutes.route("/", matchRoutes);
adminRoutes.route("/", relayRoutes);
adminRoutes.route("/", entriesRoutes);
adminRoutes.route("/", entryRoutes);
adminRoutes.route("/", paymentRoutes);
adminRoutes.route("/", startListRoutes);
adminRoutes.route("/", checkInRoutes);
adminRoutes.route("/", staffRoutes);
adminRoutes.route("/", auditRoutes);
adminRoutes.route("/", resultsAdminRoutes);
adminRoutes.route("/", stageConflictRoutes);
adminRoutes.route("/", finalsAdminRoutes);
adminRoutes.route("/", deviceRoutes);
