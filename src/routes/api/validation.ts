import type { ZodError } from "zod";
import type { FieldErrors } from "../../lib/problem.ts";

/** One message per field (the first), keyed by the field's name as the client sent it. */
export function fieldErrors(error: ZodError, whole = "body"): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : whole;
    errors[field] ??= issue.message;
  }
  return errors;
}
