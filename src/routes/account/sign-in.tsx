import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { WRONG_CREDENTIALS_MESSAGE, signInSchema } from "../../auth/forms.ts";
import { verifyNothing, verifyPassword } from "../../auth/password.ts";
import {
  type SignInLimit,
  checkSignInLimit,
  clearAccountFailures,
  recordSignInFailure,
  retryAfterSeconds,
  signInKeys,
  waitText,
} from "../../auth/rate-limit.ts";
import { startSession } from "../../auth/session.ts";
import { users } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { fieldErrors, formText } from "../../lib/forms.ts";
import type { FieldErrors } from "../../lib/problem.ts";
import { SignInForm, SignInPage } from "../../views/account/sign-in.tsx";
import { isHtmx, redirectAfterForm, safeNext } from "./respond.ts";

export const signInRoutes = new Hono<AppEnv>();

signInRoutes.get("/sign-in", (c) =>
  c.html(
    <SignInPage
      nonce={c.get("nonce")}
      user={(c.get("user") ?? null)}
      csrf={c.get("csrf")}
      next={safeNext(c.req.query("next"))}
      email=""
      errors={{}}
    />,
  ),
);

signInRoutes.post("/sign-in", async (c) => {
  const raw = formText(await c.req.parseBody(), ["email", "password", "next"]);
  const next = safeNext(raw.next);
  const answer = (status: 401 | 422 | 429, errors: FieldErrors, message?: string) => {
    const form = { email: raw.email, errors, message, csrf: c.get("csrf"), next };
    if (isHtmx(c)) return c.html(<SignInForm {...form} />, status);
    return c.html(<SignInPage {...form} nonce={c.get("nonce")} user={(c.get("user") ?? null)} />, status);
  };

  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return answer(422, fieldErrors(parsed.error));
  const { email, password } = parsed.data;
  const db = c.get("db");
  const keys = signInKeys(email, c.req.header("CF-Connecting-IP"));

  // While limited, no password is checked at all: guessing gains nothing.
  const limit = await checkSignInLimit(db, keys);
  if (limit.limited) {
    c.header("Retry-After", retryAfterSeconds(limit.retryAt));
    return answer(429, {}, tooManyMessage(limit));
  }

  const user = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .get();
  // An unknown email (or an account without a password) costs the same derivation as a real check.
  const matches = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyNothing(password);
  if (!user || !matches) {
    await recordSignInFailure(db, keys);
    return answer(401, {}, WRONG_CREDENTIALS_MESSAGE);
  }
  await clearAccountFailures(db, keys);
  await startSession(c, user.id);
  return redirectAfterForm(c, next);
});

function tooManyMessage(limit: Extract<SignInLimit, { limited: true }>): string {
  const who = limit.scope === "account" ? "for this account" : "from your network";
  return `Too many failed sign-ins ${who}. Try again in ${waitText(limit.retryAt)}.`;
}
