import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { RequestTiming } from "../lib/request-timing.ts";

/**
 * `Server-Timing` on every response: the time in the app, in D1 (with the number of round trips) and in the
 * tournament object. Mounted first, so it measures everything, a cache hit included (which shows 0 queries).
 */
export const serverTiming = createMiddleware<AppEnv>(async (c, next) => {
  const timing = new RequestTiming();
  c.set("timing", timing);
  await next();
  try {
    c.res.headers.set("Server-Timing", timing.header());
  } catch {
    // A response with immutable headers (a WebSocket upgrade from the object) goes out as it is.
  }
});
