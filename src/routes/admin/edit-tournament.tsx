import { type Context, Hono } from "hono";
import { z } from "zod";
import { requireUser } from "../../auth/session.ts";
import type { AppEnv, SignedInUser } from "../../env.ts";
import { refuse } from "../../lib/refuse.tsx";
import { CSRF_FIELD } from "../../middleware/csrf.ts";
import { canEditTournament, saveTournamentDetails, tournamentDetailsSchema, tournamentForStaff } from "../../tournaments/edit.ts";
import { Page } from "../../views/layout.tsx";

/** The minimal organiser edit of a tournament's public facts; the admin area builds on it. */
export const editTournamentRoutes = new Hono<AppEnv>();

const PATH = "/t/:slug/edit";
const FIELDS = ["title", "venue", "description"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type Errors = Partial<Record<Field | "form", string>>;

editTournamentRoutes.use(PATH, requireUser, async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});

/** The tournament if this user may edit it; otherwise the refusal page to send. */
async function editable(c: Context<AppEnv>, user: SignedInUser) {
  const found = await tournamentForStaff(c.get("db"), c.req.param("slug") ?? "", user.id);
  if (!found) return { refusal: refuse(c, 404, "Tournament not found", "There is no tournament at this address.") };
  if (!canEditTournament(found.role)) {
    return {
      refusal: refuse(c, 403, "Not your tournament", "Only the tournament's owner and organisers can edit it. Ask the owner to add you as an organiser."),
    };
  }
  return { tournament: found.tournament };
}

editTournamentRoutes.get(PATH, async (c) => {
  const user = c.get("user")!;
  const { tournament, refusal } = await editable(c, user);
  if (!tournament) return refusal;
  return c.html(<EditPage c={c} user={user} slug={tournament.slug} revision={tournament.revision} values={tournament} errors={{}} />);
});

editTournamentRoutes.post(PATH, async (c) => {
  const user = c.get("user")!;
  const { tournament, refusal } = await editable(c, user);
  if (!tournament) return refusal;
  const body = await c.req.parseBody();
  const sent: Values = {
    title: typeof body.title === "string" ? body.title : "",
    venue: typeof body.venue === "string" ? body.venue : "",
    description: typeof body.description === "string" ? body.description : "",
  };
  const page = (status: 409 | 422, revision: number, errors: Errors) =>
    c.html(<EditPage c={c} user={user} slug={tournament.slug} revision={revision} values={sent} errors={errors} />, status);

  const parsed = tournamentDetailsSchema.safeParse({ ...sent, revision: body.revision });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    const errors: Errors = {};
    for (const f of FIELDS) if (fields[f]?.[0]) errors[f] = fields[f][0];
    if (fields.revision?.[0]) errors.form = fields.revision[0];
    return page(422, tournament.revision, errors);
  }
  const stale: Errors = {
    form: "Someone else saved this tournament while you were editing, so your changes were not saved. Your text is kept below; check the public page, then save again to replace their version.",
  };
  if (parsed.data.revision !== tournament.revision) return page(409, tournament.revision, stale);
  const outcome = await saveTournamentDetails(c.get("db"), tournament, parsed.data, user.id);
  if (!outcome.saved) return page(409, tournament.revision + 1, stale);
  return c.redirect(tournament.status === "published" ? `/t/${tournament.slug}` : `/admin/t/${tournament.slug}/edit?saved=1`, 303);
});

function EditPage(props: { c: Context<AppEnv>; user: SignedInUser; slug: string; revision: number; values: Values; errors: Errors }) {
  const { c, user, slug, revision, values, errors } = props;
  const saved = c.req.query("saved") === "1";
  const firstInvalid = FIELDS.find((f) => errors[f]);
  return (
    <Page title={`Edit ${values.title || slug}`} nonce={c.get("nonce")} account={{ user, csrf: c.get("csrf") }} noindex>
      <section class="tournament">
        <h1>Edit tournament</h1>
        {saved && (
          <p class="notice success" role="status">
            Saved.
          </p>
        )}
        {errors.form && (
          <p class="notice error" role="alert" id="edit-form-error" tabindex={-1} autofocus={!firstInvalid}>
            {errors.form}
          </p>
        )}
        <form class="form" method="post" action={`/admin/t/${slug}/edit`} novalidate>
          <input type="hidden" name={CSRF_FIELD} value={c.get("csrf")} />
          <input type="hidden" name="revision" value={String(revision)} />
          <TextField name="title" label="Title" value={values.title} error={errors.title} maxlength={120} autofocus={firstInvalid === "title"} />
          <TextField name="venue" label="Venue" value={values.venue} error={errors.venue} maxlength={160} autofocus={firstInvalid === "venue"} />
          <TextField
            name="description"
            label="Description"
            value={values.description}
            error={errors.description}
            maxlength={5000}
            multiline
            hint="Plain text shown on the public page. Line breaks are kept."
            autofocus={firstInvalid === "description"}
          />
          <div class="form-actions">
            <button type="submit">Save changes</button>
            <a href={`/t/${slug}`}>Cancel</a>
          </div>
        </form>
      </section>
    </Page>
  );
}

function TextField(props: {
  name: Field;
  label: string;
  value: string;
  error: string | undefined;
  maxlength: number;
  multiline?: boolean;
  hint?: string;
  autofocus: boolean;
}) {
  const id = `edit-${props.name}`;
  const describedBy = [props.error && `${id}-error`, props.hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    maxlength: props.maxlength,
    "aria-invalid": props.error ? "true" : undefined,
    "aria-describedby": describedBy,
    autofocus: props.autofocus,
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.multiline ? <textarea {...common} rows={8}>{props.value}</textarea> : <input {...common} type="text" value={props.value} required />}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
