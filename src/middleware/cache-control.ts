import { createMiddleware } from "hono/factory";

/** Sets `Cache-Control` on every answer of the routes it guards, after the handler, so it has the last word. */
export function cacheControl(value: "no-store" | "private, no-store") {
  return createMiddleware(async (c, next) => {
    await next();
    c.header("Cache-Control", value);
  });
}
