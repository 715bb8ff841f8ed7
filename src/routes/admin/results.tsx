import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { forgetApiToken } from "../../auth/api-tokens.ts";
import { EDITORS } from "../../auth/roles.ts";
import { tournamentOfEntry } from "../../domain/registration/entry-id.ts";
import { discipline, missingShots, missingSummary } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { notHere } from "../../lib/refusal.ts";
import { formBody } from "../../middleware/validate.ts";
import type { ConflictView } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { loadEntries } from "../../queries/admin/entries.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import {
  correctionForm,
  correctShot,
  createScoringToken,
  reasonField,
  resolveForm,
  resolveConflict,
  revokeScoringToken,
  resultsControlRows,
  setResultsStatus,
  tokenForm,
} from "../../queries/admin/results.ts";
import { stageConflictRows } from "../../queries/admin/stage-conflicts.ts";
import { ResultsControl } from "../../views/admin/results.tsx";
import { StageConflicts } from "../../views/admin/stage-conflicts.tsx";
import { enrolUrl } from "../../views/admin/enrol-qr.tsx";
import { type EventEnv, eventFromPath, forStaff, type Parsed } from "./loaders.ts";
import { actor, adminPage, appContext, redirectWith, typedValues } from "./respond.tsx";

/** Results control: official/unofficial per event, the conflicts queue, corrections, scoring tokens. */
export const resultsAdminRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

const NOTICES: Record<string, string> = {
  official: "Results marked official: they are frozen now.",
  unofficial: "Results are unofficial again.",
  resolved: "Conflict resolved.",
  "stage-resolved": "Stage conflict resolved: the stage's results are updated.",
  corrected: "Shot corrected.",
  revoked: "Token revoked: devices using it are refused now.",
};

interface Form {
  /** The event whose "mark official" waits for a confirmation because shots are missing. */
  confirmOfficial?: number;
  errors?: Record<string, Errors>;
  values?: Record<string, Values>;
  newToken?: { name: string; token: string; enrolUrl: string };
}

/** The results page; `form` names which of its forms a message or typed values belong to (status already set when refused). */
async function resultsPage<E extends AppEnv>(c: Context<E>, form: Form = {}, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const db = c.get("db");
  const client = TournamentClient.of(appContext(c));
  const [{ structure, tokens }, entries, conflicts] = await Promise.all([
    resultsControlRows(db, t.id),
    loadEntries(client, db),
    client.call("conflicts", null, false),
  ]);
  const [standings, stageConflicts] = await Promise.all([
    Promise.all(structure.map((e) => client.call("results", e.id))),
    stageConflictRows(client, db, structure),
  ]);
  const names = new Map(entries.map((e) => [e.id, e.name]));
  const base = `/admin/t/${t.slug}/results`;
  return adminPage(
    c,
    { section: "results", title: "Results", status },
    <ResultsControl
      slug={t.slug}
      zone={t.timeZone}
      events={structure.map((e, i) => ({
        id: e.id,
        title: e.title,
        discipline: e.discipline,
        resultsStatus: e.resultsStatus,
        shots: standings[i]?.rows.reduce((n, r) => n + r.shotsFired, 0) ?? 0,
        ...missingOf(e.discipline, standings[i]?.rows ?? [], names),
      }))}
      confirmOfficial={form.confirmOfficial}
      conflicts={conflicts.map((x) => ({ ...x, name: names.get(x.entryId) ?? x.entryId }))}
      stageConflicts={{
        count: stageConflicts.length,
        list: (
          <StageConflicts
            base={base}
            zone={t.timeZone}
            conflicts={stageConflicts.map((x) => ({ ...x, name: names.get(x.entryId) ?? x.entryId }))}
            errors={form.errors ?? {}}
            values={form.values ?? {}}
          />
        ),
      }}
      competitors={entries.filter((e) => e.status === "confirmed").map((e) => ({ id: e.id, name: e.name, eventId: e.eventId }))}
      tokens={tokens}
      errors={form.errors ?? {}}
      values={form.values ?? {}}
      notice={NOTICES[c.req.query("done") ?? ""]}
      newToken={form.newToken}
    />,
  );
}

/** Who has shots missing in an event, by name, with the summary line the confirmation shows. */
function missingOf(disciplineId: string, rows: { entryId: string; shotsFired: number }[], names: Map<string, string>) {
  const d = discipline(disciplineId);
  if (!d) return { missing: [], missingSummary: "" };
  const missing = missingShots(d, rows);
  return {
    missing: missing.map((m) => ({ ...m, name: names.get(m.entryId) ?? "A competitor" })),
    missingSummary: missing.length === 0 ? "" : missingSummary(d, rows.length, missing),
  };
}

/** A refused form of the page: its messages and typed values under its name. */
export function refusedForm<E extends AppEnv>(c: Context<E>, name: string, values: Values, errors: Errors, status?: ContentfulStatusCode) {
  return resultsPage(c, { errors: { [name]: errors }, values: { [name]: values } }, status);
}

