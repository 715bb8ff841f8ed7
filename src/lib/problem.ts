import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldErrors {
  [field: string]: string;
}

/** An RFC 9457 problem body: what API clients get for every 4xx/5xx. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail?: string,
  errors?: FieldErrors,
) {
  return c.body(JSON.stringify({ type: "about:blank", title, status, detail, errors }), status, {
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
  });
}
