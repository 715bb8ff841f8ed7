import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { SCORERS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { unauthorized } from "../../middleware/caller.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";
import type { ScoringActor } from "../../object/contract/index.ts";
import { scoringCaller } from "./callers.ts";
import { bodyAtMost } from "./limits.ts";

/** 500 operations with every optional field stay well below this. */
const MAX_SCORING_BODY_BYTES = 512 * 1024;

/** Nobody signed in and no token: the challenge names both ways in. */
const requireScorer = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("caller")) {
    throw unauthorized("Sign in as staff of this tournament, or send a scoring token as `Authorization: Bearer <token>`.");
  }
  await next();
});

/**
 * Who may score a tournament through the API: a staff session or a scoring token of the tournament, with a
 * scoring role. `what` names the scores for the refusal ("shots").
 */
export function scorers(what: string) {
  return [
    scoringCaller,
    tournamentBySlug({ cached: true }),
    requireScorer,
    requireStaff(SCORERS, {
      notStaff: { title: "Not scoring staff", detail: `Only the tournament's owner, organisers and range officers may enter ${what}.` },
    }),
  ] as const;
}

/** What every scoring write of the API (shots, stage scores) goes through: a bounded body, then `scorers`. */
export function scoringAccess(what: string, batch: string) {
  return [bodyAtMost(MAX_SCORING_BODY_BYTES, batch), ...scorers(what)] as const;
}

/** The scoring actor the object is told of (a scoring token counts as a range officer). */
export function scoringActor(c: Context<AppEnv>): ScoringActor {
  const caller = c.get("caller");
  // scoringAccess lets only a caller through.
  if (!caller) throw new Error("a scoring route reached without a caller");
  return { userId: caller.userId, tokenId: caller.tokenId, via: caller.via, role: c.get("role") };
}