resultsAdminRoutes.get("/t/:slug/results", editors, (c) => resultsPage(c));

/** Marking official asks once more while shots are missing; unofficial again needs a reason for the audit log. */
function parseStatus(values: Values): Parsed<{ official: boolean; reason: string; confirmed: boolean }> {
  if (values.official === "1") return { data: { official: true, reason: "", confirmed: values.confirm === "1" } };
  const parsed = reasonField.safeParse(values.reason);
  return parsed.success ? { data: { official: false, reason: parsed.data, confirmed: true } } : { errors: { reason: parsed.error.issues[0]!.message } };
}

const statusBody = formBody<{ official: boolean; reason: string; confirmed: boolean }, EventEnv>(parseStatus, {
  fields: ["official", "reason", "confirm"],
  invalid: (c, { values, errors }) => refusedForm(c, `event-${c.get("event").id}`, values, errors),
});

resultsAdminRoutes.post("/t/:slug/results/events/:eventId/status", editors, eventFromPath, statusBody, async (c) => {
  const t = c.get("tournament");
  const event = c.get("event");
  const { official, reason, confirmed } = c.req.valid("form");
  if ((event.resultsStatus === "official") === official) return redirectWith(c, `/admin/t/${t.slug}/results`);
  if (official && !confirmed) {
    const d = discipline(event.discipline);
    const standings = await TournamentClient.of(appContext(c)).call("results", event.id);
    if (d && missingShots(d, standings?.rows ?? []).length > 0) return resultsPage(c, { confirmOfficial: event.id }, 409);
  }
  await setResultsStatus(actor(c), event, official, reason);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: official ? "official" : "unofficial" });
});

type ConflictEnv = AppEnv & { Variables: { conflict: ConflictView } };

/** The queue comes from this tournament's own object: an id from elsewhere is simply not in it. */
const conflictFromPath = createMiddleware<ConflictEnv>(async (c, next) => {
  const opId = c.req.param("opId");
  const conflict = (await TournamentClient.of(appContext(c)).call("conflicts", null, false)).find((x) => x.opId === opId);
  if (!conflict) throw notHere("Conflict");
  c.set("conflict", conflict);
  await next();
});

const RESOLVE_FIELDS = ["keep", "reason"] as const;
const resolveBody = formBody<{ keep: "standing" | "incoming"; reason: string }, ConflictEnv>(resolveForm, {
  fields: RESOLVE_FIELDS,
  invalid: (c, { values, errors }) => refusedForm(c, `conflict-${c.get("conflict").opId}`, values, errors),
});

resultsAdminRoutes.post("/t/:slug/results/conflicts/:opId", editors, conflictFromPath, resolveBody, async (c) => {
  const conflict = c.get("conflict");
  const { keep, reason } = c.req.valid("form");
  const outcome = await resolveConflict(actor(c), conflict, keep, reason);
  if (!outcome.ok) return refusedForm(c, `conflict-${conflict.opId}`, await typedValues(c, RESOLVE_FIELDS), { form: outcome.message }, 409);
  return redirectWith(c, `/admin/t/${c.get("tournament").slug}/results`, { done: "resolved" });
});

const CORRECTION_FIELDS = ["entryId", "shotNo", "value", "reason"] as const;
const correctionBody = formBody(correctionForm, {
  fields: CORRECTION_FIELDS,
  invalid: (c, { values, errors }) => refusedForm(c, "correction", values, errors),
});

resultsAdminRoutes.post("/t/:slug/results/corrections", editors, correctionBody, async (c) => {
  const t = c.get("tournament");
  const form = c.req.valid("form");
  const values = await typedValues(c, CORRECTION_FIELDS);
  if (tournamentOfEntry(form.entryId) !== t.id) return refusedForm(c, "correction", values, { entryId: "Choose a competitor of this tournament." }, 422);
  const outcome = await correctShot(actor(c), form);
  if (!outcome.ok) return refusedForm(c, "correction", values, { [outcome.field ?? "form"]: outcome.message }, outcome.field === "form" ? 409 : 422);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: "corrected" });
});

const tokenBody = formBody(tokenForm, { fields: ["name"], invalid: (c, { values, errors }) => refusedForm(c, "token", values, errors) });

resultsAdminRoutes.post("/t/:slug/results/tokens", editors, tokenBody, async (c) => {
  const { name } = c.req.valid("form");
  const made = await createScoringToken(actor(c), name);
  // The token is shown this once: never stored by a cache.
  c.header("Cache-Control", "no-store");
  const enrol = enrolUrl(new URL(c.req.url).origin, c.get("tournament").slug, made.token);
  return resultsPage(c, { newToken: { name, token: made.token, enrolUrl: enrol } });
});

resultsAdminRoutes.post("/t/:slug/results/tokens/:tokenId/revoke", editors, async (c) => {
  const t = c.get("tournament");
  const tokenId = idParam(c.req.param("tokenId"));
  if (tokenId === null || !(await revokeScoringToken(actor(c), tokenId))) throw notHere("Token");
  forgetApiToken(tokenId);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: "revoked" });
});
