import { Hono } from "hono";
import { SCORERS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";
import { jsonBody } from "../../middleware/validate.ts";
import { practicalBatchSchema, type ScoringActor } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { scoringCaller } from "./callers.ts";
import { bodyAtMost } from "./limits.ts";
import { requireScorer } from "./shots.ts";

/** 500 stage scores with every optional field stay well below this. */
const MAX_STAGE_SCORES_BODY_BYTES = 512 * 1024;

const NOT_SCORING_STAFF = {
  title: "Not scoring staff",
  detail: "Only the tournament's owner, organisers and range officers may enter stage scores.",
};

export const stageScoreRoutes = new Hono<AppEnv>();

/**
 * Applies practical stage scores and DQs: `{"ops": [{opId, entryId, stage, a, c, d, miss, noShoot, procedural,
 * time}]}` or `{opId, entryId, dq: true, reason}`, 1 to 500, in order; authenticated like the shots API.
 * 200 with `{"outcomes": [...]}`, one per operation; a malformed body is 422 and nothing is applied.
 */
stageScoreRoutes.post(
  "/tournaments/:slug/stage-scores",
  bodyAtMost(MAX_STAGE_SCORES_BODY_BYTES, "A batch of stage scores"),
  scoringCaller,
  tournamentBySlug({ cached: true }),
  requireScorer,
  requireStaff(SCORERS, { notStaff: NOT_SCORING_STAFF }),
  jsonBody(practicalBatchSchema, "the operations"),
  async (c) => {
    const caller = c.get("caller");
    if (!caller) throw new Error("stage scores reached without a caller");
    const actor: ScoringActor = { userId: caller.userId, tokenId: caller.tokenId, via: caller.via, role: c.get("role") };
    const result = await TournamentClient.of(c).call("applyStageScores", c.req.valid("json").ops, actor);
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
