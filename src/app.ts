import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { openDb } from "./db/client.ts";
import { countedD1 } from "./db/counted.ts";
import type { AppEnv } from "./env.ts";
import { notFound, onError } from "./middleware/errors.tsx";
import { renderer } from "./middleware/renderer.tsx";
import { secureHeaders } from "./middleware/security.ts";
import { requestLog } from "./middleware/request-log.ts";
import { serverTiming } from "./middleware/server-timing.ts";
import { accountRoutes } from "./routes/account/index.tsx";
import { adminRoutes } from "./routes/admin/index.ts";
import { apiV1Routes } from "./routes/api/index.ts";
import { competitorRoutes } from "./routes/competitor/index.ts";
import { fragmentRoutes } from "./routes/fragments.tsx";
import { mailboxRoutes } from "./routes/mailbox.tsx";
import { publicRoutes } from "./routes/public/index.tsx";
import { resultsRoutes } from "./routes/results/index.tsx";
import { myResultsRoutes } from "./routes/results/me.tsx";
import { finalRoutes } from "./routes/finals/index.tsx";
import { liveRoutes as scoreboardRoutes } from "./routes/scoreboard/index.tsx";
import { scoringRoutes } from "./routes/scoring/index.tsx";
import { seedRoutes } from "./routes/seed.ts";
import { webhookRoutes } from "./routes/webhooks/stripe.ts";

export const app = new Hono<AppEnv>();

app.use(
  serverTiming,
  requestLog,
  secureHeaders,
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("db", openDb(countedD1(c.env.DB, c.get("timing").d1)));
    await next();
  }),
  renderer,
);

// Liveness, and the baseline the benchmarks compare against: touches neither D1 nor a Durable Object.
app.get("/healthz", (c) => c.text("ok", 200, { "Cache-Control": "no-store" }));

// Each router mounts the session (`loadUser()`) and CSRF check (`csrf()`) on the routes that are personal;
// cached pages never read the session.
app.route("/account", accountRoutes);
app.route("/fragments", fragmentRoutes);
app.route("/__seed", seedRoutes);
// Signed by Stripe instead of a session and CSRF token.
app.route("/webhooks", webhookRoutes);
app.route("/__mailbox", mailboxRoutes);
app.route("/admin", adminRoutes);
app.route("/score", scoringRoutes);
app.route("/api/v1", apiV1Routes);
app.route("/", myResultsRoutes);
app.route("/", publicRoutes);
app.route("/", scoreboardRoutes);
app.route("/", finalRoutes);
app.route("/", resultsRoutes);
app.route("/", competitorRoutes);

app.notFound(notFound);
app.onError(onError);
