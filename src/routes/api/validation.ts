import type { Context } from "hono";
import type { ZodError } from "zod";
import { type FieldErrors, problem } from "../../lib/problem.ts";

/** One message per field (the first), keyed by the field's name as the client sent it. */
export function fieldErrors(error: ZodError, whole = "body"): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : whole;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The request's JSON body, or the problem answer: 415 without a JSON content type, 422 when it does not parse. */
export async function jsonBody(c: Context, what: string): Promise<unknown> {
  if (!(c.req.header("Content-Type") ?? "").startsWith("application/json")) {
    return problem(c, 415, "JSON expected", `Send ${what} as Content-Type: application/json.`);
  }
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return problem(c, 422, "Malformed JSON", "The body is not valid JSON.", { body: "The body is not valid JSON." });
  }
}
