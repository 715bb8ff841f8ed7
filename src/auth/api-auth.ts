import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.ts";
import type { AppEnv } from "../env.ts";
import { sha256 } from "../lib/encoding.ts";
import { problem } from "../lib/problem.ts";
import { TtlCache } from "../lib/ttl-cache.ts";
import { findApiToken, type TokenOwner } from "./api-tokens.ts";

/** Who an API request acts for: a signed-in session or a personal API token. */
export interface ApiCaller {
  userId: number;
  via: "session" | "token";
  tokenId: number | null;
}

export interface ApiEnv {
  Bindings: Env;
  Variables: AppEnv["Variables"] & { caller: ApiCaller | null };
}

/**
 * Tokens this isolate verified in D1 within `TOKEN_CACHE_MS` are accepted without asking D1 again (the
 * rush path must not cost a D1 round trip). A token revoked elsewhere keeps working here for at most that
 * long; `forgetApiToken` makes a revocation take effect at once in the revoking isolate.
 */
const TOKEN_CACHE_MS = 30_000;
const verifiedTokens = new TtlCache<TokenOwner>(TOKEN_CACHE_MS);

export async function findApiTokenCached(db: Db, token: string): Promise<TokenOwner | null> {
  return verifiedTokens.getOrLoad(await sha256(token), () => findApiToken(db, token));
}

/** Call after `revokeApiToken` so this isolate stops accepting the token immediately. */
export function forgetApiToken(tokenId: number): void {
  verifiedTokens.deleteWhere((owner) => owner.tokenId === tokenId);
}

/** 401 with the `WWW-Authenticate` challenge; `error` says what was wrong with a token that was sent. */
export function unauthorized(c: Context, detail: string, error?: "invalid_request" | "invalid_token") {
  c.header("WWW-Authenticate", error ? `Bearer realm="tenring", error="${error}"` : `Bearer realm="tenring"`);
  return problem(c, 401, "Not signed in", detail);
}

/** The token of an `Authorization: Bearer <token>` header; null when the header has another form. */
export function bearerToken(authorization: string): string | null {
  return /^Bearer +([A-Za-z0-9_-]{1,200}) *$/.exec(authorization)?.[1] ?? null;
}

/**
 * Resolves the caller: an `Authorization: Bearer <personal token>` header wins; otherwise the session that
 * `loadUser` found. A malformed or unknown token is refused outright rather than falling back to the cookie.
 */
export const resolveCaller = createMiddleware<ApiEnv>(async (c, next) => {
  const authorization = c.req.header("Authorization");
  if (authorization === undefined) {
    const user = c.get("user");
    c.set("caller", user ? { userId: user.id, via: "session", tokenId: null } : null);
    return next();
  }
  const token = bearerToken(authorization);
  if (!token) return unauthorized(c, "The Authorization header must be `Bearer <personal API token>`.", "invalid_request");
  const owner = await findApiTokenCached(c.get("db"), token);
  if (!owner) return unauthorized(c, "This API token is not valid: it may be mistyped or revoked.", "invalid_token");
  if (owner.kind !== "personal" || owner.userId === null) {
    return problem(c, 403, "Wrong kind of token", "This is a scoring token; registration needs a personal API token.");
  }
  c.set("caller", { userId: owner.userId, via: "token", tokenId: owner.tokenId });
  return next();
});

/** Refuses callers who are neither signed in nor sending a valid personal token. */
export const requireCaller = createMiddleware<ApiEnv>(async (c, next) => {
  if (c.get("caller")) return next();
  return unauthorized(c, "Sign in, or send a personal API token as `Authorization: Bearer <token>`.");
});

/** The caller, for handlers behind `requireCaller`. */
export function callerOf(c: Context<ApiEnv>): ApiCaller {
  const caller = c.get("caller");
  if (!caller) throw new Error("callerOf used on a route without requireCaller");
  return caller;
}
