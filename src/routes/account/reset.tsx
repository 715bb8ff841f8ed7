import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { findUsableToken, tokensSentSince, useToken } from "../../auth/account-tokens.ts";
import { newPassword, signInSchema } from "../../auth/forms.ts";
import { hashPassword } from "../../auth/password.ts";
import { endAllSessions } from "../../auth/session.ts";
import { users } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { fieldErrors, formText } from "../../lib/forms.ts";
import { ForgotPage, ResetPage } from "../../views/account/reset.tsx";
import { sendReset } from "./mailing.ts";
import { redirectAfterForm } from "./respond.ts";

/** Reset links per address and hour; more requests get the same answer and no mail. */
const RESET_LIMIT = 3;
const HOUR_MS = 60 * 60_000;

export const resetRoutes = new Hono<AppEnv>();

const forgotTitle = { title: "Reset your password", noindex: true };

resetRoutes.get("/forgot", (c) => c.render(<ForgotPage email="" errors={{}} sent={false} />, forgotTitle));

/** The same answer (and the same work) whether or not the address has an account. */
resetRoutes.post("/forgot", async (c) => {
  const raw = formText(await c.req.parseBody(), ["email"]);
  const parsed = signInSchema.shape.email.pipe(z.email("Enter an email address like name@example.com.")).safeParse(raw.email);
  if (!parsed.success) {
    c.status(422);
    return c.render(<ForgotPage email={raw.email} errors={{ email: parsed.error.issues[0]?.message ?? "Enter your email address." }} sent={false} />, forgotTitle);
  }
  const db = c.get("db");
  const email = parsed.data;
  const [user, recent] = await Promise.all([
    db.select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).get(),
    tokensSentSince(db, "reset", email, Date.now() - HOUR_MS),
  ]);
  if (user && recent < RESET_LIMIT) await sendReset(c, user);
  return c.render(<ForgotPage email={raw.email} errors={{}} sent={true} />, forgotTitle);
});

const resetTitle = { title: "Choose a new password", noindex: true };

resetRoutes.get("/reset/:token", async (c) => {
  const token = c.req.param("token");
  const found = await findUsableToken(c.get("db"), "reset", token);
  if (!found) c.status(410);
  return c.render(<ResetPage token={token} valid={found !== null} errors={{}} />, resetTitle);
});

/** A new password from a reset link: the link is used up, every session ends, and the address counts as proven. */
resetRoutes.post("/reset/:token", async (c) => {
  const db = c.get("db");
  const token = c.req.param("token");
  const raw = formText(await c.req.parseBody(), ["password"]);
  const parsed = await z.object({ password: newPassword }).safeParseAsync(raw);
  if (!parsed.success) {
    const valid = (await findUsableToken(db, "reset", token)) !== null;
    c.status(valid ? 422 : 410);
    return c.render(<ResetPage token={token} valid={valid} errors={fieldErrors(parsed.error)} />, resetTitle);
  }
  const used = await useToken(db, "reset", token);
  if (!used || used.userId === null) {
    c.status(410);
    return c.render(<ResetPage token={token} valid={false} errors={{}} />, resetTitle);
  }
  const account = await db.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, used.userId)).get();
  const proven = account?.email === used.email;
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(parsed.data.password), ...(proven && account.verifiedAt === null ? { emailVerifiedAt: Date.now() } : {}) })
    .where(eq(users.id, used.userId));
  await endAllSessions(db, used.userId);
  return redirectAfterForm(c, "/account/sign-in?done=password-reset");
});
