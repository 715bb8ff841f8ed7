import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { formText, type Errors, type Values } from "../../lib/forms.ts";
import { Refusal } from "../../lib/refusal.ts";
import { addStage, deleteStage, loadMatchSetup, parseStage, saveDivisions, STAGE_FIELDS } from "../../queries/admin/practical.ts";
import { Empty } from "../../views/components/empty.tsx";
import { Saved } from "../../views/components/fields.tsx";
import { MatchSetup } from "../../views/admin/match-setup.tsx";
import { forStaff } from "./loaders.ts";
import { adminPage, afterConfigChange, changeBy } from "./respond.tsx";
import { SyncWarning } from "./tournaments.tsx";

/** A practical event's match setup: stages and offered divisions (squads are the event's relays). */
export const matchRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);
const PATH = "/t/:slug/events/:eventId{[1-9][0-9]{0,14}}/match";
const NOTICES: Record<string, string> = { stage: "Stage added.", deleted: "Stage deleted.", divisions: "Divisions saved." };

type Setup = NonNullable<Awaited<ReturnType<typeof loadMatchSetup>>>;

/** The path's event with its setup (one D1 batch); 404 for an event of another tournament. */
async function setupOf(c: Context<AppEnv>): Promise<Setup> {
  const setup = await loadMatchSetup(c.get("db"), c.get("tournament").id, Number(c.req.param("eventId")));
  if (!setup) throw new Refusal(404, { title: "Event not found", detail: "This tournament has no event at this address." });
  return setup;
}

/** Changes only for a practical event (a shot event's page explains why it has no stages). */
async function practicalSetupOf(c: Context<AppEnv>): Promise<Setup> {
  const setup = await setupOf(c);
  if (setup.event.matchShape !== "practical") {
    throw new Refusal(409, { title: "Not a practical match", detail: "This event is scored shot by shot: it has no stages or divisions." });
  }
  return setup;
}

async function matchPage(c: Context<AppEnv>, setup: Setup, form: { values: Values; errors: Errors; stale?: boolean }, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const { event } = setup;
  if (event.matchShape !== "practical") {
    return adminPage(
      c,
      { section: "events", title: `${event.title}: match setup`, status },
      <Empty>
        {event.title} is scored shot by shot, so it has no stages or divisions. A practical (IPSC) match is an event with the discipline
        "IPSC handgun": <a href={`/admin/t/${t.slug}/events/${event.id}`}>edit the event</a> to change it.
      </Empty>,
    );
  }
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

const blank = (setup: Setup) => ({
  number: String(setup.stages.reduce((n, s) => Math.max(n, s.number), 0) + 1),
  name: "",
  scoring: "comstock",
  paperTargets: "",
  steelTargets: "0",
});

matchRoutes.get(PATH, editors, async (c) => {
  const setup = await setupOf(c);
  return matchPage(c, setup, { values: blank(setup), errors: {} });
});

/** The revision the form was rendered at: a stale form is refused (someone else changed the tournament). */
function sentRevision(body: Record<string, unknown>): number | null {
  return typeof body.revision === "string" && /^[1-9][0-9]{0,14}$/.test(body.revision) ? Number(body.revision) : null;
}

const back = (c: Context<AppEnv>, setup: Setup, done: string) =>
  afterConfigChange(c, `/admin/t/${c.get("tournament").slug}/events/${setup.event.id}/match`, { done });

matchRoutes.post(`${PATH}/stages`, editors, async (c) => {
  const setup = await practicalSetupOf(c);
  const body = await c.req.parseBody();
  const values = formText(body, STAGE_FIELDS);
  if (sentRevision(body) !== c.get("tournament").revision) return matchPage(c, setup, { values, errors: {}, stale: true }, 409);
  const parsed = parseStage(values, setup.stages.map((s) => s.number));
  if ("errors" in parsed) return matchPage(c, setup, { values, errors: parsed.errors }, 422);
  const outcome = await addStage(c.get("db"), changeBy(c), setup.event, parsed.data);
  if (!outcome.committed) return matchPage(c, setup, { values, errors: {}, stale: true }, 409);
  return back(c, setup, "stage");
});

/** The stage to delete is a form field (`stage`), so every admin route's path has only the ids the area knows. */
matchRoutes.post(`${PATH}/stages/delete`, editors, async (c) => {
  const setup = await practicalSetupOf(c);
  const stale = () => matchPage(c, setup, { values: blank(setup), errors: {}, stale: true }, 409);
  const body = await c.req.parseBody();
  if (sentRevision(body) !== c.get("tournament").revision) return stale();
  const stage = setup.stages.find((s) => String(s.id) === body.stage);
  if (!stage) throw new Refusal(404, { title: "Stage not found", detail: "This match has no such stage (it may have been deleted already)." });
  const outcome = await deleteStage(c.get("db"), changeBy(c), setup.event, stage.id);
  return outcome.committed ? back(c, setup, "deleted") : stale();
});

matchRoutes.post(`${PATH}/divisions`, editors, async (c) => {
  const setup = await practicalSetupOf(c);
  const stale = () => matchPage(c, setup, { values: blank(setup), errors: {}, stale: true }, 409);
  const body = await c.req.parseBody({ all: true });
  if (sentRevision(body) !== c.get("tournament").revision) return stale();
  const sent = body.divisions;
  const divisions = (Array.isArray(sent) ? sent : sent === undefined ? [] : [sent]).map(String);
  const outcome = await saveDivisions(c.get("db"), changeBy(c), setup.event, divisions);
  return outcome.committed ? back(c, setup, "divisions") : stale();
});
