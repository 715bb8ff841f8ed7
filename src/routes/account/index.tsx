import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { profileRoutes } from "./profile.tsx";
import { signInRoutes } from "./sign-in.tsx";
import { signOutRoutes } from "./sign-out.ts";
import { signUpRoutes } from "./sign-up.tsx";

export const accountRoutes = new Hono<AppEnv>();

// Forms carry per-session CSRF tokens and new API tokens: nothing here may be stored by any cache.
accountRoutes.use("*", cacheControl("no-store"));

accountRoutes.route("/", signUpRoutes);
accountRoutes.route("/", signInRoutes);
accountRoutes.route("/", signOutRoutes);
accountRoutes.route("/", profileRoutes);
