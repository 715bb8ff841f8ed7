import { createApiToken } from "../../src/auth/api-tokens.ts";
import { sessions, users } from "../../src/db/schema.ts";
import { randomToken, sha256 } from "../../src/lib/encoding.ts";
import { csrfTokenFor } from "../../src/middleware/csrf.ts";
import { db } from "./d1.ts";

let counter = 0;

export type UserFields = Partial<{ email: string; name: string; club: string; verified: boolean }>;

/**
 * A user straight in D1 (no password: signs in only through the session made below). Its address counts
 * as confirmed unless `verified: false` (the tests of unconfirmed accounts ask for that).
 */
export async function createUser(fields: UserFields = {}) {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}`;
  return db
    .insert(users)
    .values({
      email: fields.email ?? `user-${unique}@example.test`,
      name: fields.name ?? `Test User ${unique}`,
      club: fields.club ?? "Test Club",
      passwordHash: null,
      emailVerifiedAt: fields.verified === false ? null : Date.now(),
    })
    .returning()
    .get();
}

/** Many competitors at once (D1 takes at most 100 bound parameters per statement). */
export async function createUsers(n: number): Promise<number[]> {
  counter += 1;
  const stem = `${Date.now().toString(36)}-${counter}`;
  const rows = Array.from({ length: n }, (_, i) => ({ email: `rush-${stem}-${i}@example.test`, name: `Competitor ${i + 1}`, club: "Rush Club", emailVerifiedAt: 1 }));
  const statements = [];
  for (let i = 0; i < rows.length; i += 25) {
    statements.push(db.insert(users).values(rows.slice(i, i + 25)).returning({ id: users.id }));
  }
  const [first, ...rest] = statements;
  if (!first) return [];
  const results = await db.batch([first, ...rest]);
  return results.flat().map((r) => r.id);
}

/** A live session for the user, as the Cookie header value a browser would send. */
export async function sessionCookie(userId: number): Promise<string> {
  const token = randomToken(16);
  await db
    .insert(sessions)
    .values({ tokenHash: await sha256(token), userId, createdAt: Date.now(), expiresAt: Date.now() + 86_400_000 })
    .run();
  return `__Host-tenring_session=${token}`;
}

export async function signedInUser(fields: UserFields = {}) {
  const user = await createUser(fields);
  return { user, cookie: await sessionCookie(user.id) };
}

export interface Person {
  user: Awaited<ReturnType<typeof createUser>>;
  cookie: string;
  /** The form token of this session, as the pages embed it. */
  csrf: string;
}

/** A signed-in user who also knows the form token of the session, to post forms as a browser does. */
export async function person(fields: UserFields = {}): Promise<Person> {
  const signed = await signedInUser(fields);
  const token = signed.cookie.split("=")[1]!;
  return { ...signed, csrf: await csrfTokenFor(await sha256(token)) };
}

/** A competitor with a personal API token, as integrations use the API. */
export async function tokenFor(userId: number): Promise<string> {
  return (await createApiToken(db, { kind: "personal", userId }, "tests")).token;
}
