import type { Context, MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { createMiddleware } from "hono/factory";
import type { StaffRole } from "../../auth/roles.ts";
import { requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { notHere } from "../../lib/refusal.ts";
import { tournamentOfEntry } from "../../domain/registration/entry-id.ts";
import { scopeOf, TournamentClient } from "../../object-client/client.ts";
import { type EntryRow, loadEntry } from "../../queries/admin/entries.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { type EventRow, eventOf, type RelayRow, relayOf } from "../../queries/admin/structure.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";
import { formBody, type FormOptions } from "../../middleware/validate.ts";

/**
 * The gate of every tournament route: signed in (else the sign-in page, before the address is even looked
 * up, so drafts stay unknown to visitors), the tournament of `:slug` read from D1 (forms compare its
 * revision), and one of `roles` in its staff.
 */
export function forStaff(roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return every(requireUser, tournamentBySlug(), requireStaff(roles));
}

/**
 * The objects an admin URL names, each checked to be this tournament's before anything else is read
 * (another tournament's id answers 404, even with a form that would not parse).
 */
export type EventEnv = AppEnv & { Variables: { event: EventRow } };
export type RelayEnv = AppEnv & { Variables: { relay: RelayRow } };
export type EntryEnv = AppEnv & { Variables: { entry: EntryRow } };

/** Entry ids name their tournament (`<tournamentId>-<random>`); the route only takes that shape. */
export const ENTRY_PATH = ":entryId{[1-9][0-9]{0,14}-[A-Za-z0-9_-]{8,64}}";

export const eventFromPath = createMiddleware<EventEnv>(async (c, next) => {
  const eventId = idParam(c.req.param("eventId"));
  const event = eventId === null ? null : await eventOf(c.get("db"), c.get("tournament").id, eventId);
  if (!event) throw notHere("Event");
  c.set("event", event);
  await next();
});

export const relayFromPath = createMiddleware<RelayEnv>(async (c, next) => {
  const relayId = idParam(c.req.param("relayId"));
  const relay = relayId === null ? null : await relayOf(c.get("db"), c.get("tournament").id, relayId);
  if (!relay) throw notHere("Relay");
  c.set("relay", relay);
  await next();
});

/** The entry, fresh from the object, with its competitor; an id of another tournament is "not found". */
export const entryFromPath = createMiddleware<EntryEnv>(async (c, next) => {
  const t = c.get("tournament");
  const id = c.req.param("entryId") ?? "";
  const entry = tournamentOfEntry(id) === t.id ? await loadEntry(new TournamentClient(c.env, c.get("db"), t.id, scopeOf(c)), c.get("db"), id) : null;
  if (!entry) throw notHere("Entry");
  c.set("entry", entry);
  await next();
});

/** What a form's parse gives: its data, or a message per field. */
export type Parsed<T> = { data: T } | { errors: Errors };

type ValidatedForm<T> = { in: { form: Record<string, string> }; out: { form: T } };

/**
 * `formBody` for a form whose checks need facts read at request time (the relays on the calendar, the
 * object's entries): `facts` is read first, then the form is parsed with it, so every check keeps its order
 * before the stale-revision check.
 */
export function formBodyWith<F, T, E extends AppEnv = AppEnv>(
  facts: (c: Context<E>) => Promise<F>,
  parse: (values: Values, facts: F) => Parsed<T>,
  options: FormOptions<E>,
) {
  return createMiddleware<E, string, ValidatedForm<T>>(async (c, next) => {
    const known = await facts(c as unknown as Context<E>);
    return formBody<T, E>((values) => parse(values, known), options)(c, next);
  });
}

/**
 * A revision-checked form's data without the `revision` that `formBody` adds: it matched the tournament's,
 * which the command commits at; the rest are the fields to save (and audit).
 */
export function withoutRevision<T extends object>(form: T): T {
  const { revision: _, ...fields } = form as T & { revision?: number };
  return fields as T;
}
