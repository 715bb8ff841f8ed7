import { and, eq, gt } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.ts";
import { sessions, users } from "../db/schema.ts";
import { DAY_MS } from "../domain/time/zoned.ts";
import type { AppEnv, SignedInUser } from "../env.ts";
import { randomToken, sha256 } from "../lib/encoding.ts";
import { TtlCache } from "../lib/ttl-cache.ts";

export const SESSION_COOKIE = "__Host-tenring_session";
const SESSION_DAYS = 30;

/**
 * Requests under these prefixes (the API; the registration form's post and its panel) accept a session this
 * isolate verified in D1 within the last `SESSION_CACHE_MS`, so the registration rush costs no D1 round trip
 * per request. The price: a session ended in another isolate (sign-out elsewhere) keeps working there for
 * at most that long; sign-out in this isolate takes effect at once. Pages elsewhere always read D1, so a
 * profile edit shows immediately.
 */
export const CACHED_SESSION_PREFIXES = ["/api/", "/me/t/", "/fragments/t/"];
const SESSION_CACHE_MS = 30_000;
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

async function findSessionUser(db: Db, token: string): Promise<SignedInUser | null> {
  const tokenHash = await sha256(token);
  const row = await db
    .select({ id: users.id, email: users.email, name: users.name, club: users.club })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, Date.now())))
    .get();
  return row ? { ...row, sessionHash: tokenHash } : null;
}

/** `findSessionUser` behind the per-isolate cache of verified sessions (see `CACHED_SESSION_PREFIXES`). */
async function findSessionUserCached(db: Db, token: string): Promise<SignedInUser | null> {
  return verifiedSessions.getOrLoad(await sha256(token), () => findSessionUser(db, token));
}

/** Loads the signed-in user, if any. Only for uncached routes: a cached page must never depend on a cookie. */
export const loadUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const cached = CACHED_SESSION_PREFIXES.some((prefix) => c.req.path.startsWith(prefix));
  c.set("user", token ? await (cached ? findSessionUserCached : findSessionUser)(c.get("db"), token) : null);
  await next();
});

/** Sends a signed-out visitor to the sign-in page, to come back here afterwards (htmx: a client-side redirect). */
export function toSignIn(c: Context) {
  const url = new URL(c.req.url);
  const target = `/account/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
  if (c.req.header("HX-Request")) {
    c.header("HX-Redirect", target);
    return c.body(null, 401);
  }
  return c.redirect(target, 303);
}

/** Pages for signed-in people: others go to the sign-in page and come back afterwards. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("user")) return next();
  return toSignIn(c);
});

/** The signed-in user, for handlers behind `requireUser`. */
export function currentUser(c: Context<AppEnv>): SignedInUser {
  const user = c.get("user");
  if (!user) throw new Error("requireUser must run before this route");
  return user;
}
