import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";

/**
 * Secure headers with a per-response script nonce. htmx runs without eval: the CSP has no 'unsafe-eval',
 * so `hx-on` and `js:` values never execute, and scripts inserted by swaps are blocked for lack of the nonce.
 * A response that already carries a CSP keeps it: a cached page has its own policy, without a nonce
 * (src/middleware/edge-cache.ts).
 */
/** The headers every response carries, whatever it is. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
  ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
];

export const secureHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const nonce = btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, "");
  c.set("nonce", nonce);
  await next();
  const h = c.res.headers;
  if (!h.has("Content-Security-Policy")) h.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  for (const [name, value] of SECURITY_HEADERS) h.set(name, value);
});

/**
 * The policy for HTML rendered with this nonce, or, with null, for a cached page served to every visitor:
 * a nonce shared by everyone would be no secret, so such a page runs only scripts loaded from this origin
 * (its layout has no inline script and no handler attribute).
 */
export function contentSecurityPolicy(nonce: string | null, formTargets: readonly string[] = []): string {
  return [
    "default-src 'self'",
    nonce === null ? "script-src 'self'" : `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}
