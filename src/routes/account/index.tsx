import { Hono } from "hono";
import { loadUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { csrf } from "../../middleware/csrf.ts";
import { careRoutes } from "./care.tsx";
import { claimRoutes } from "./claims.tsx";
import { invitationRoutes } from "./invitations.tsx";
import { profileRoutes } from "./profile.tsx";
import { resetRoutes } from "./reset.tsx";
import { signInRoutes } from "./sign-in.tsx";
import { signOutRoutes } from "./sign-out.ts";
import { signUpRoutes } from "./sign-up.tsx";
import { verifyRoutes } from "./verify.tsx";

export const accountRoutes = new Hono<AppEnv>();

// Forms carry per-session CSRF tokens and new API tokens: nothing here may be stored by any cache.
// Signing out of a session that already ended elsewhere has no matching token: the same-origin check suffices.
accountRoutes.use(
  "*",
  cacheControl("no-store"),
  loadUser(),
  csrf({ exempt: (c) => c.req.path === "/account/sign-out" }),
);

accountRoutes.route("/", signUpRoutes);
accountRoutes.route("/", signInRoutes);
accountRoutes.route("/", signOutRoutes);
accountRoutes.route("/", verifyRoutes);
accountRoutes.route("/", resetRoutes);
accountRoutes.route("/", careRoutes);
accountRoutes.route("/", invitationRoutes);
accountRoutes.route("/", claimRoutes);
accountRoutes.route("/", profileRoutes);
