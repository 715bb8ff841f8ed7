import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { loadUser } from "./auth/session.ts";
import { openDb } from "./db/client.ts";
import type { AppEnv } from "./env.ts";
import { refuse } from "./lib/refuse.tsx";
import { csrf } from "./middleware/csrf.ts";
import { secureHeaders } from "./middleware/security.ts";
import { accountRoutes } from "./routes/account/index.tsx";
import { adminRoutes } from "./routes/admin/index.ts";
import { apiV1Routes } from "./routes/api/index.ts";
import { competitorRoutes } from "./routes/competitor/index.ts";
import { resultRoutes } from "./routes/api/results.ts";
import { shotRoutes } from "./routes/api/shots.ts";
import { fragmentRoutes } from "./routes/fragments.tsx";
import { liveRoutes } from "./routes/scoreboard/index.tsx";
import { publicRoutes } from "./routes/public/index.tsx";
import { resultsRoutes } from "./routes/results/index.tsx";
import { myResultsRoutes } from "./routes/results/me.tsx";
import { scoringRoutes } from "./routes/scoring/index.tsx";
import { seedRoutes } from "./routes/seed.ts";

export const app = new Hono<AppEnv>();

app.use("*", secureHeaders);
app.use("*", async (c, next) => {
  c.set("db", openDb(c.env.DB));
  await next();
});


// Liveness, and the baseline the benchmarks compare against: touches neither D1 nor a Durable Object.
app.get("/healthz", (c) => c.text("ok", 200, { "Cache-Control": "no-store" }));

// Personal and state-changing areas: only these ever read the session cookie.
export const PERSONAL_PREFIXES = ["/account", "/me", "/fragments", "/api", "/admin", "/score", "/__seed"];
for (const prefix of PERSONAL_PREFIXES) app.use(`${prefix}/*`, loadUser, csrf);
app.route("/account", accountRoutes);
app.route("/fragments", fragmentRoutes);
app.route("/__seed", seedRoutes);
app.route("/admin", adminRoutes);
app.route("/score", scoringRoutes);
app.route("/", myResultsRoutes);
// Before apiV1Routes: the shots route takes scoring tokens, which the registration API's resolveCaller refuses.
app.route("/api/v1", shotRoutes);
app.route("/api/v1", resultRoutes);
app.route("/api/v1", apiV1Routes);

// Cached, cookie-blind pages: they never see the session.
app.route("/", publicRoutes);
// The live scoreboard (cached page, its socket) and its personal fragment under /fragments/live.
app.route("/", liveRoutes);
// Results per event (page, CSV), per tournament, and the compare view: cached like the pages above.
app.route("/", resultsRoutes);
// Registration panel (/fragments), register and My entries (/me), places left (/t, cached).
app.route("/", competitorRoutes);

app.notFound((c) => refuse(c, 404, "Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped."));

app.onError((err, c) => {
  if (err instanceof HTTPException) return refuse(c, err.status, err.message || "Request refused", err.message);
  console.error(err);
  return refuse(c, 500, "Something went wrong", "An unexpected error stopped this request. Nothing you entered was saved twice; please try again.");
});
