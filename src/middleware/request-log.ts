import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { logger } from "../lib/log.ts";
import { REQUEST_ID_HEADER } from "../lib/request-id.ts";

/**
 * One log per request with its id on every line (`c.var.log`): Cloudflare's ray id where there is one, else a
 * fresh UUID. The id goes back in `X-Request-Id`, so a visitor's report leads to the lines.
 */
/** Cloudflare's ray id where there is one, else a fresh UUID. */
export function requestIdOf(request: Request): string {
  return request.headers.get("cf-ray") ?? crypto.randomUUID();
}

export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = requestIdOf(c.req.raw);
  c.set("requestId", requestId);
  c.set("log", logger({ requestId, method: c.req.method, path: c.req.path }));
  await next();
  try {
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
  } catch {
    // A WebSocket upgrade's headers cannot change.
  }
});
