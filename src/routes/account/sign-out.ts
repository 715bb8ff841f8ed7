import { Hono } from "hono";
import { endSession } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { redirectAfterForm } from "./respond.ts";

export const signOutRoutes = new Hono<AppEnv>();

/** Deletes the session row, so the cookie is dead even if a copy of it survives somewhere. */
signOutRoutes.post("/sign-out", async (c) => {
  await endSession(c);
  return redirectAfterForm(c, "/");
});
