import { and, eq, inArray } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type ApiEnv, findApiTokenCached } from "../../auth/api-auth.ts";
import type { Db } from "../../db/client.ts";
import { tournamentStaff } from "../../db/schema.ts";
import { problem } from "../../lib/problem.ts";
import type { ScoringActor } from "../../tournament/contract.ts";
import { MAX_OPS_PER_BATCH, shotBatchSchema } from "../../tournament/live/guards.ts";
import { tournamentStub } from "../../tournament/stub.ts";
import { tournamentBySlug } from "./lookup.ts";
import { fieldErrors } from "./validation.ts";

/** 500 operations with every optional field stay well below this. */
export const MAX_SHOTS_BODY_BYTES = 512 * 1024;

/** Staff roles that may score: the tournament's owner, organisers and range officers. */
const SCORING_ROLES: ("owner" | "organiser" | "range_officer")[] = ["owner", "organiser", "range_officer"];

export async function isScoringStaff(db: Db, tournamentId: number, userId: number): Promise<boolean> {
  const row = await db
    .select({ role: tournamentStaff.role })
    .from(tournamentStaff)
    .where(
      and(
        eq(tournamentStaff.tournamentId, tournamentId),
        eq(tournamentStaff.userId, userId),
        inArray(tournamentStaff.role, SCORING_ROLES),
      ),
    )
    .get();
  return row !== undefined;
}

function unauthorized(c: Context, detail: string, error?: "invalid_request" | "invalid_token") {
  c.header("WWW-Authenticate", error ? `Bearer realm="tenring", error="${error}"` : `Bearer realm="tenring"`);
  return problem(c, 401, "Not signed in", detail);
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
    const match = /^Bearer +([A-Za-z0-9_-]{1,200}) *$/.exec(authorization);
    if (!match?.[1]) return unauthorized(c, "The Authorization header must be `Bearer <token>`.", "invalid_request");
    const owner = await findApiTokenCached(db, match[1]);
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
 * body is 422 and nothing is applied. Values: see `ShotOpInput` in src/tournament/contract.ts.
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
    if (!(c.req.header("Content-Type") ?? "").startsWith("application/json")) {
      return problem(c, 415, "JSON expected", "Send the operations as Content-Type: application/json.");
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return problem(c, 422, "Malformed JSON", "The body is not valid JSON.", { body: "The body is not valid JSON." });
    }
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
