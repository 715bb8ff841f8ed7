import { env } from "cloudflare:workers";
import { openDb } from "../../src/db/client.ts";
import { sessions, users } from "../../src/db/schema.ts";
import { randomToken, sha256 } from "../../src/lib/encoding.ts";

let counter = 0;

/** A user straight in D1 (no password: signs in only through the session made below). */
export async function createUser(fields: Partial<{ email: string; name: string; club: string }> = {}) {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}`;
  return openDb(env.DB)
    .insert(users)
    .values({
      email: fields.email ?? `user-${unique}@example.test`,
      name: fields.name ?? `Test User ${unique}`,
      club: fields.club ?? "Test Club",
      passwordHash: null,
    })
    .returning()
    .get();
}

/** A live session for the user, as the Cookie header value a browser would send. */
export async function sessionCookie(userId: number): Promise<string> {
  const token = randomToken(16);
  await openDb(env.DB)
    .insert(sessions)
    .values({ tokenHash: await sha256(token), userId, createdAt: Date.now(), expiresAt: Date.now() + 86_400_000 })
    .run();
  return `__Host-tenring_session=${token}`;
}

export async function signedInUser(fields: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(fields);
  return { user, cookie: await sessionCookie(user.id) };
}
