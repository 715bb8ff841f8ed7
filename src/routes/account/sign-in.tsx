import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { WRONG_CREDENTIALS_MESSAGE, signInSchema } from "../../auth/forms.ts";
import { verifyNothing, verifyPassword } from "../../auth/password.ts";
import { type SignInLimit, beginSignInAttempt, forgiveSignIn, retryAfterSeconds, signInKeys, waitText } from "../../auth/rate-limit.ts";
import { startSession } from "../../auth/session.ts";
import { users } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { isHtmx } from "../../middleware/errors.tsx";
import { fieldErrors } from "../../lib/forms.ts";
import { type FormParse, formBody } from "../../middleware/validate.ts";
import { SignInForm, type SignInFormProps, SignInPage } from "../../views/account/sign-in.tsx";
import { redirectAfterForm, safeNext } from "./respond.ts";

export const signInRoutes = new Hono<AppEnv>();

function signInPage(c: Context<AppEnv>, form: SignInFormProps) {
  return c.render(<SignInPage {...form} user={c.get("user") ?? null} done={c.req.query("done")} />, { title: "Sign in", noindex: true });
}

/** A posted form comes back alone for htmx (it swaps itself), else in the whole page. */
function showSignIn(c: Context<AppEnv>, form: SignInFormProps) {
  if (isHtmx(c)) return c.render(<SignInForm {...form} />, { title: "", fragment: true });
  return signInPage(c, form);
}

signInRoutes.get("/sign-in", (c) => signInPage(c, { next: safeNext(c.req.query("next")), email: "", errors: {} }));

/** The email as typed goes back into a refused form; the parsed one (trimmed, lower case) finds the account. */
const signInForm: FormParse<SignInInput> = (values) => {
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  return { data: { ...parsed.data, typed: values.email ?? "", next: safeNext(values.next) } };
};

interface SignInInput {
  email: string;
  password: string;
  typed: string;
  next: string;
}

signInRoutes.post(
  "/sign-in",
  formBody(signInForm, {
    fields: ["email", "password", "next"],
    invalid: (c, { values, errors }) => showSignIn(c, { email: values.email ?? "", errors, next: safeNext(values.next) }),
  }),
  async (c) => {
    const { email, password, typed, next } = c.req.valid("form");
    const answer = (status: 401 | 429, message: string) => {
      c.status(status);
      return showSignIn(c, { email: typed, errors: {}, message, next });
    };

    const db = c.get("db");
    const keys = signInKeys(email, c.req.header("CF-Connecting-IP"));

    // The attempt is counted before the password is checked; while limited, no password is checked at all.
    const attempt = await beginSignInAttempt(db, keys);
    if (attempt.limited) {
      c.header("Retry-After", retryAfterSeconds(attempt.limit.retryAt));
      return answer(429, tooManyMessage(attempt.limit));
    }
    // An account guessed at from many addresses answers slowly, but still answers its owner.
    if (attempt.delayMs > 0) await scheduler.wait(attempt.delayMs);

    const user = await db
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .get();
    // An unknown email (or an account without a password) costs the same derivation as a real check.
    const matches = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyNothing(password);
    if (!user || !matches) return answer(401, WRONG_CREDENTIALS_MESSAGE);
    await forgiveSignIn(db, keys, attempt);
    await startSession(c, user.id);
    return redirectAfterForm(c, next);
  },
);

function tooManyMessage(limit: Extract<SignInLimit, { limited: true }>): string {
  const who = limit.scope === "account" ? "for this account" : "from your network";
  return `Too many failed sign-ins ${who}. Try again in ${waitText(limit.retryAt)}.`;
}
