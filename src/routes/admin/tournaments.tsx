import { type Context, Hono } from "hono";
import { EDITORS } from "../../auth/roles.ts";
import { currentUser, requireUser, requireVerified } from "../../auth/session.ts";
import { localInput } from "../../domain/time/local-input.ts";
import type { AppEnv, Tournament } from "../../env.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { formBody } from "../../middleware/validate.ts";
import { TournamentClient } from "../../object-client/client.ts";
import {
  newTournamentValues,
  parseTournament,
  type RelayOnCalendar,
  TOURNAMENT_FIELDS,
  tournamentValues,
} from "../../queries/admin/tournament-form.ts";
import { createTournament, latestChange, relaysOnCalendar, SLUG_TAKEN, slugTaken, updateTournament } from "../../queries/admin/tournaments.ts";
import type { TournamentFields } from "../../queries/tournament-fields.ts";
import { type OtherChange, TournamentForm } from "../../views/admin/tournament-form.tsx";
import { Saved } from "../../views/components/fields.tsx";
import { formBodyWith, forStaff, type Parsed, withoutRevision } from "./loaders.ts";
import { adminHomePage, adminPage, redirectWith, typedValues } from "./respond.tsx";

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

/** The new-tournament form: blank with an introduction, or refused (422, already set) with the messages. */
function newTournamentPage(c: Context<AppEnv>, values: Values, errors: Errors, refused: boolean) {
  if (refused) c.status(422);
  return adminHomePage(
    c,
    "New tournament",
    <>
      {!refused && <p class="lead">It starts as a draft: only you and your staff see it until you publish it.</p>}
      <TournamentForm
        action="/admin/new"
        values={values}
        errors={errors}
        revision={null}
        slugLocked={false}
        submitLabel="Create draft"
        cancel="/admin"
        timeZones={timeZones()}
      />
    </>,
  );
}

newTournamentRoutes.get("/new", requireUser, requireVerified, (c) => newTournamentPage(c, newTournamentValues(Date.now(), currentUser(c).club), {}, false));

/** A new tournament has no relays yet to keep on its calendar. */
const newTournamentBody = formBody((values) => parseTournament(values, []), {
  fields: TOURNAMENT_FIELDS,
  invalid: (c, { values, errors }) => newTournamentPage(c, values, errors, true),
});

newTournamentRoutes.post("/new", requireUser, requireVerified, newTournamentBody, async (c) => {
  const db = c.get("db");
  const fields = c.req.valid("form");
  const again = async (errors: Errors) => newTournamentPage(c, await typedValues(c, TOURNAMENT_FIELDS), errors, true);
  if (await slugTaken(db, fields.slug, null)) return again({ slug: SLUG_TAKEN });
  const created = await createTournament(db, fields, currentUser(c).id);
  if (!created) return again({ slug: SLUG_TAKEN });
  await TournamentClient.of(c, created.id).configureSafely();
  return c.redirect(`/admin/t/${created.slug}/events?created=1`, 303);
});

/** Editing the tournament's details: owners and organisers. */
export const tournamentRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

interface DetailsForm {
  values: Values;
  errors: Errors;
  /** The revision the form carries: the one it was loaded at, until it is reloaded. */
  revision: number;
  /** A stale save: the other organiser's change, if the audit log names one. */
  stale?: OtherChange | null;
}

function detailsPage(c: Context<AppEnv>, form: DetailsForm, status?: 409 | 422) {
  const t = c.get("tournament");
  return adminPage(
    c,
    { section: "tournament", title: "Tournament details", status },
    <>
      {c.req.query("saved") === "1" && <Saved>Saved. Public pages show the change at once.</Saved>}
      {c.req.query("sync") === "failed" && <SyncWarning />}
      <TournamentForm
        action={`/admin/t/${t.slug}/edit`}
        values={form.values}
        errors={form.errors}
        revision={form.revision}
        slugLocked={t.status === "published"}
        submitLabel="Save changes"
        cancel={`/admin/t/${t.slug}`}
        timeZones={timeZones()}
        stale={form.stale === undefined ? undefined : { change: form.stale, zone: t.timeZone, reload: `/admin/t/${t.slug}/edit` }}
      />
    </>,
  );
}

tournamentRoutes.get("/t/:slug/edit", editors, (c) => {
  const t = c.get("tournament");
  return detailsPage(c, { values: tournamentValues(t), errors: {}, revision: t.revision });
});

/** A published tournament keeps its address (links to it must keep working), whatever the form says. */
function withAddress(t: Tournament, values: Values): Values {
  return t.status === "published" ? { ...values, slug: t.slug } : values;
}

const REVISION = /^[1-9][0-9]{0,14}$/;

const detailsBody = formBodyWith<{ t: Tournament; relays: RelayOnCalendar[] }, TournamentFields>(
  async (c) => ({ t: c.get("tournament"), relays: await relaysOnCalendar(c.get("db"), c.get("tournament").id) }),
  (values, { t, relays }): Parsed<TournamentFields> => {
    const parsed = parseTournament(withAddress(t, values), relays);
    if ("errors" in parsed) return parsed;
    // The form shows minutes: an untouched time keeps its exact stored instant.
    if (values.opensAt === localInput(t.registrationOpensAt, parsed.data.timeZone)) parsed.data.registrationOpensAt = t.registrationOpensAt;
    if (values.closesAt === localInput(t.registrationClosesAt, parsed.data.timeZone)) parsed.data.registrationClosesAt = t.registrationClosesAt;
    return parsed;
  },
  {
    // The sent revision stays in a form refused for its fields, so a save after fixing them is still checked.
    fields: [...TOURNAMENT_FIELDS, "revision"],
    revision: true,
    invalid: async (c, { values, errors, stale }) => {
      const t = c.get("tournament");
      const shown = withAddress(t, values);
      if (stale) return detailsPage(c, { values: shown, errors, revision: t.revision, stale: await latestChange(c.get("db"), t.id) });
      return detailsPage(c, { values: shown, errors, revision: REVISION.test(values.revision ?? "") ? Number(values.revision) : t.revision });
    },
  },
);

tournamentRoutes.post("/t/:slug/edit", editors, detailsBody, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const fields = withoutRevision(c.req.valid("form"));
  const values = withAddress(t, await typedValues(c, TOURNAMENT_FIELDS));
  const slugTakenPage = () => detailsPage(c, { values, errors: { slug: SLUG_TAKEN }, revision: t.revision }, 422);
  if (fields.slug !== t.slug && (await slugTaken(db, fields.slug, t.id))) return slugTakenPage();
  const outcome = await updateTournament(db, t, fields, t.revision, currentUser(c).id);
  if (!outcome.committed) {
    if (outcome.reason === "slug_taken") return slugTakenPage();
    return detailsPage(c, { values, errors: {}, revision: t.revision + 1, stale: await latestChange(db, t.id) }, 409);
  }
  const synced = outcome.affectsRegistration ? await TournamentClient.of(c).configureSafely() : true;
  return redirectWith(c, `/admin/t/${fields.slug}/edit`, synced ? { saved: "1" } : { saved: "1", sync: "failed" });
});

export function SyncWarning() {
  return (
    <p class="notice error" role="alert">
      Saved, but registration has not picked up the change yet. It will with the next save; if entries are open, save again now.
    </p>
  );
}
