import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { formText, type Errors, type Values } from "../../lib/forms.ts";
import { Refusal } from "../../lib/refusal.ts";
import { addStage, deleteStage, loadMatchSetup, parseStage, saveDivisions, STAGE_FIELDS } from "../../queries/admin/practical.ts";
import { Saved } from "../../views/components/fields.tsx";
import { MatchSetup } from "../../views/admin/match-setup.tsx";
import { type EventEnv, eventFromPath, forStaff } from "./loaders.ts";
import { adminPage, afterConfigChange, changeBy } from "./respond.tsx";
import { SyncWarning } from "./tournaments.tsx";

/** A practical event's match setup: stages and offered divisions (squads are the event's relays). */
export const matchRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);
const PATH = "/t/:slug/events/:eventId/match";
const NOTICES: Record<string, string> = { stage: "Stage added.", deleted: "Stage deleted.", divisions: "Divisions saved." };

async function matchPage(c: Context<EventEnv>, form: { values: Values; errors: Errors; stale?: boolean }, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const event = c.get("event");
  if (event.matchShape !== "practical") throw new Refusal(404, { title: "Not a practical match", detail: "Only a practical (IPSC) event has stages and divisions." });
  const setup = await loadMatchSetup(c.get("db"), event.id);
  const notice = NOTICES[c.req.query("done") ?? ""];
  const base = `/admin/t/${t.slug}/events/${event.id}`;
  return adminPage(
    c,
    { section: "events", title: `${event.title}: match setup`, status },
    <>
      {notice && <Saved>{notice}</Saved>}
      {c.req.query("sync") === "failed" && <SyncWarning />}
      <MatchSetup m={{ base, revision: t.revision, event, stages: setup.stages, divisions: setup.divisions, stageForm: form, relaysLink: `/admin/t/${t.slug}/events` }} />
    </>,
  );
}

const nextNumber = async (c: Context<EventEnv>) => String((await loadMatchSetup(c.get("db"), c.get("event").id)).stages.reduce((n, s) => Math.max(n, s.number), 0) + 1);
const blank = async (c: Context<EventEnv>) => ({ number: await nextNumber(c), name: "", scoring: "comstock", paperTargets: "", steelTargets: "0" });

matchRoutes.get(PATH, editors, eventFromPath, async (c) => matchPage(c, { values: await blank(c), errors: {} }));

/** The revision the form was rendered at: a stale form is refused (someone else changed the tournament). */
function sentRevision(body: Record<string, unknown>): number | null {
  return typeof body.revision === "string" && /^[1-9][0-9]{0,14}$/.test(body.revision) ? Number(body.revision) : null;
}

matchRoutes.post(`${PATH}/stages`, editors, eventFromPath, async (c) => {
  const body = await c.req.parseBody();
  const values = formText(body, STAGE_FIELDS);
  if (sentRevision(body) !== c.get("tournament").revision) return matchPage(c, { values, errors: {}, stale: true }, 409);
  const taken = (await loadMatchSetup(c.get("db"), c.get("event").id)).stages.map((s) => s.number);
  const parsed = parseStage(values, taken);
  if ("errors" in parsed) return matchPage(c, { values, errors: parsed.errors }, 422);
  const outcome = await addStage(c.get("db"), changeBy(c), c.get("event"), parsed.data);
  if (!outcome.committed) return matchPage(c, { values, errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${c.get("tournament").slug}/events/${c.get("event").id}/match`, { done: "stage" });
});

matchRoutes.post(`${PATH}/stages/:stageId{[1-9][0-9]{0,14}}/delete`, editors, eventFromPath, async (c) => {
  if (sentRevision(await c.req.parseBody()) !== c.get("tournament").revision) return matchPage(c, { values: await blank(c), errors: {}, stale: true }, 409);
  const outcome = await deleteStage(c.get("db"), changeBy(c), c.get("event"), Number(c.req.param("stageId")));
  if (!outcome.committed) return matchPage(c, { values: await blank(c), errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${c.get("tournament").slug}/events/${c.get("event").id}/match`, { done: "deleted" });
});

matchRoutes.post(`${PATH}/divisions`, editors, eventFromPath, async (c) => {
  const body = await c.req.parseBody({ all: true });
  if (sentRevision(body) !== c.get("tournament").revision) return matchPage(c, { values: await blank(c), errors: {}, stale: true }, 409);
  const sent = body.divisions;
  const divisions = (Array.isArray(sent) ? sent : sent === undefined ? [] : [sent]).map(String);
  const outcome = await saveDivisions(c.get("db"), changeBy(c), c.get("event"), divisions);
  if (!outcome.committed) return matchPage(c, { values: await blank(c), errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${c.get("tournament").slug}/events/${c.get("event").id}/match`, { done: "divisions" });
});
