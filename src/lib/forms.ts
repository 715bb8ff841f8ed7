import type { z } from "zod";

/** A form's text values and its messages, keyed by field name (`form` for the whole form). */
export type Values = Record<string, string>;
export type Errors = Record<string, string>;

/** The named text fields of a parsed form body; anything missing or not text (a file) reads as "". */
export function formText<K extends string>(body: Record<string, unknown>, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = body[key];
    out[key] = typeof value === "string" ? value : "";
  }
  return out;
}

/** The first message per field of a zod error (field-level messages for forms). */
export function fieldErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The first field, in form order, that has a message: focused when the form comes back. */
export function firstInvalid(order: readonly string[], errors: Errors): string | undefined {
  return order.find((name) => errors[name]);
}

/** The field plain forms carry their CSRF token in (checked by `csrf()`, written by `<Csrf />`). */
export const CSRF_FIELD = "_csrf";
