import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { SCORERS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { unauthorized } from "../../middleware/caller.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";
import { jsonBody } from "../../middleware/validate.ts";
import type { ScoringActor } from "../../object/contract/index.ts";
import { shotBatchSchema } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { scoringCaller } from "./callers.ts";
import { bodyAtMost } from "./limits.ts";

/** 500 operations with every optional field stay well below this. */
const MAX_SHOTS_BODY_BYTES = 512 * 1024;

/** Nobody signed in and no token: the challenge names both ways in. */
export const requireScorer = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("caller")) {
    throw unauthorized("Sign in as staff of this tournament, or send a scoring token as `Authorization: Bearer <token>`.");
  }
  await next();
});

const NOT_SCORING_STAFF = {
  title: "Not scoring staff",
  detail: "Only the tournament's owner, organisers and range officers may enter shots.",
};

export const shotRoutes = new Hono<AppEnv>();

/**
 * Applies shot operations: `{"ops": [{opId, entryId, shotNo, value | display, ...}]}`, 1 to 500, in order.
 * 200 with one outcome per operation (`applied`, `duplicate`, `conflict`, `rejected` + reason); a malformed
 * body is 422 and nothing is applied. Values: see `ShotOpInput` in src/object/contract/scoring.ts.
 */
shotRoutes.post(
  "/tournaments/:slug/shots",
  bodyAtMost(MAX_SHOTS_BODY_BYTES, "A batch of shots"),
  scoringCaller,
  tournamentBySlug({ cached: true }),
  requireScorer,
  requireStaff(SCORERS, { notStaff: NOT_SCORING_STAFF }),
  jsonBody(shotBatchSchema, "the operations"),
  async (c) => {
    const caller = c.get("caller");
    // requireScorer and requireStaff let only a caller through.
    if (!caller) throw new Error("shots reached without a caller");
    const actor: ScoringActor = { userId: caller.userId, tokenId: caller.tokenId, via: caller.via, role: c.get("role") };
    const result = await TournamentClient.of(c).call("applyShots", c.req.valid("json").ops, actor);
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
