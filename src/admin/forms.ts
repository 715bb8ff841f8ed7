import { z } from "zod";

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

/** The named text fields of a parsed form body; anything missing or not text is "". */
export function textFields(body: Record<string, unknown>, names: readonly string[]): Values {
  const values: Values = {};
  for (const name of names) {
    const v = body[name];
    values[name] = typeof v === "string" ? v : "";
  }
  return values;
}

/** The first message per field of a zod error (field-level messages for forms). */
export function firstErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The first field, in form order, that has a message: focused when the form comes back. */
export function firstInvalid(order: readonly string[], errors: Errors): string | undefined {
  return order.find((name) => errors[name]);
}

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
