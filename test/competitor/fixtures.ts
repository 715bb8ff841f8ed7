import { signedInUser } from "../helpers/accounts.ts";
import { freshKey } from "../helpers/entries.ts";
import { select } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";

export const ZONE = "Europe/Berlin";

const panelPath = (slug: string) => `/fragments/t/${slug}/registration`;

/** The registration panel as the tournament page loads it (htmx, with the visitor's cookie if any). */
export async function panel(slug: string, cookie?: string) {
  const res = await get(panelPath(slug), cookie ? { cookie, hx: true } : { hx: true });
  return { res, html: await res.text() };
}

/** The hidden fields and the relays a rendered registration form offers, per event id. */
export async function formsIn(html: string) {
  const events = await select(html, "[data-testid=reg-event]");
  const keys = await select(html, 'input[name="key"]');
  const eventFields = await select(html, 'input[name="event"]');
  const csrf = await select(html, 'input[name="_csrf"]');
  return { events: events.map((e) => Number(e.attrs["data-event-id"])), keys: keys.map((k) => k.attrs.value ?? ""), eventFields: eventFields.map((e) => Number(e.attrs.value)), csrf: csrf.map((c) => c.attrs.value ?? "") };
}

/** The form's htmx post: same origin, HX-Request, the session cookie. */
export function register(slug: string, cookie: string, fields: Record<string, string>) {
  return postForm(`/me/t/${slug}/entries`, fields, { cookie, hx: true });
}

export async function registerOk(slug: string, cookie: string, eventId: number, relay: number | "any", key = freshKey()) {
  const res = await register(slug, cookie, { event: String(eventId), relay: String(relay), key });
  return { res, html: await res.text() };
}

/** A signed-in competitor: the D1 user and the Cookie header of a live session. */
export async function competitor(name?: string) {
  return signedInUser(name ? { name } : {});
}
