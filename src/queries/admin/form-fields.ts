import { z } from "zod";
import type { Errors, Values } from "../../lib/forms.ts";

/** A positive integer id from a path or query parameter; null for anything else. */
export function idParam(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9][0-9]{0,14}$/.test(value)) return null;
  return Number(value);
}

export const revisionField = z.coerce
  .number({ error: "This form is incomplete; reload the page." })
  .int("This form is incomplete; reload the page.")
  .positive("This form is incomplete; reload the page.");

/**
 * Parses each field on its own, so one bad field does not hide the messages of the others (and the
 * checks across fields can still run on those that are fine). `data` holds the fields that parsed.
 */
export function parseFields<S extends z.ZodRawShape>(
  shape: S,
  values: Values,
): { data: Partial<{ [K in keyof S]: z.infer<S[K]> }>; errors: Errors } {
  const data: Record<string, unknown> = {};
  const errors: Errors = {};
  for (const [name, schema] of Object.entries(shape)) {
    const parsed = (schema as z.ZodType).safeParse(values[name] ?? "");
    if (parsed.success) data[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? "This value is not valid.";
  }
  return { data: data as Partial<{ [K in keyof S]: z.infer<S[K]> }>, errors };
}
