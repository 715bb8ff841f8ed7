import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { signUpSchema } from "../../auth/forms.ts";
import { hashPassword } from "../../auth/password.ts";
import { networkAddress, recordSignUp, retryAfterSeconds, signUpRetryAt, waitText } from "../../auth/rate-limit.ts";
import { startSession } from "../../auth/session.ts";
import { users } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { fieldErrors, formText } from "../../lib/forms.ts";
import type { FieldErrors } from "../../lib/problem.ts";
import { isHtmx } from "../../middleware/errors.tsx";
import { SignUpForm, type SignUpFormProps, SignUpPage, type SignUpValues } from "../../views/account/sign-up.tsx";
import { sendVerification } from "./mailing.ts";
import { redirectAfterForm, safeNext } from "./respond.ts";

const EMAIL_TAKEN = "There is already an account with this email. Sign in instead, or use another email.";

export const signUpRoutes = new Hono<AppEnv>();

function signUpPage(c: Context<AppEnv>, form: SignUpFormProps) {
  return c.render(<SignUpPage {...form} />, { title: "Create an account", noindex: true });
}

/** A posted form comes back alone for htmx (it swaps itself), else in the whole page. */
function showSignUp(c: Context<AppEnv>, form: SignUpFormProps) {
  if (isHtmx(c)) return c.render(<SignUpForm {...form} />, { title: "", fragment: true });
  return signUpPage(c, form);
}

signUpRoutes.get("/sign-up", (c) =>
  signUpPage(c, { next: safeNext(c.req.query("next")), values: { email: "", name: "", club: "" }, errors: {} }),
);

// Not `formBody`: the common-password check reads its list asynchronously, which a sync parse cannot await.
signUpRoutes.post("/sign-up", async (c) => {
  const raw = formText(await c.req.parseBody(), ["email", "name", "club", "password", "next"]);
  const next = safeNext(raw.next);
  const values: SignUpValues = { email: raw.email, name: raw.name, club: raw.club };
  const again = (errors: FieldErrors, status: 422 | 429 = 422, message?: string) => {
    c.status(status);
    return showSignUp(c, { values, errors, message, next });
  };

  const parsed = await signUpSchema.safeParseAsync(raw);
  if (!parsed.success) return again(fieldErrors(parsed.error));
  const { email, name, club, password } = parsed.data;
  const db = c.get("db");
  const address = networkAddress(c.req.header("CF-Connecting-IP"));
  const retryAt = await signUpRetryAt(db, address);
  if (retryAt !== null) {
    c.header("Retry-After", retryAfterSeconds(retryAt));
    return again({}, 429, `Too many new accounts from your network. Try again in ${waitText(retryAt)}.`);
  }
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing) return again({ email: EMAIL_TAKEN });

  let userId: number;
  try {
    const row = await db
      .insert(users)
      .values({ email, name, club, passwordHash: await hashPassword(password) })
      .returning({ id: users.id })
      .get();
    userId = row.id;
    await recordSignUp(db, address);
  } catch (err) {
    // Two sign-ups with one email at once: the unique index decides, and the loser is told as above.
    if (isUniqueViolation(err)) return again({ email: EMAIL_TAKEN });
    throw err;
  }
  await startSession(c, userId);
  // Nothing is granted to the address until its link is opened (staff invitations included). The account
  // exists either way: if the queue cannot take the mail now, the account page sends the link again.
  try {
    await sendVerification(c, { id: userId, name }, email, false);
  } catch (err) {
    c.get("log").error("sign-up: the verification mail could not be queued", err);
  }
  return redirectAfterForm(c, next === "/" ? "/account?done=welcome" : next);
});

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes("UNIQUE constraint failed")) return true;
  }
  return false;
}
