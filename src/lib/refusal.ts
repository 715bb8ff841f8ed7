import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldErrors {
  [field: string]: string;
}

export interface RefusalInit {
  /** A short heading: "Registration is closed". */
  title: string;
  /** For people: what happened and what to do. */
  detail: string;
  /** Messages per field (JSON: `errors`; forms: next to the field). */
  errors?: FieldErrors | undefined;
  /** Extra headers for the answer, e.g. `Retry-After`. */
  headers?: Record<string, string> | undefined;
  /** Machine-readable reason, e.g. a registration refusal's `reason`. */
  reason?: string | undefined;
}

/**
 * A request refused on purpose. Thrown anywhere in a handler or middleware; the app's one `onError`
 * presents it in the shape the caller reads (src/middleware/errors.tsx): problem+json for the API, a page
 * or an htmx fragment for people.
 */
export class Refusal extends HTTPException {
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldErrors | undefined;
  readonly headers: Record<string, string>;
  readonly reason: string | undefined;

  constructor(status: ContentfulStatusCode, init: RefusalInit) {
    super(status, { message: init.detail });
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
    this.reason = init.reason;
  }
}

/** The refusal for an id in the URL that is not this tournament's (an event, a relay, an entry, ...). */
export function notHere(what: string): Refusal {
  return new Refusal(404, { title: `${what} not found`, detail: `This tournament has no such ${what.toLowerCase()}.` });
}
