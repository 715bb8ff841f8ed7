import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { z } from "zod";
import { newPassword, signUpSchema } from "../../auth/forms.ts";
import { hashPassword, verifyPassword } from "../../auth/password.ts";
import { currentUser, endAllSessions, forgetUser, requireUser, SESSION_COOKIE } from "../../auth/session.ts";
import { users } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { fieldErrors, formText } from "../../lib/forms.ts";
import type { CareErrors } from "../../views/account/care.tsx";
import { showAccount } from "./profile.tsx";
import { sendVerification } from "./mailing.ts";
import { redirectAfterForm } from "./respond.ts";

/**
 * Account care on the account page: name and club, password (asks the current one), a new address
 * (counted once confirmed), and signing out everywhere. Refused forms come back on the account page.
 */
export const careRoutes = new Hono<AppEnv>();
careRoutes.use("/profile", requireUser);
careRoutes.use("/password", requireUser);
careRoutes.use("/email", requireUser);
careRoutes.use("/sign-out-everywhere", requireUser);

const refused = (c: Context<AppEnv>, care: CareErrors) => {
  c.status(422);
  return showAccount(c, { care });
};

const profileForm = signUpSchema.pick({ name: true, club: true });

careRoutes.post("/profile", async (c) => {
  const raw = formText(await c.req.parseBody(), ["name", "club"]);
  const parsed = profileForm.safeParse(raw);
  if (!parsed.success) return refused(c, { form: "profile", errors: fieldErrors(parsed.error), values: raw });
  const user = currentUser(c);
  await c.get("db").update(users).set(parsed.data).where(eq(users.id, user.id));
  forgetUser(user.id);
  return redirectAfterForm(c, "/account?done=profile");
});

async function currentPasswordMatches(c: Context<AppEnv>, password: string): Promise<boolean> {
  const row = await c.get("db").select({ hash: users.passwordHash }).from(users).where(eq(users.id, currentUser(c).id)).get();
  return row?.hash ? verifyPassword(password, row.hash) : false;
}

const WRONG_CURRENT = "This is not your current password.";

careRoutes.post("/password", async (c) => {
  const raw = formText(await c.req.parseBody(), ["current", "password"]);
  const parsed = await z.object({ current: z.string().min(1, "Enter your current password."), password: newPassword }).safeParseAsync(raw);
  if (!parsed.success) return refused(c, { form: "password", errors: fieldErrors(parsed.error), values: {} });
  if (!(await currentPasswordMatches(c, parsed.data.current))) return refused(c, { form: "password", errors: { current: WRONG_CURRENT }, values: {} });
  const user = currentUser(c);
  await c.get("db").update(users).set({ passwordHash: await hashPassword(parsed.data.password) }).where(eq(users.id, user.id));
  // Other devices are signed out; this one stays.
  await endAllSessions(c.get("db"), user.id, user.sessionHash);
  return redirectAfterForm(c, "/account?done=password");
});

careRoutes.post("/email", async (c) => {
  const raw = formText(await c.req.parseBody(), ["email", "current"]);
  const parsed = z.object({ email: signUpSchema.shape.email, current: z.string().min(1, "Enter your current password.") }).safeParse(raw);
  if (!parsed.success) return refused(c, { form: "email", errors: fieldErrors(parsed.error), values: { email: raw.email } });
  const user = currentUser(c);
  const { email } = parsed.data;
  if (!(await currentPasswordMatches(c, parsed.data.current))) return refused(c, { form: "email", errors: { current: WRONG_CURRENT }, values: { email: raw.email } });
  if (email === user.email) return refused(c, { form: "email", errors: { email: "This is already your address." }, values: { email: raw.email } });
  const taken = await c.get("db").select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (taken) return refused(c, { form: "email", errors: { email: "Another account uses this address." }, values: { email: raw.email } });
  await c.get("db").update(users).set({ pendingEmail: email }).where(eq(users.id, user.id));
  forgetUser(user.id);
  await sendVerification(c, user, email, true);
  return redirectAfterForm(c, "/account?done=email-pending");
});

careRoutes.post("/sign-out-everywhere", async (c) => {
  await endAllSessions(c.get("db"), currentUser(c).id);
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
  return redirectAfterForm(c, "/account/sign-in?done=signed-out-everywhere");
});
