import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../src/auth/password.ts";
import { users } from "../../src/db/schema.ts";
import { createUser, type UserFields } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { type Call, get, postForm } from "../helpers/http.ts";

let addressCounter = 0;
/** A fresh client address per test, so address-wide rate limits of one test never touch another. */
export function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

/** The CSRF token the page's form carries, read as a browser would from the rendered HTML. */
export async function formToken(path: string, cookie?: string): Promise<string> {
  const res = await get(path, cookie ? { cookie } : {});
  const match = /name="_csrf" value="([^"]+)"/.exec(await res.text());
  if (!match?.[1]) throw new Error(`no _csrf field on ${path} (status ${res.status})`);
  return match[1];
}

export async function userCount(): Promise<number> {
  const row = await db.select({ n: count() }).from(users).get();
  return row?.n ?? 0;
}

export async function userByEmail(email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

/** A user who can sign in with the password. */
export async function userWithPassword(password: string, fields: UserFields = {}) {
  const user = await createUser(fields);
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id)).run();
  return user;
}

let emailCounter = 0;
export function freshEmail(label = "shooter"): string {
  emailCounter += 1;
  return `${label}-${Date.now().toString(36)}-${emailCounter}@example.test`;
}

/** Posts the sign-in form like a browser on the sign-in page (fetching its token first). */
export async function signIn(email: string, password: string, call: Call & { next?: string } = {}) {
  const _csrf = await formToken("/account/sign-in", call.cookie);
  const fields: Record<string, string> = { _csrf, email, password };
  if (call.next !== undefined) fields.next = call.next;
  return postForm("/account/sign-in", fields, call);
}

export async function signUp(fields: Record<string, string>, call: Call = {}) {
  const _csrf = await formToken("/account/sign-up", call.cookie);
  return postForm("/account/sign-up", { _csrf, ...fields }, call);
}

/** The sign-in form's error line, if it shows one. */
export function formError(html: string): string | undefined {
  return /id="sign-in-error"[^>]*>([^<]*)</.exec(html)?.[1];
}

/** What the header fragment shows for this cookie: the signed-in name, or null when signed out. */
export async function headerName(cookie: string): Promise<string | null> {
  const html = await (await get("/fragments/account-nav", { cookie })).text();
  return /data-testid="who"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
}

export const STRONG_PASSWORD = "falcon-orbit-meadow-42";

/** A competitor entered by an organiser: an account row with no password. */
export async function createUserWithoutPassword() {
  return createUser({ email: freshEmail("walk-up") });
}
