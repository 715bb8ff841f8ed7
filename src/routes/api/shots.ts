import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env.ts";
import { notHere } from "../../lib/refusal.ts";
import { jsonBody } from "../../middleware/validate.ts";
import { finalShotBatchSchema, type ScoringActor, shotBatchSchema } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { recordDeviceReport } from "../../queries/scoring/devices.ts";
import { scoringAccess, scoringActor } from "./scoring-access.ts";

export const shotRoutes = new Hono<AppEnv>();

/** An offline device's report on itself, sent beside its operations (the organiser's devices page). */
export const deviceReportSchema = z.object({
  deviceId: z.string().min(1).max(100),
  label: z.string().max(200).default(""),
  pending: z.number().int().nonnegative().max(10_000_000),
  conflicts: z.number().int().nonnegative().max(10_000_000),
});
/** Records an offline device's report beside the batch it sent (shots or stage scores). */
export async function reportDevice(c: Context<AppEnv>, actor: ScoringActor, sent: number, device: z.infer<typeof deviceReportSchema> | undefined): Promise<void> {
  if (!device) return;
  const report = { tournamentId: c.get("tournament").id, userId: actor.userId, tokenId: actor.tokenId, sent, at: Date.now() };
  await recordDeviceReport(c.get("db"), report, device);
}

const batchWithDevice = shotBatchSchema.extend({ device: deviceReportSchema.optional() });

/**
 * Applies shot operations: `{"ops": [{opId, entryId, shotNo, value | display, ...}], "device"?: {...}}`, 1 to 500,
 * in order; an offline device adds its report (`device`: id, label, operations still waiting, conflicts).
 * 200 with one outcome per operation (`applied`, `duplicate`, `conflict`, `rejected` + reason); a malformed
 * body is 422 and nothing is applied. Values: see `ShotOpInput` in src/object/contract/scoring.ts.
 */
shotRoutes.post("/tournaments/:slug/shots", ...scoringAccess("shots", "A batch of shots"), jsonBody(batchWithDevice, "the operations"), async (c) => {
  const { ops, device } = c.req.valid("json");
  const actor = scoringActor(c);
  const result = await TournamentClient.of(c).call("applyShots", ops, actor);
  await reportDevice(c, actor, ops.length, device);
  c.header("Cache-Control", "no-store");
  return c.json(result);
});

/**
 * A final's shots and shoot-off shots (`shootOffAfter`: the elimination point the shoot-off decides), with the
 * same callers, outcomes and idempotency as the match's shots; values in tenths (every final is decimal).
 */
shotRoutes.post(
  "/tournaments/:slug/finals/:finalId{[1-9][0-9]{0,14}}/shots",
  ...scoringAccess("shots", "A batch of shots"),
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
