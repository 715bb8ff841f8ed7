import { type Context, Hono } from "hono";
import { forgetApiToken } from "../../auth/api-tokens.ts";
import { loadEntries } from "../../queries/admin/entries.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import {
  correctionForm,
  correctShot,
  createScoringToken,
  reasonField,
  resolveConflict,
  resolveForm,
  revokeScoringToken,
  scoringTokens,
  setResultsStatus,
  tokenForm,
} from "../../queries/admin/results.ts";
import { eventOf, loadStructure } from "../../queries/admin/structure.ts";
import { type Errors, fieldErrors, formText } from "../../lib/forms.ts";
import { tournamentOfEntry, tournamentStub } from "../../object-client/stub.ts";
import { AdminPage } from "../../views/admin/layout.tsx";
import { ResultsControl } from "../../views/admin/results.tsx";
import { type AdminEnv, EDITORS, notHere, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

/** Results control: official/unofficial per event, the conflicts queue, corrections, scoring tokens. */
export const resultsAdminRoutes = new Hono<AdminEnv>();
const editors = requireStaff(EDITORS);

const NOTICES: Record<string, string> = {
  official: "Results marked official: they are frozen now.",
  unofficial: "Results are unofficial again.",
  resolved: "Conflict resolved.",
  corrected: "Shot corrected.",
  revoked: "Token revoked: devices using it are refused now.",
};

interface Form {
  errors?: Record<string, Errors>;
  values?: Record<string, Record<string, string>>;
  newToken?: { name: string; token: string };
}

async function resultsPage(c: Context<AdminEnv>, form: Form = {}, status: 200 | 404 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const db = c.get("db");
  const stub = tournamentStub(c.env, t.id);
  const [structure, entries, conflicts, tokens] = await Promise.all([
    loadStructure(db, t.id),
    loadEntries(c.env, db, t.id),
    stub.conflicts(null, false),
    scoringTokens(db, t.id),
  ]);
  const standings = await Promise.all(structure.map((e) => stub.results(e.id)));
  const names = new Map(entries.map((e) => [e.id, e.name]));
  return c.html(
    <AdminPage {...frame(c)} section="results" title="Results">
      <ResultsControl
        slug={t.slug}
        zone={t.timeZone}
        csrf={c.get("csrf")}
        events={structure.map((e, i) => ({
          id: e.id,
          title: e.title,
          discipline: e.discipline,
          resultsStatus: e.resultsStatus,
          shots: standings[i]?.rows.reduce((n, r) => n + r.shotsFired, 0) ?? 0,
        }))}
        conflicts={conflicts.map((x) => ({ ...x, name: names.get(x.entryId) ?? x.entryId }))}
        competitors={entries.filter((e) => e.status === "confirmed").map((e) => ({ id: e.id, name: e.name, eventId: e.eventId }))}
        tokens={tokens}
        errors={form.errors ?? {}}
        values={form.values ?? {}}
        notice={NOTICES[c.req.query("done") ?? ""]}
        newToken={form.newToken}
      />
    </AdminPage>,
    status,
  );
}

function actor(c: Context<AdminEnv>) {
  return { env: c.env, db: c.get("db"), tournament: c.get("tournament"), actorId: c.get("me").id };
}

resultsAdminRoutes.get("/t/:slug/results", editors, (c) => resultsPage(c));

resultsAdminRoutes.post("/t/:slug/results/events/:eventId/status", editors, async (c) => {
  const t = c.get("tournament");
  const eventId = idParam(c.req.param("eventId"));
  const event = eventId === null ? null : await eventOf(c.get("db"), t.id, eventId);
  if (!event) return notHere(c, "Event");
  const values = formText(await c.req.parseBody(), ["official", "reason"]);
  const official = values.official === "1";
  const form = `event-${event.id}`;
  let reason = "";
  if (!official) {
    const parsed = reasonField.safeParse(values.reason);
    if (!parsed.success) return resultsPage(c, { errors: { [form]: { reason: parsed.error.issues[0]!.message } }, values: { [form]: values } }, 422);
    reason = parsed.data;
  }
  if ((event.resultsStatus === "official") === official) return redirectWith(c, `/admin/t/${t.slug}/results`);
  await setResultsStatus(actor(c), event, official, reason);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: official ? "official" : "unofficial" });
});

resultsAdminRoutes.post("/t/:slug/results/conflicts/:opId", editors, async (c) => {
  const t = c.get("tournament");
  const opId = c.req.param("opId");
  // The queue comes from this tournament's own object: an id from elsewhere is simply not in it.
  const conflict = (await tournamentStub(c.env, t.id).conflicts(null, false)).find((x) => x.opId === opId);
  if (!conflict) return notHere(c, "Conflict");
  const form = `conflict-${conflict.opId}`;
  const values = formText(await c.req.parseBody(), ["keep", "reason"]);
  const parsed = resolveForm.safeParse(values);
  if (!parsed.success) return resultsPage(c, { errors: { [form]: fieldErrors(parsed.error) }, values: { [form]: values } }, 422);
  const outcome = await resolveConflict(actor(c), conflict, parsed.data.keep, parsed.data.reason);
  if (!outcome.ok) return resultsPage(c, { errors: { [form]: { form: outcome.message } }, values: { [form]: values } }, 409);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: "resolved" });
});

resultsAdminRoutes.post("/t/:slug/results/corrections", editors, async (c) => {
  const t = c.get("tournament");
  const values = formText(await c.req.parseBody(), ["entryId", "shotNo", "value", "reason"]);
  const parsed = correctionForm.safeParse(values);
  const again = (errors: Errors, status: 409 | 422 = 422) => resultsPage(c, { errors: { correction: errors }, values: { correction: values } }, status);
  if (!parsed.success) return again(fieldErrors(parsed.error));
  if (tournamentOfEntry(parsed.data.entryId) !== t.id) return again({ entryId: "Choose a competitor of this tournament." });
  const outcome = await correctShot(actor(c), parsed.data);
  if (!outcome.ok) return again({ [outcome.field ?? "form"]: outcome.message }, outcome.field === "form" ? 409 : 422);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: "corrected" });
});

resultsAdminRoutes.post("/t/:slug/results/tokens", editors, async (c) => {
  const values = formText(await c.req.parseBody(), ["name"]);
  const parsed = tokenForm.safeParse(values);
  if (!parsed.success) return resultsPage(c, { errors: { token: fieldErrors(parsed.error) }, values: { token: values } }, 422);
  const made = await createScoringToken(actor(c), parsed.data.name);
  c.header("Cache-Control", "no-store");
  return resultsPage(c, { newToken: { name: parsed.data.name, token: made.token } });
});

resultsAdminRoutes.post("/t/:slug/results/tokens/:tokenId/revoke", editors, async (c) => {
  const t = c.get("tournament");
  const tokenId = idParam(c.req.param("tokenId"));
  if (tokenId === null || !(await revokeScoringToken(actor(c), tokenId))) return notHere(c, "Token");
  forgetApiToken(tokenId);
  return redirectWith(c, `/admin/t/${t.slug}/results`, { done: "revoked" });
});
