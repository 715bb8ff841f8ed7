import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { resolveCaller as resolveCallerWith, unauthorized as unauthorizedRefusal } from "../middleware/caller.ts";

// TRANSITION: the API routes' old names, until they use src/middleware/caller.ts directly. Removed after.
export { bearerToken, findApiTokenCached, forgetApiToken } from "./api-tokens.ts";
export { callerOf, requireCaller } from "../middleware/caller.ts";
export type ApiEnv = AppEnv;
export const resolveCaller = resolveCallerWith({ kinds: ["personal"] });
export function unauthorized(_c: Context, detail: string, error?: "invalid_request" | "invalid_token"): never {
  throw unauthorizedRefusal(detail, error);
}
