import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { ErrorPage } from "../views/error-page.tsx";
import { problem } from "./problem.ts";

function wantsJson(c: Context): boolean {
  if (new URL(c.req.url).pathname.startsWith("/api/")) return true;
  const accept = c.req.header("Accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** An error in the shape the caller reads: problem+json for the API, a friendly page for people. */
export function refuse(c: Context<AppEnv>, status: ContentfulStatusCode, title: string, detail: string) {
  if (wantsJson(c)) return problem(c, status, title, detail);
  c.header("Cache-Control", "no-store");
  return c.html(<ErrorPage nonce={c.get("nonce") ?? ""} status={status} title={title} detail={detail} />, status);
}
