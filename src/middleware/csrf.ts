import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { sha256, timingSafeEqual } from "../lib/encoding.ts";
import { refuse } from "../lib/refuse.tsx";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_FIELD = "_csrf";

/** The token plain forms carry: derived from the session, so only its holder can produce it. */
export async function csrfTokenFor(sessionHash: string | null): Promise<string> {
  return sha256(`csrf:${sessionHash ?? "anonymous"}`);
}

/**
 * Every state change must come from this origin (Origin, else Sec-Fetch-Site) and prove it was meant:
 * htmx's `HX-Request` header or a JSON body (both force a CORS preflight cross-site), or the form token.
 * Bearer-token API calls carry no ambient credentials and are exempt.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get("user");
  c.set("csrf", await csrfTokenFor(user?.sessionHash ?? null));
  if (SAFE.has(c.req.method)) return next();
  if (c.req.header("Authorization")?.startsWith("Bearer ")) return next();
  const origin = c.req.header("Origin");
  const own = new URL(c.req.url).origin;
  const sameOrigin = origin ? origin === own : c.req.header("Sec-Fetch-Site") === "same-origin";
  if (!sameOrigin) return refuse(c, 403, "Cross-site request refused", "This form must be sent from Tenring itself.");
  if (c.req.header("HX-Request") === "true") return next();
  // Signing out of a session that already ended elsewhere must still work; the origin check above suffices.
  if (new URL(c.req.url).pathname === "/account/sign-out") return next();
  if (c.req.header("Content-Type")?.startsWith("application/json")) return next();
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const sent = body[CSRF_FIELD];
    if (typeof sent === "string" && timingSafeEqual(sent, c.get("csrf"))) return next();
  }
  return refuse(c, 403, "Form expired", "Please reload the page and try again.");
});
