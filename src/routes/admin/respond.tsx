import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { formText } from "../../lib/forms.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { ADMIN_SCRIPTS, AdminFrame, AdminHomeFrame, type Section } from "../../views/admin/layout.tsx";

export interface AdminPageSpec {
  section: Section;
  title: string;
  wide?: boolean;
  /** Omitted: the status already set (a refused form's 422 or 409), else 200. */
  status?: ContentfulStatusCode;
}

/**
 * The request's context as the app's: a route's own variables (the event, relay or entry of its URL, see
 * loaders.ts) come on top of the app's and change none of them.
 */
export function appContext<E extends AppEnv>(c: Context<E>): Context<AppEnv> {
  return c as unknown as Context<AppEnv>;
}

/** A page of one tournament's admin, in its frame (after `tournamentBySlug()` and `requireStaff()`). */
export function adminPage<E extends AppEnv>(c: Context<E>, spec: AdminPageSpec, content: Child) {
  if (spec.status !== undefined) c.status(spec.status);
  return c.render(
    <AdminFrame section={spec.section} title={spec.title} wide={spec.wide}>
      {content}
    </AdminFrame>,
    { title: `${spec.title} · ${c.get("tournament").title}`, noindex: true, scripts: ADMIN_SCRIPTS },
  );
}

/** An admin page outside a tournament (the landing list, the new-tournament form). */
export function adminHomePage(c: Context<AppEnv>, title: string, content: Child) {
  return c.render(<AdminHomeFrame title={title}>{content}</AdminHomeFrame>, { title, noindex: true, scripts: ADMIN_SCRIPTS });
}

/** Who changes what: the request's tournament, its object and the signed-in organiser, for the admin's commands. */
export function actor<E extends AppEnv>(c: Context<E>) {
  return { client: TournamentClient.of(appContext(c)), db: c.get("db"), tournament: c.get("tournament"), actorId: currentUser(appContext(c)).id, role: c.get("role") };
}

/**
 * Who changes the tournament's structure, at the revision the form was checked against (`formBody`'s
 * `revision: true` let it through only if it matched the tournament's).
 */
export function changeBy<E extends AppEnv>(c: Context<E>) {
  const t = c.get("tournament");
  return { t, revision: t.revision, actorId: currentUser(appContext(c)).id };
}

/** The text of a form's fields as typed (after `formBody`, which read the body already), to show them again. */
export async function typedValues<K extends string>(c: Context, fields: readonly K[]): Promise<Record<K, string>> {
  return formText(await c.req.parseBody(), fields);
}

/** After a change: back to a page (Post/Redirect/Get); htmx follows it as a full navigation. */
export function redirectWith(c: Context, path: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  const target = query ? `${path}?${query}` : path;
  if (c.req.header("HX-Request")) {
    c.header("HX-Redirect", target);
    return c.body(null, 204);
  }
  return c.redirect(target, 303);
}

/** Where a saved configuration change goes next; `sync=failed` when the object did not take it yet. */
export async function afterConfigChange<E extends AppEnv>(c: Context<E>, path: string, params: Record<string, string>) {
  const synced = await TournamentClient.of(appContext(c)).configureSafely();
  return redirectWith(c, path, synced ? params : { ...params, sync: "failed" });
}
