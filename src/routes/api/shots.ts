import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { jsonBody } from "../../middleware/validate.ts";
import { shotBatchSchema } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { scoringAccess, scoringActor } from "./scoring-access.ts";

export const shotRoutes = new Hono<AppEnv>();

/**
 * Applies shot operations: `{"ops": [{opId, entryId, shotNo, value | display, ...}]}`, 1 to 500, in order.
 * 200 with one outcome per operation (`applied`, `duplicate`, `conflict`, `rejected` + reason); a malformed
 * body is 422 and nothing is applied. Values: see `ShotOpInput` in src/object/contract/scoring.ts.
 */
shotRoutes.post("/tournaments/:slug/shots", ...scoringAccess("shots", "A batch of shots"), jsonBody(shotBatchSchema, "the operations"), async (c) => {
  const result = await TournamentClient.of(c).call("applyShots", c.req.valid("json").ops, scoringActor(c));
  c.header("Cache-Control", "no-store");
  return c.json(result);
});
