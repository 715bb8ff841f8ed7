import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type ApiTokenKind, bearerToken, findApiTokenCached } from "../auth/api-tokens.ts";
import type { ApiCaller, AppEnv } from "../env.ts";
import { Refusal } from "../lib/refusal.ts";

export interface ResolveCallerOptions {
  /** The kinds of API token these routes take (personal tokens act for their owner; scoring tokens only score). */
  kinds: readonly ApiTokenKind[];
}

/** 401 with the `WWW-Authenticate` challenge; `error` says what was wrong with a token that was sent. */
export function unauthorized(detail: string, error?: "invalid_request" | "invalid_token"): Refusal {
  const challenge = error ? `Bearer realm="tenring", error="${error}"` : `Bearer realm="tenring"`;
  return new Refusal(401, { title: "Not signed in", detail, headers: { "WWW-Authenticate": challenge } });
}

const KIND_NAMES: Record<ApiTokenKind, string> = { personal: "a personal API token", scoring: "a scoring token" };

/**
 * Resolves who an API request acts for: an `Authorization: Bearer <token>` header wins; otherwise the
 * session `loadUser()` found. A malformed or unknown token is refused outright rather than falling back to
 * the cookie, and so is a token of a kind these routes do not take.
 */
export function resolveCaller(options: ResolveCallerOptions) {
  const accepted = options.kinds.map((k) => KIND_NAMES[k]).join(" or ");
  return createMiddleware<AppEnv>(async (c, next) => {
    const authorization = c.req.header("Authorization");
    if (authorization === undefined) {
      const user = c.get("user");
      c.set("caller", user ? { userId: user.id, via: "session", tokenId: null, tokenTournamentId: null, tokenKind: null, verified: user.verified } : null);
      return next();
    }
    const token = bearerToken(authorization);
    if (!token) throw unauthorized(`The Authorization header must be \`Bearer <token>\`, with ${accepted}.`, "invalid_request");
    const owner = await findApiTokenCached(c.get("db"), token);
    if (!owner) throw unauthorized("This API token is not valid: it may be mistyped or revoked.", "invalid_token");
    if (!options.kinds.includes(owner.kind)) {
      throw new Refusal(403, { title: "Wrong kind of token", detail: `This is ${KIND_NAMES[owner.kind]}; this needs ${accepted}.` });
    }
    c.set("caller", {
      userId: owner.userId,
      via: owner.kind === "scoring" ? "scoring_token" : "token",
      tokenId: owner.tokenId,
      tokenTournamentId: owner.tournamentId,
      tokenKind: owner.kind,
      verified: owner.kind === "personal" && owner.verified,
    });
    return next();
  });
}

/** Refuses callers who are neither signed in nor sending a valid token. */
export const requireCaller = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("caller")) throw unauthorized("Sign in, or send a personal API token as `Authorization: Bearer <token>`.");
  await next();
});

/** The caller acting for a person, for handlers behind `requireCaller` on routes that take personal tokens only. */
export function callerOf(c: Context<AppEnv>): ApiCaller & { userId: number } {
  const caller = c.get("caller");
  if (!caller || caller.userId === null) throw new Error("callerOf used on a route without requireCaller");
  return caller as ApiCaller & { userId: number };
}
