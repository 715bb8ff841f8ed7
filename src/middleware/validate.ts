import type { Context, Env } from "hono";
import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import type { AppEnv } from "../env.ts";
import { type Errors, formText, type Values } from "../lib/forms.ts";
import { Refusal } from "../lib/refusal.ts";

/** The first message per field of a zod error, keyed by the field's path as the client sent it. */
export function fieldErrors(error: z.ZodError, whole = "body"): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : whole;
    errors[field] ??= issue.message;
  }
  return errors;
}

type ValidatedJson<T> = { in: { json: unknown }; out: { json: T } };

/**
 * A JSON body checked against `schema`, for `c.req.valid("json")`. Refusals are problem+json: 415 without a
 * JSON content type, 422 when it does not parse or does not fit (with a message per field).
 */
export function jsonBody<S extends z.ZodType>(schema: S, what: string) {
  return createMiddleware<AppEnv, string, ValidatedJson<z.output<S>>>(async (c, next) => {
    if (!(c.req.header("Content-Type") ?? "").startsWith("application/json")) {
      throw new Refusal(415, { title: "JSON expected", detail: `Send ${what} as Content-Type: application/json.` });
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      const detail = "The body is not valid JSON.";
      throw new Refusal(422, { title: "Malformed JSON", detail, errors: { body: detail } });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      throw new Refusal(422, { title: `Invalid ${what.replace(/^(the|a|an) /, "")}`, detail: Object.values(errors).join(" "), errors });
    }
    c.req.addValidatedData("json", parsed.data as object);
    await next();
  });
}

/** What a form route's page shows again when its form is refused. */
export interface FormState {
  values: Values;
  errors: Errors;
  /** The tournament changed since the form was loaded: show the newer state, keep what was typed. */
  stale?: boolean;
}

export type FormParse<T> = (values: Values) => { data: T } | { errors: Errors };

export interface FormOptions<E extends Env> {
  /** The form's fields, in order. */
  fields: readonly string[];
  /** Renders the form again with its messages (status already set: 422 invalid, 409 stale). */
  invalid: (c: Context<E>, state: FormState) => Response | Promise<Response>;
  /**
   * Compare the form's hidden `revision` with the tournament's (organisers' forms): a mismatch means
   * someone saved in between, answered 409 with `stale: true` instead of overwriting their change.
   */
  revision?: boolean;
}

type ValidatedForm<T> = { in: { form: Record<string, string> }; out: { form: T } };

const INCOMPLETE = "This form is incomplete; reload the page.";

/**
 * A form body for `c.req.valid("form")`: the text fields are parsed (a zod object, or a parse function for
 * checks across fields), and a refused form goes back through one hook with a message per field, 422, so
 * htmx swaps it in place and a plain post gets the page again.
 */
export function formBody<T, E extends AppEnv = AppEnv>(parse: z.ZodType<T> | FormParse<T>, options: FormOptions<E>) {
  return createMiddleware<E, string, ValidatedForm<T>>(async (c, next) => {
    const body = await c.req.parseBody();
    const values = formText(body, options.fields);
    const answer = async (status: 409 | 422, state: FormState) => {
      c.status(status);
      c.res = await options.invalid(c as unknown as Context<E>, state);
    };
    if (options.revision) {
      const sent = typeof body.revision === "string" && /^[1-9][0-9]{0,14}$/.test(body.revision) ? Number(body.revision) : null;
      if (sent === null) return answer(422, { values, errors: { form: INCOMPLETE } });
      const parsed = parseWith(parse, values);
      if ("errors" in parsed) return answer(422, { values, errors: parsed.errors });
      if (sent !== c.get("tournament").revision) return answer(409, { values, errors: {}, stale: true });
      c.req.addValidatedData("form", { ...(parsed.data as object), revision: sent });
      return next();
    }
    const parsed = parseWith(parse, values);
    if ("errors" in parsed) return answer(422, { values, errors: parsed.errors });
    c.req.addValidatedData("form", parsed.data as object);
    await next();
  });
}

function parseWith<T>(parse: z.ZodType<T> | FormParse<T>, values: Values): { data: T } | { errors: Errors } {
  if (typeof parse === "function") return parse(values);
  const result = parse.safeParse(values);
  if (result.success) return { data: result.data };
  const errors: Errors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { errors };
}

