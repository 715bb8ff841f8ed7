import { and, eq, gt } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.ts";
import { sessions, users } from "../db/schema.ts";
import type { AppEnv, SignedInUser } from "../env.ts";
import { randomToken, sha256 } from "../lib/encoding.ts";

export const SESSION_COOKIE = "__Host-tenring_session";
const SESSION_DAYS = 30;

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
      expiresAt: now + SESSION_DAYS * 86_400_000,
    }),
  ] as const;
  if (old) await db.batch([...writes, db.delete(sessions).where(eq(sessions.tokenHash, await sha256(old)))]);
  else await db.batch(writes);
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
  if (token) await c.get("db").delete(sessions).where(eq(sessions.tokenHash, await sha256(token)));
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
}

export async function findSessionUser(db: Db, token: string): Promise<SignedInUser | null> {
  const tokenHash = await sha256(token);
  const row = await db
    .select({ id: users.id, email: users.email, name: users.name, club: users.club })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, Date.now())))
    .get();
  return row ? { ...row, sessionHash: tokenHash } : null;
}

/** Loads the signed-in user, if any. Only for uncached routes: a cached page must never depend on a cookie. */
export const loadUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set("user", token ? await findSessionUser(c.get("db"), token) : null);
  await next();
});

/** Pages for signed-in people: others go to the sign-in page and come back afterwards. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("user")) return next();
  const url = new URL(c.req.url);
  const target = `/account/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
  if (c.req.header("HX-Request")) {
    c.header("HX-Redirect", target);
    return c.body(null, 401);
  }
  return c.redirect(target, 303);
});
