import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { jsonBody } from "../../middleware/validate.ts";
import { practicalBatchSchema } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { scoringAccess, scoringActor } from "./scoring-access.ts";

export const stageScoreRoutes = new Hono<AppEnv>();

/**
 * Applies practical stage scores and DQs: `{"ops": [{opId, entryId, stage, a, c, d, miss, noShoot, procedural,
 * time}]}` or `{opId, entryId, dq: true, reason}`, 1 to 500, in order; authenticated like the shots API.
 * 200 with `{"outcomes": [...]}`, one per operation; a malformed body is 422 and nothing is applied.
 */
stageScoreRoutes.post(
  "/tournaments/:slug/stage-scores",
  ...scoringAccess("stage scores", "A batch of stage scores"),
  jsonBody(practicalBatchSchema, "the operations"),
  async (c) => {
    const result = await TournamentClient.of(c).call("applyStageScores", c.req.valid("json").ops, scoringActor(c));
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
