import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";
import { isHtmx } from "../../middleware/errors.tsx";

const BASE = "https://next.invalid";

/** Where to go after a form: only a path on this site ("/..."), never "//host" or another origin. */
export function safeNext(raw: string | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//")) return "/";
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil" or "/\t/evil" would leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return "/";
  const url = new URL(raw, BASE);
  if (url.origin !== BASE) return "/";
  return url.pathname + url.search + url.hash;
}

/** After a successful form: a 303 for a plain form, HX-Redirect for htmx (its fetch would follow a 303 silently). */
export function redirectAfterForm(c: Context<AppEnv>, to: string): Response {
  if (isHtmx(c)) {
    c.header("HX-Redirect", to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}
