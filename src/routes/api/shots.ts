import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type ApiEnv, bearerToken, findApiTokenCached, unauthorized } from "../../auth/api-auth.ts";
import type { Db } from "../../db/client.ts";
import { problem } from "../../lib/problem.ts";
import type { ScoringActor } from "../../object/contract/index.ts";
import { MAX_OPS_PER_BATCH, shotBatchSchema } from "../../object/scoring/guards.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { hasStaffRole, tournamentBySlug } from "../../queries/tournament-lookup.ts";
import { fieldErrors, jsonBody } from "./validation.ts";

/** 500 operations with every optional field stay well below this. */
const MAX_SHOTS_BODY_BYTES = 512 * 1024;

/** Staff who may score: the tournament's owner, organisers and range officers. */
export function isScoringStaff(db: Db, tournamentId: number, userId: number): Promise<boolean> {
  return hasStaffRole(db, tournamentId, userId, ["owner", "organiser", "range_officer"]);
}

const notStaff = (c: Context) =>
  problem(c, 403, "Not scoring staff", "Only the tournament's owner, organisers and range officers may enter shots.");

/**
 * Who may score this tournament: a scoring token of this tournament, or a staff member (owner, organiser,
 * range officer) signed in or sending a personal token. Scoring tokens are refused by the registration
 * API's `resolveCaller`, so this route resolves the caller itself.
 */
async function scoringActor(c: Context<ApiEnv>, tournamentId: number): Promise<ScoringActor | Response> {
  const db = c.get("db");
  const authorization = c.req.header("Authorization");
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    if (!token) return unauthorized(c, "The Authorization header must be `Bearer <token>`.", "invalid_request");
    const owner = await findApiTokenCached(db, token);
    if (!owner) return unauthorized(c, "This API token is not valid: it may be mistyped or revoked.", "invalid_token");
    if (owner.kind === "scoring") {
      if (owner.tournamentId !== tournamentId) {
        return problem(c, 403, "Wrong tournament", "This scoring token belongs to another tournament.");
      }
      return { userId: owner.userId, tokenId: owner.tokenId, via: "scoring_token" };
    }
    if (owner.userId === null || !(await isScoringStaff(db, tournamentId, owner.userId))) return notStaff(c);
    return { userId: owner.userId, tokenId: owner.tokenId, via: "token" };
  }
  const user = c.get("user");
  if (!user) return unauthorized(c, "Sign in as staff of this tournament, or send a scoring token as `Authorization: Bearer <token>`.");
  if (!(await isScoringStaff(db, tournamentId, user.id))) return notStaff(c);
  return { userId: user.id, tokenId: null, via: "session" };
}

export const shotRoutes = new Hono<ApiEnv>();

/**
 * Applies shot operations: `{"ops": [{opId, entryId, shotNo, value | display, ...}]}`, 1 to 500, in order.
 * 200 with one outcome per operation (`applied`, `duplicate`, `conflict`, `rejected` + reason); a malformed
 * body is 422 and nothing is applied. Values: see `ShotOpInput` in src/object/contract/scoring.ts.
 */
shotRoutes.post(
  "/tournaments/:slug/shots",
  bodyLimit({
    maxSize: MAX_SHOTS_BODY_BYTES,
    onError: (c) => problem(c, 413, "Request too large", `A batch of shots must not exceed ${MAX_SHOTS_BODY_BYTES} bytes.`),
  }),
  async (c) => {
    const tournament = await tournamentBySlug(c.get("db"), c.req.param("slug"), { cached: true });
    if (!tournament) return problem(c, 404, "No such tournament", "There is no tournament at this address.");
    const actor = await scoringActor(c, tournament.id);
    if (actor instanceof Response) return actor;
    const body = await jsonBody(c, "the operations");
    if (body instanceof Response) return body;
    const parsed = shotBatchSchema.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return problem(
        c,
        422,
        "Invalid operations",
        `Nothing was applied. The body must be {"ops": [...]} with 1 to ${MAX_OPS_PER_BATCH} operations.`,
        errors,
      );
    }
    const result = await tournamentStub(c.env, tournament.id).applyShots(parsed.data.ops, actor);
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
