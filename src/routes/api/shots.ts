import { type Context, Hono } from "hono";
import { notHere } from "../../lib/refusal.ts";
import { createMiddleware } from "hono/factory";
import { SCORERS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { unauthorized } from "../../middleware/caller.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";
import { jsonBody } from "../../middleware/validate.ts";
import type { ScoringActor } from "../../object/contract/index.ts";
import { finalShotBatchSchema, shotBatchSchema } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { scoringCaller } from "./callers.ts";
import { bodyAtMost } from "./limits.ts";
import { recordDeviceReport } from "../../queries/scoring/devices.ts";
import { z } from "zod";

/** 500 operations with every optional field stay well below this. */
const MAX_SHOTS_BODY_BYTES = 512 * 1024;

/** Nobody signed in and no token: the challenge names both ways in. */
export const requireScorer = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("caller")) {
    throw unauthorized("Sign in as staff of this tournament, or send a scoring token as `Authorization: Bearer <token>`.");
  }
  await next();
});

export const NOT_SCORING_STAFF = {
  title: "Not scoring staff",
  detail: "Only the tournament's owner, organisers and range officers may enter shots.",
};

export const shotRoutes = new Hono<AppEnv>();

/** Who may send shots, checked in this order: a sane body, a caller, the tournament, a scorer of it. */
const scorersOnly = [
  bodyAtMost(MAX_SHOTS_BODY_BYTES, "A batch of shots"),
  scoringCaller,
  tournamentBySlug({ cached: true }),
  requireScorer,
  requireStaff(SCORERS, { notStaff: NOT_SCORING_STAFF }),
] as const;

/** The caller as the object records it (requireScorer and requireStaff let only a caller through). */
function scoringActor(c: Context<AppEnv>): ScoringActor {
  const caller = c.get("caller");
  if (!caller) throw new Error("shots reached without a caller");
  return { userId: caller.userId, tokenId: caller.tokenId, via: caller.via, role: c.get("role") };
}

/** An offline device's report on itself, sent beside its operations (the organiser's devices page). */
const deviceReportSchema = z.object({
  deviceId: z.string().min(1).max(100),
  label: z.string().max(200).default(""),
  pending: z.number().int().nonnegative().max(10_000_000),
  conflicts: z.number().int().nonnegative().max(10_000_000),
});
const batchWithDevice = shotBatchSchema.extend({ device: deviceReportSchema.optional() });

/**
 * Applies shot operations: `{"ops": [{opId, entryId, shotNo, value | display, ...}], "device"?: {...}}`, 1 to 500,
 * in order; an offline device adds its report (`device`: id, label, operations still waiting, conflicts).
 * 200 with one outcome per operation (`applied`, `duplicate`, `conflict`, `rejected` + reason); a malformed
 * body is 422 and nothing is applied. Values: see `ShotOpInput` in src/object/contract/scoring.ts.
 */
shotRoutes.post(
  "/tournaments/:slug/shots",
  ...scorersOnly,
  jsonBody(batchWithDevice, "the operations"),
  async (c) => {
    const { ops, device } = c.req.valid("json");
    const result = await TournamentClient.of(c).call("applyShots", ops, scoringActor(c));
    if (device) {
      const caller = scoringActor(c);
      await recordDeviceReport(c.get("db"), { tournamentId: c.get("tournament").id, userId: caller.userId, tokenId: caller.tokenId, sent: ops.length, at: Date.now() }, device);
    }
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);

/**
 * A final's shots and shoot-off shots (`shootOffAfter`: the elimination point the shoot-off decides), with the
 * same callers, outcomes and idempotency as the match's shots; values in tenths (every final is decimal).
 */
shotRoutes.post(
  "/tournaments/:slug/finals/:finalId{[1-9][0-9]{0,14}}/shots",
  ...scorersOnly,
  jsonBody(finalShotBatchSchema, "the operations"),
  async (c) => {
    const finalId = Number(c.req.param("finalId"));
    const client = TournamentClient.of(c);
    if (!(await client.call("final", finalId))) throw notHere("Final");
    const result = await client.call("applyFinalShots", finalId, c.req.valid("json").ops, scoringActor(c));
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
