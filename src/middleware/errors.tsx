import { logger } from "../lib/log.ts";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { problem } from "../lib/problem.ts";
import { Refusal } from "../lib/refusal.ts";
import { ResendLinkForm } from "../views/account/link-steps.tsx";
import { ErrorPage } from "../views/error-page.tsx";

/** API clients, and anything asking for JSON rather than HTML, get problem+json. */
export function wantsJson(c: Context): boolean {
  if (new URL(c.req.url).pathname.startsWith("/api/")) return true;
  const accept = c.req.header("Accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export function isHtmx(c: Context): boolean {
  return c.req.header("HX-Request") === "true";
}

/** Sends a signed-out visitor to the sign-in page, to come back here afterwards (htmx: a client-side redirect). */
export function toSignIn(c: Context, next?: string) {
  const url = new URL(c.req.url);
  const target = `/account/sign-in?next=${encodeURIComponent(next ?? url.pathname + url.search)}`;
  if (isHtmx(c)) {
    c.header("HX-Redirect", target);
    return c.body(null, 401);
  }
  return c.redirect(target, 303);
}

/**
 * Presents a refusal: problem+json for the API; for people, the sign-in page when signing in would help
 * (401), an htmx fragment where the router chose one (`refusalFragment`), else an error page.
 */
export function present(c: Context<AppEnv>, r: Refusal) {
  for (const [name, value] of Object.entries(r.headers)) c.header(name, value);
  c.header("Cache-Control", "no-store");
  const status = r.status as ContentfulStatusCode;
  if (wantsJson(c)) return problem(c, status, r.title, r.detail, r.errors);
  if (status === 401) return toSignIn(c);
  c.status(status);
  const fragment = isHtmx(c) ? c.get("refusalFragment") : undefined;
  if (fragment) return c.render(fragment(r), { title: r.title, fragment: true });
  // An unconfirmed address is the one refusal its reader can fix from here.
  const action = r.reason === "unverified" && c.get("csrf") !== undefined ? <ResendLinkForm /> : undefined;
  return c.render(<ErrorPage status={status} title={r.title} detail={r.detail} action={action} />, { title: r.title, noindex: true });
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof Refusal) return present(c, err);
  if (err instanceof HTTPException) {
    if (err.res) return err.getResponse();
    return present(c, new Refusal(err.status as ContentfulStatusCode, { title: err.message || "Request refused", detail: err.message }));
  }
  (c.get("log") ?? logger({ path: c.req.path })).error("unhandled error", err);
  return present(
    c,
    new Refusal(500, {
      title: "Something went wrong",
      detail: "An unexpected error stopped this request. Nothing you entered was saved twice; please try again.",
    }),
  );
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  present(c, new Refusal(404, { title: "Page not found", detail: "There is nothing at this address. It may have moved, or the link may be mistyped." }));
