import { Hono } from "hono";
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

seedRoutes.post("/", async (c) => {
  const expected = c.env.SEED_TOKEN;
  const sent = c.req.header("X-Seed-Token") ?? "";
  if (typeof expected !== "string" || expected === "" || !timingSafeEqual(sent, expected)) return c.notFound();
  const result = await seedDemo(c.env, c.get("db"));
  return c.json(result, 200, { "Cache-Control": "no-store" });
});
