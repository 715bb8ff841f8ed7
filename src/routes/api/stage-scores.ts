import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { jsonBody } from "../../middleware/validate.ts";
import { practicalBatchSchema } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { scoringAccess, scoringActor } from "./scoring-access.ts";
import { deviceReportSchema, reportDevice } from "./shots.ts";

export const stageScoreRoutes = new Hono<AppEnv>();

const batchWithDevice = practicalBatchSchema.extend({ device: deviceReportSchema.optional() });

/**
 * Applies practical stage scores and DQs: `{"ops": [{opId, entryId, stage, a, c, d, miss, noShoot, procedural,
 * time}]}` or `{opId, entryId, dq: true, reason}`, 1 to 500, in order; authenticated like the shots API, and
 * like it an offline device adds its report (`device`). 200 with `{"outcomes": [...]}`, one per operation; a
 * malformed body is 422 and nothing is applied.
 */
stageScoreRoutes.post(
  "/tournaments/:slug/stage-scores",
  ...scoringAccess("stage scores", "A batch of stage scores"),
  jsonBody(batchWithDevice, "the operations"),
  async (c) => {
    const { ops, device } = c.req.valid("json");
    const actor = scoringActor(c);
    const result = await TournamentClient.of(c).call("applyStageScores", ops, actor);
    await reportDevice(c, actor, ops.length, device);
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
