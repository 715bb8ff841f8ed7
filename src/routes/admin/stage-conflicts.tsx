import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { notHere } from "../../lib/refusal.ts";
import { formBody } from "../../middleware/validate.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { resolveStageConflict, type StageConflictRow, stageConflictRows, stageResolveForm, type StageResolveForm } from "../../queries/admin/stage-conflicts.ts";
import { resultsControlRows } from "../../queries/admin/results.ts";
import { forStaff } from "./loaders.ts";
import { refusedForm } from "./results.tsx";
import { actor, appContext, redirectWith, typedValues } from "./respond.tsx";

/** An organiser settles a practical match's stage conflict from the results control. */
export const stageConflictRoutes = new Hono<AppEnv>();

type StageConflictEnv = AppEnv & { Variables: { stageConflict: StageConflictRow } };

/** The open conflicts come from this tournament's own object: an id from elsewhere is simply not among them. */
const stageConflictFromPath = createMiddleware<StageConflictEnv>(async (c, next) => {
  const opId = c.req.param("opId");
  const { structure } = await resultsControlRows(c.get("db"), c.get("tournament").id);
  const conflict = (await stageConflictRows(TournamentClient.of(appContext(c)), c.get("db"), structure)).find((x) => x.opId === opId);
  if (!conflict) throw notHere("Conflict");
  c.set("stageConflict", conflict);
  await next();
});

const FIELDS = ["keep", "reason", "a", "c", "d", "miss", "noShoot", "procedural", "time"] as const;
const formOf = (conflict: StageConflictRow) => `stage-conflict-${conflict.opId}`;
const resolveBody = formBody<StageResolveForm, StageConflictEnv>(stageResolveForm, {
  fields: FIELDS,
  invalid: (c, { values, errors }) => refusedForm(c, formOf(c.get("stageConflict")), values, errors),
});

stageConflictRoutes.post("/t/:slug/results/stage-conflicts/:opId", forStaff(EDITORS), stageConflictFromPath, resolveBody, async (c) => {
  const a = actor(c);
  const outcome = await resolveStageConflict(a.client, { userId: a.actorId, tokenId: null, via: "session", role: a.role }, c.get("stageConflict"), c.req.valid("form"));
  if (outcome.outcome !== "applied") {
    const field = outcome.reason === "hits_do_not_add_up" || outcome.reason === "time_not_positive" ? "a" : "form";
    return refusedForm(c, formOf(c.get("stageConflict")), await typedValues(c, FIELDS), { [field]: outcome.message }, field === "form" ? 409 : 422);
  }
  return redirectWith(c, `/admin/t/${c.get("tournament").slug}/results`, { done: "stage-resolved" });
});
