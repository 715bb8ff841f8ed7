import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { timingSafeEqual } from "../lib/encoding.ts";
import { seedDemo } from "../seed/index.ts";

/**
 * `POST /__seed`: demo data for local runs (`npm start` passes a random SEED_TOKEN). Without a configured
 * token, or with a wrong one, the route does not exist.
 */
export const seedRoutes = new Hono<AppEnv>();

seedRoutes.post("/", async (c) => {
  const expected = c.env.SEED_TOKEN;
  const sent = c.req.header("X-Seed-Token") ?? "";
  if (typeof expected !== "string" || expected === "" || !timingSafeEqual(sent, expected)) return c.notFound();
  const result = await seedDemo(c.env, c.get("db"));
  return c.json(result, 200, { "Cache-Control": "no-store" });
});
