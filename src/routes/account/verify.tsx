import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { findUsableToken, tokensSentSince, useToken } from "../../auth/account-tokens.ts";
import { currentUser, forgetUser, requireUser } from "../../auth/session.ts";
import { users } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { ConfirmAddressPage } from "../../views/account/verify.tsx";
import { sendVerification } from "./mailing.ts";
import { redirectAfterForm } from "./respond.ts";

/** Links sent per address and hour before "send the link again" waits. */
export const RESEND_LIMIT = 3;
const HOUR_MS = 60 * 60_000;

export const verifyRoutes = new Hono<AppEnv>();

verifyRoutes.post("/verify/resend", requireUser, async (c) => {
  const user = currentUser(c);
  const email = user.pendingEmail ?? user.email;
  if (user.verified && !user.pendingEmail) return redirectAfterForm(c, "/account?done=already-verified");
  const sent = await tokensSentSince(c.get("db"), "verify", email, Date.now() - HOUR_MS);
  if (sent >= RESEND_LIMIT) {
    c.header("Retry-After", "3600");
    throw new Refusal(429, {
      title: "Too many links",
      detail: `We have sent ${sent} links to ${email} in the last hour. Look for them (also in spam), or try again in an hour.`,
    });
  }
  await sendVerification(c, user, email, user.pendingEmail !== null);
  return redirectAfterForm(c, "/account?done=link-sent");
});

verifyRoutes.get("/verify/:token", async (c) => {
  const token = c.req.param("token");
  const found = await findUsableToken(c.get("db"), "verify", token);
  return c.render(<ConfirmAddressPage token={token} email={found?.email ?? null} valid={found !== null} />, { title: "Confirm your email address", noindex: true });
});

/**
 * Confirms the address the link was sent to: the account's own (it becomes verified) or the new one it
 * asked for (it becomes the account's address, verified). The link proves the address, so no sign-in is needed.
 */
verifyRoutes.post("/verify/:token", async (c) => {
  const db = c.get("db");
  const token = c.req.param("token");
  const used = await useToken(db, "verify", token);
  if (!used || used.userId === null) {
    c.status(410);
    return c.render(<ConfirmAddressPage token={token} email={null} valid={false} />, { title: "Link no longer works", noindex: true });
  }
  const account = await db.select({ email: users.email, pendingEmail: users.pendingEmail }).from(users).where(eq(users.id, used.userId)).get();
  const now = Date.now();
  if (account?.email === used.email) {
    await db.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, used.userId));
  } else if (account?.pendingEmail === used.email) {
    const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, used.email)).get();
    if (taken) {
      throw new Refusal(409, { title: "Address already in use", detail: "Another account uses this address now. Your address stays as it was." });
    }
    await db.update(users).set({ email: used.email, pendingEmail: null, emailVerifiedAt: now }).where(eq(users.id, used.userId));
  } else {
    c.status(410);
    return c.render(<ConfirmAddressPage token={token} email={null} valid={false} />, { title: "Link no longer works", noindex: true });
  }
  forgetUser(used.userId);
  return redirectAfterForm(c, c.get("user") ? "/account?done=verified" : "/account/sign-in?done=verified");
});
