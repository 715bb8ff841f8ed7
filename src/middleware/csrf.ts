import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { sha256, timingSafeEqual } from "../lib/encoding.ts";
import { CSRF_FIELD } from "../lib/forms.ts";
import { Refusal } from "../lib/refusal.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The token plain forms carry: derived from the session, so only its holder can produce it. */
export async function csrfTokenFor(sessionHash: string | null): Promise<string> {
  return sha256(`csrf:${sessionHash ?? "anonymous"}`);
}

export interface CsrfOptions {
  /**
   * Requests that need only the same-origin check, not the token: e.g. signing out of a session that
   * already ended elsewhere (its token no longer matches anything).
   */
  exempt?: (c: Context<AppEnv>) => boolean;
}

/**
 * Every state change must come from this origin (Origin, else Sec-Fetch-Site) and prove it was meant:
 * htmx's `HX-Request` header or a JSON body (both force a CORS preflight cross-site), or the form token.
 * Bearer-token API calls carry no ambient credentials and are exempt. Mount after `loadUser()`.
 */
export function csrf(options: CsrfOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("csrf", await csrfTokenFor(c.get("user")?.sessionHash ?? null));
    if (SAFE.has(c.req.method)) return next();
    if (c.req.header("Authorization")?.startsWith("Bearer ")) return next();
    const origin = c.req.header("Origin");
    const own = new URL(c.req.url).origin;
    const sameOrigin = origin ? origin === own : c.req.header("Sec-Fetch-Site") === "same-origin";
    if (!sameOrigin) throw new Refusal(403, { title: "Cross-site request refused", detail: "This form must be sent from Tenring itself." });
    if (c.req.header("HX-Request") === "true") return next();
    if (options.exempt?.(c)) return next();
    if (c.req.header("Content-Type")?.startsWith("application/json")) return next();
    const type = c.req.header("Content-Type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const sent = (await c.req.parseBody())[CSRF_FIELD];
      if (typeof sent === "string" && timingSafeEqual(sent, c.get("csrf"))) return next();
    }
    throw new Refusal(403, { title: "Form expired", detail: "Please reload the page and try again." });
  });
}
