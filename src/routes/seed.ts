import { Hono } from "hono";
import { z } from "zod";
import { loadUser } from "../auth/session.ts";
import type { AppEnv } from "../env.ts";
import { timingSafeEqual } from "../lib/encoding.ts";
import { csrf } from "../middleware/csrf.ts";
import { seedDemo } from "../seed/index.ts";

/**
 * `POST /__seed`: demo data for local runs (`npm start` passes a random SEED_TOKEN). Without a configured
 * token, or with a wrong one, the route does not exist. Like every state change, it must come from this
 * origin (the seeding script sends same-origin JSON).
 */
export const seedRoutes = new Hono<AppEnv>();

seedRoutes.use(loadUser(), csrf());

/** `soonOpensInSeconds`: when the countdown tournament opens (five minutes unless a browser test asks for less). */
const seedOptions = z.object({ soonOpensInSeconds: z.number().int().min(1).max(86_400).optional() }).strict();

seedRoutes.post("/", async (c) => {
  const expected = c.env.SEED_TOKEN;
  const sent = c.req.header("X-Seed-Token") ?? "";
  if (typeof expected !== "string" || expected === "" || !timingSafeEqual(sent, expected)) return c.notFound();
  const parsed = seedOptions.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) return c.json({ error: "Send {} or {\"soonOpensInSeconds\": n} (1 to 86400)." }, 422);
  const seconds = parsed.data.soonOpensInSeconds;
  const result = await seedDemo(c.env, c.get("db"), Date.now(), seconds === undefined ? {} : { soonOpensInMs: seconds * 1000 });
  return c.json(result, 200, { "Cache-Control": "no-store" });
});
