import { and, eq, gt, ne } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.ts";
import { sessions, users } from "../db/schema.ts";
import { DAY_MS } from "../domain/time/zoned.ts";
import type { AppEnv, SignedInUser } from "../env.ts";
import { randomToken, sha256 } from "../lib/encoding.ts";
import { Refusal } from "../lib/refusal.ts";
import { TtlCache } from "../lib/ttl-cache.ts";
import { rememberStaffTournaments, staffTournamentsOfSession } from "../queries/account/staff-tournaments.ts";

export const SESSION_COOKIE = "__Host-tenring_session";
const SESSION_DAYS = 30;

/**
 * Sessions this isolate verified in D1 within `SESSION_CACHE_MS`, for routes mounted with
 * `loadUser({ cached: true })` (the API, the registration post and its panel), so the registration rush costs
 * at most one D1 round trip per session and isolate every few seconds. Ending sessions deletes their rows in
 * D1 (sign-out, sign out everywhere, password reset or change): this isolate forgets them at once, every other
 * isolate at its next revalidation, so within `SESSION_CACHE_MS`.
 */
export const SESSION_CACHE_MS = 5_000;
const verifiedSessions = new TtlCache<SignedInUser>(SESSION_CACHE_MS);

/** Starts a new session (a fresh 128-bit token, so sign-in always rotates it) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  const token = randomToken(16);
  const now = Date.now();
  const db = c.get("db");
  const writes = [
    db.insert(sessions).values({
      tokenHash: await sha256(token),
      userId,
      createdAt: now,
      expiresAt: now + SESSION_DAYS * DAY_MS,
    }),
  ] as const;
  if (old) {
    const oldHash = await sha256(old);
    verifiedSessions.delete(oldHash);
    await db.batch([...writes, db.delete(sessions).where(eq(sessions.tokenHash, oldHash))]);
  } else await db.batch(writes);
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const tokenHash = await sha256(token);
    verifiedSessions.delete(tokenHash);
    await c.get("db").delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
}

/** Ends every session of the user (all devices), here at once and in other isolates within seconds. */
export async function endAllSessions(db: Db, userId: number, except?: string): Promise<void> {
  const all = eq(sessions.userId, userId);
  await db.delete(sessions).where(except ? and(all, ne(sessions.tokenHash, except)) : all);
  verifiedSessions.deleteWhere((u) => u.id === userId && u.sessionHash !== except);
}

/** Drops this isolate's cached copies of the user (after a change of name, address or verification). */
export function forgetUser(userId: number): void {
  verifiedSessions.deleteWhere((u) => u.id === userId);
}

async function findSessionUser(db: Db, token: string): Promise<SignedInUser | null> {
  const tokenHash = await sha256(token);
  // The header's staff roles ride in the same batch: a signed-in page costs one round trip for both.
  const [rows, staff] = await db.batch([
    db
      .select({ id: users.id, email: users.email, name: users.name, club: users.club, verifiedAt: users.emailVerifiedAt, pendingEmail: users.pendingEmail })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, Date.now()))),
    staffTournamentsOfSession(db, tokenHash),
  ]);
  const row = rows[0];
  if (!row) return null;
  const { verifiedAt, ...user } = row;
  rememberStaffTournaments(db, user.id, staff);
  return { ...user, verified: verifiedAt !== null, sessionHash: tokenHash };
}

/** `findSessionUser` behind the per-isolate cache of verified sessions (`loadUser({ cached: true })`). */
async function findSessionUserCached(db: Db, token: string): Promise<SignedInUser | null> {
  return verifiedSessions.getOrLoad(await sha256(token), () => findSessionUser(db, token));
}

export interface LoadUserOptions {
  /** Accept a session this isolate verified within the last few seconds (hot paths); pages read D1 every time. */
  cached?: boolean;
}

/** Loads the signed-in user, if any. Only for uncached routes: a cached page must never depend on a cookie. */
export function loadUser(options: LoadUserOptions = {}) {
  const find = options.cached ? findSessionUserCached : findSessionUser;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.get("user") !== undefined) return next();
    const token = getCookie(c, SESSION_COOKIE);
    c.set("user", token ? await find(c.get("db"), token) : null);
    await next();
  });
}

/** Pages for signed-in people: others go to the sign-in page and come back afterwards. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user")) throw new Refusal(401, { title: "Not signed in", detail: "Sign in to continue." });
  await next();
});

/** The signed-in user, for handlers behind `requireUser`. */
export function currentUser(c: Context<AppEnv>): SignedInUser {
  const user = c.get("user");
  if (!user) throw new Error("requireUser must run before this route");
  return user;
}

/** Why an unverified account is refused (a "send the link again" button goes with it where it is shown). */
export const UNVERIFIED_DETAIL =
  "Confirm your email address first: open the link we mailed you. Your account page can send the link again.";

/** Registering, accepting a staff role and creating a tournament need a proven address. */
export const requireVerified = createMiddleware<AppEnv>(async (c, next) => {
  const user = currentUser(c);
  if (!user.verified) throw new Refusal(403, { title: "Email address not confirmed", detail: UNVERIFIED_DETAIL, reason: "unverified" });
  await next();
});
