import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ChangeRefusalReason, RefusalReason } from "../domain/registration/types.ts";
import { Refusal } from "../lib/refusal.ts";
import type { PracticalRefusalReason } from "../object/contract/practical.ts";

/** Every way the tournament object (or reaching it) can refuse, as the API and pages answer it. */
export type ObjectRefusalReason = RefusalReason | ChangeRefusalReason | PracticalRefusalReason | "overloaded";

interface RefusalRow {
  status: ContentfulStatusCode;
  title: string;
  /** The request field the refusal is about (JSON `errors`, a form's field message). */
  field?: string;
  /** Seconds to wait before retrying, where waiting helps. */
  retryAfter?: number;
}

/** The one table: each reason's status and heading. The object's own message is the detail. */
export const REFUSALS: Record<ObjectRefusalReason, RefusalRow> = {
  not_open: { status: 403, title: "Registration is not open yet" },
  closed: { status: 403, title: "Registration is closed" },
  already_entered: { status: 409, title: "Already entered" },
  unknown_event: { status: 422, title: "Unknown event", field: "event" },
  unknown_relay: { status: 422, title: "Unknown relay", field: "relay" },
  idempotency_key_reused: { status: 422, title: "Idempotency-Key already used", field: "Idempotency-Key" },
  rate_limited: { status: 429, title: "Too many attempts" },
  not_configured: { status: 503, title: "Registration is not ready", retryAfter: 5 },
  overloaded: { status: 503, title: "Registration is busy", retryAfter: 1 },
  not_found: { status: 404, title: "No such entry" },
  not_active: { status: 409, title: "Entry not active" },
  not_held: { status: 409, title: "Entry not held" },
  hold_expired: { status: 409, title: "Hold expired" },
  relay_full: { status: 409, title: "Relay full" },
  no_place: { status: 409, title: "No place" },
  point_taken: { status: 409, title: "Firing point taken" },
  point_out_of_range: { status: 422, title: "No such firing point", field: "point" },
  division_required: { status: 422, title: "Choose a division", field: "division" },
  division_not_offered: { status: 422, title: "Division not offered", field: "division" },
  power_factor_not_allowed: { status: 422, title: "Power factor not allowed in this division", field: "powerFactor" },
};

const OVERLOADED_DETAIL = "Too many requests reached this tournament at once. Please retry with the same Idempotency-Key.";

/**
 * A refusal from the table, ready to throw: `onError` presents it as problem+json or as a page. Pages with
 * their own wording (the registration panel) read `REFUSALS` and the reason instead.
 */
export function refusalFor(reason: ObjectRefusalReason, detail?: string, retryAfterMs?: number): Refusal {
  const row = REFUSALS[reason];
  const message = detail ?? (reason === "overloaded" ? OVERLOADED_DETAIL : row.title);
  const wait = retryAfterMs !== undefined ? Math.ceil(retryAfterMs / 1000) : row.retryAfter;
  return new Refusal(row.status, {
    title: row.title,
    detail: message,
    reason,
    errors: row.field ? { [row.field]: message } : undefined,
    headers: wait === undefined ? undefined : { "Retry-After": String(wait) },
  });
}
