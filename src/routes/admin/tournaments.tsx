import { type Context, Hono } from "hono";
import { pushSafely } from "../../queries/admin/commit.ts";
import { revisionField } from "../../queries/admin/form-fields.ts";
import { localInput } from "../../domain/time/local-input.ts";
import { newTournamentValues, parseTournament, TOURNAMENT_FIELDS, tournamentValues } from "../../queries/admin/tournament-form.ts";
import {
  createTournament,
  latestChange,
  relaysOnCalendar,
  SLUG_TAKEN,
  slugTaken,
  updateTournament,
} from "../../queries/admin/tournaments.ts";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { type Errors, formText, type Values } from "../../lib/forms.ts";
import { AdminHome, AdminPage } from "../../views/admin/layout.tsx";
import { type OtherChange, TournamentForm } from "../../views/admin/tournament-form.tsx";
import { Saved } from "../../views/components/fields.tsx";
import { type AdminEnv, EDITORS, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

let zones: string[] | null = null;
function timeZones(): string[] {
  zones ??= (() => {
    try {
      return Intl.supportedValuesOf("timeZone");
    } catch {
      return ["UTC", "Europe/Berlin", "Europe/London"];
    }
  })();
  return zones;
}

/** Creating a tournament: any signed-in user may, and becomes its owner. */
export const newTournamentRoutes = new Hono<AppEnv>();

/** The new-tournament form: blank with an introduction, or refused (422) with the messages. */
function newTournamentPage(c: Context<AppEnv>, values: Values, errors: Errors, status: 200 | 422) {
  return c.html(
    <AdminHome nonce={c.get("nonce")} csrf={c.get("csrf")} user={currentUser(c)} title="New tournament">
      {status === 200 && <p class="lead">It starts as a draft: only you and your staff see it until you publish it.</p>}
      <TournamentForm
        action="/admin/new"
        csrf={c.get("csrf")}
        values={values}
        errors={errors}
        revision={null}
        slugLocked={false}
        submitLabel="Create draft"
        cancel="/admin"
        timeZones={timeZones()}
      />
    </AdminHome>,
    status,
  );
}

newTournamentRoutes.get("/new", requireUser, (c) => newTournamentPage(c, newTournamentValues(Date.now(), currentUser(c).club), {}, 200));

newTournamentRoutes.post("/new", requireUser, async (c) => {
  const user = currentUser(c);
  const db = c.get("db");
  const values = formText(await c.req.parseBody(), TOURNAMENT_FIELDS);
  const again = (errors: Errors) => newTournamentPage(c, values, errors, 422);
  const parsed = parseTournament(values, []);
  if ("errors" in parsed) return again(parsed.errors);
  if (await slugTaken(db, parsed.data.slug, null)) return again({ slug: SLUG_TAKEN });
  const created = await createTournament(db, parsed.data, user.id);
  if (!created) return again({ slug: SLUG_TAKEN });
  await pushSafely(c.env, db, created.id);
  return c.redirect(`/admin/t/${created.slug}/events?created=1`, 303);
});

/** Editing the tournament's details and publishing it: owners and organisers. */
export const tournamentRoutes = new Hono<AdminEnv>();
const editors = requireStaff(EDITORS);

tournamentRoutes.get("/t/:slug/edit", editors, (c) => {
  const t = c.get("tournament");
  return c.html(
    <AdminPage {...frame(c)} section="tournament" title="Tournament details">
      {c.req.query("saved") === "1" && <Saved>Saved. Public pages show the change at once.</Saved>}
      {c.req.query("sync") === "failed" && <SyncWarning />}
      <TournamentForm
        action={`/admin/t/${t.slug}/edit`}
        csrf={c.get("csrf")}
        values={tournamentValues(t)}
        errors={{}}
        revision={t.revision}
        slugLocked={t.status === "published"}
        submitLabel="Save changes"
        cancel={`/admin/t/${t.slug}`}
        timeZones={timeZones()}
      />
    </AdminPage>,
  );
});

tournamentRoutes.post("/t/:slug/edit", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const body = await c.req.parseBody();
  const values = formText(body, TOURNAMENT_FIELDS);
  if (t.status === "published") values.slug = t.slug;
  const page = (status: 409 | 422, revision: number, errors: Errors, stale?: OtherChange | null) =>
    c.html(
      <AdminPage {...frame(c)} section="tournament" title="Tournament details">
        <TournamentForm
          action={`/admin/t/${t.slug}/edit`}
          csrf={c.get("csrf")}
          values={values}
          errors={errors}
          revision={revision}
          slugLocked={t.status === "published"}
          submitLabel="Save changes"
          cancel={`/admin/t/${t.slug}`}
          timeZones={timeZones()}
          stale={stale === undefined ? undefined : { change: stale, zone: t.timeZone, reload: `/admin/t/${t.slug}/edit` }}
        />
      </AdminPage>,
      status,
    );
  const revision = revisionField.safeParse(body.revision);
  if (!revision.success) return page(422, t.revision, { form: "This form is incomplete; reload the page." });
  const parsed = parseTournament(values, await relaysOnCalendar(db, t.id));
  if ("errors" in parsed) return page(422, revision.data, parsed.errors);
  if (revision.data !== t.revision) return page(409, t.revision, {}, await latestChange(db, t.id));
  // The form shows minutes: an untouched time keeps its exact stored instant.
  if (values.opensAt === localInput(t.registrationOpensAt, parsed.data.timeZone)) parsed.data.registrationOpensAt = t.registrationOpensAt;
  if (values.closesAt === localInput(t.registrationClosesAt, parsed.data.timeZone)) parsed.data.registrationClosesAt = t.registrationClosesAt;
  if (parsed.data.slug !== t.slug && (await slugTaken(db, parsed.data.slug, t.id))) return page(422, t.revision, { slug: SLUG_TAKEN });
  const outcome = await updateTournament(db, t, parsed.data, revision.data, c.get("me").id);
  if (!outcome.committed) {
    if (outcome.reason === "slug_taken") return page(422, t.revision, { slug: SLUG_TAKEN });
    return page(409, t.revision + 1, {}, await latestChange(db, t.id));
  }
  const synced = outcome.affectsRegistration ? await pushSafely(c.env, db, t.id) : true;
  return redirectWith(c, `/admin/t/${parsed.data.slug}/edit`, synced ? { saved: "1" } : { saved: "1", sync: "failed" });
});

export function SyncWarning() {
  return (
    <p class="notice error" role="alert">
      Saved, but registration has not picked up the change yet. It will with the next save; if entries are open, save again now.
    </p>
  );
}

